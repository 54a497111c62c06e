package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The archive keeps what it committed and never half a report: a failure injected halfway through
 * a file rolls the whole file back; a report that breaks halfway leaves nothing of itself while the
 * file's other reports stay; a process killed with SIGKILL mid-import loses nothing committed; a
 * 100 MB report imports in 64 MB of heap. On SQLite and PostgreSQL alike, with versioned migrations.
 */
class ReportArchiveTest {

    private static final long BEGIN = 1_700_000_000L;

    @TempDir
    Path folder;

    private ReportArchive open(String kind) {
        return kind.equals("postgresql") ? ReportArchive.open(TestPostgres.newDatabase(), folder)
                : ReportArchive.open(folder.resolve("archive.db").toString(), folder);
    }

    private static String report(String id, int rows) {
        List<SampleReports.Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(SampleReports.row("10.0." + (i >> 8 & 255) + "." + (i & 255), 1 + i % 3, i % 2 == 0 ? "pass" : "fail", "fail"));
        }
        return SampleReports.xml("example.net", id, "example.com", BEGIN, list);
    }

    private Path zipOf(String name, String... entries) throws IOException {
        Path file = folder.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry("r" + i + ".xml"));
                zip.write(entries[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void messagesAreCountedPerDayAndPerReporterAsTheSummaryCountsThem(String kind) throws Exception {
        long december1 = LocalDate.of(2026, 12, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        try (ReportArchive archive = open(kind)) {
            Path a = folder.resolve("a.xml");
            Files.writeString(a, SampleReports.xml("google.com", "a", "shop.test", december1 + 3600,
                    List.of(SampleReports.row("192.0.2.1", 30, "pass", "fail"), SampleReports.row("192.0.2.2", 4, "fail", "fail"))));
            Path b = folder.resolve("b.xml");
            Files.writeString(b, SampleReports.xml("Yahoo", "b", "shop.test", december1 + 86_400,
                    List.of(SampleReports.row("192.0.2.1", 6, "fail", "pass"))));
            Path c = folder.resolve("c.xml");
            Files.writeString(c, SampleReports.xml("Yahoo", "c", "other.test", december1, List.of(SampleReports.row("192.0.2.9", 9, "fail", "fail"))));
            for (Path file : List.of(a, b, c)) {
                archive.importFile(file, ReportLimits.DEFAULT);
            }
            SummaryQuery shop = new SummaryQuery("shop.test", null, null);

            assertEquals(List.of(new ReportArchive.Daily(LocalDate.of(2026, 12, 1), 30, 4),
                    new ReportArchive.Daily(LocalDate.of(2026, 12, 2), 6, 0)), archive.daily(shop));
            assertEquals(List.of(new ReportArchive.Reporter("google.com", 34, 30), new ReportArchive.Reporter("Yahoo", 6, 6)),
                    archive.reporters(shop));
            assertEquals(List.of(new ReportArchive.Reporter("google.com", 34, 30), new ReportArchive.Reporter("Yahoo", 15, 6)),
                    archive.reporters(SummaryQuery.ALL));
            assertEquals(List.of(new ReportArchive.Daily(LocalDate.of(2026, 12, 2), 6, 0)),
                    archive.daily(new SummaryQuery("shop.test", LocalDate.of(2026, 12, 2), null)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailureHalfwayThroughAFileKeepsNothingOfThatFile(String kind) throws Exception {
        try (ReportArchive archive = open(kind)) {
            Path before = zipOf("before.zip", report("a", 50));
            assertEquals(1, archive.importFile(before, ReportLimits.DEFAULT).imported());
            Path file = zipOf("three.zip", report("b", 800), report("c", 800), report("d", 800));
            long[] rows = {0};
            archive.observeRows(n -> {
                if (++rows[0] == 1300) {
                    throw new IllegalStateException("injected: the disk went away");
                }
            });
            assertThrows(IllegalStateException.class, () -> archive.importFile(file, ReportLimits.DEFAULT));
            archive.observeRows(n -> { });
            assertEquals(1, archive.summary(SummaryQuery.ALL).reports());
            assertEquals(50, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
            // Imported again, whole.
            FileImport again = archive.importFile(file, ReportLimits.DEFAULT);
            assertEquals(3, again.imported());
            assertEquals(2450, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
            assertEquals(0, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM aggregate_reports r"
                    + " WHERE r.row_count <> (SELECT COUNT(*) FROM report_rows w WHERE w.report = r.id)"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReportThatBreaksHalfwayLeavesNothingOfItselfAndTheOthersStay(String kind) throws Exception {
        try (ReportArchive archive = open(kind)) {
            String broken = report("b", 600);
            broken = broken.substring(0, broken.indexOf("<record>", broken.length() / 2)) + "<record><row><count>x";
            Path file = zipOf("mixed.zip", report("a", 600), broken, report("c", 600), report("a", 600));
            FileImport result = archive.importFile(file, ReportLimits.DEFAULT);
            assertEquals(2, result.imported());
            assertEquals(1, result.duplicates());
            assertEquals(1, result.problems().size());
            assertEquals("entry r1.xml", result.problems().get(0).where().text(Locale.ENGLISH));
            assertEquals(2, archive.summary(SummaryQuery.ALL).reports());
            assertEquals(1200, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
            assertEquals(0, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM aggregate_reports WHERE report_id = 'b'"));
            // The reasons and results of the good reports' rows are all there, and none of the broken one's.
            assertEquals(2400, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM row_dkim") + ReportSamplesTest.count(archive,
                    "SELECT COUNT(*) FROM row_spf"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theSchemaIsVersionedAndANewerOneIsRefused(String kind) throws Exception {
        String location;
        try (ReportArchive archive = open(kind)) {
            assertEquals(Migrations.LATEST, archive.schemaVersion());
            assertEquals(Migrations.LATEST, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM schema_version"));
            location = kind.equals("sqlite") ? folder.resolve("archive.db").toString() : null;
            if (location == null) {
                try (Statement statement = archive.connection().createStatement()) {
                    statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
                }
                archive.connection().commit();
                ArchiveException newer = assertThrows(ArchiveException.class, () -> ReportArchive.open(reopenUrl(archive), folder));
                assertEquals("reports.archive.newer-schema", newer.problem().key());
                return;
            }
        }
        // Opened again: no migration runs twice.
        try (ReportArchive again = ReportArchive.open(location, folder)) {
            assertEquals(Migrations.LATEST, ReportSamplesTest.count(again, "SELECT COUNT(*) FROM schema_version"));
            try (Statement statement = again.connection().createStatement()) {
                statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
            }
            again.connection().commit();
        }
        ArchiveException newer = assertThrows(ArchiveException.class, () -> ReportArchive.open(location, folder));
        assertEquals("reports.archive.newer-schema", newer.problem().key());
        assertTrue(newer.getMessage().contains("version 99"), newer.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anArchiveOfSchemaOneKeepsEveryResultWhenMovedToTwo(String kind) throws Exception {
        String location = archiveOfVersion(kind, 1, statement -> {
            // Record 1 has no DKIM result, record 2 one, record 3 three; records 1 and 3 one SPF result, record 2 two.
            statement.execute("INSERT INTO row_dkim VALUES (7, 2, 1, 'example.com', 's1', 'pass', NULL)");
            for (int seq = 1; seq <= 3; seq++) {
                statement.execute("INSERT INTO row_dkim VALUES (7, 3, " + seq + ", 'd" + seq + ".example', 's" + seq + "', 'fail', 'h" + seq + "')");
            }
            statement.execute("INSERT INTO row_spf VALUES (7, 1, 1, 'example.com', 'mfrom', 'pass', NULL)");
            statement.execute("INSERT INTO row_spf VALUES (7, 2, 1, 'example.com', 'helo', 'fail', NULL)");
            statement.execute("INSERT INTO row_spf VALUES (7, 2, 2, 'bounce.example.com', 'mfrom', 'softfail', 'why')");
            statement.execute("INSERT INTO row_spf VALUES (7, 3, 1, NULL, NULL, NULL, NULL)");
        });
        try (ReportArchive archive = ReportArchive.open(location, folder)) {
            assertEquals(Migrations.LATEST, archive.schemaVersion());
            assertEquals(List.of("2/1 example.com s1 pass null", "3/1 d1.example s1 fail h1", "3/2 d2.example s2 fail h2",
                    "3/3 d3.example s3 fail h3"), results(archive, "row_dkim"));
            assertEquals(List.of("1/1 example.com mfrom pass null", "2/1 example.com helo fail null",
                    "2/2 bounce.example.com mfrom softfail why", "3/1 null null null null"), results(archive, "row_spf"));
            // Only the second and later results are kept apart.
            assertEquals(2, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM row_dkim_more"));
            assertEquals(1, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM row_spf_more"));
            // And a report imported now reads back alike, beside the old one.
            Path file = folder.resolve("new.xml");
            Files.writeString(file, SampleReports.xml("new", "example.com", java.time.LocalDate.of(2026, 1, 2),
                    SampleReports.record("192.0.2.9", 4, "none", List.of("a.example/s1/pass", "b.example/s2/fail"), List.of())));
            assertEquals(1, archive.importFile(file, ReportLimits.DEFAULT).imported());
            assertEquals(List.of("1/1 a.example s1 pass null", "1/2 b.example s2 fail null"), results(archive,
                    "row_dkim WHERE report = (SELECT id FROM aggregate_reports WHERE report_id = 'new')"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anArchiveOfSchemaTwoKeepsEveryReasonAndRecordWhenMovedOn(String kind) throws Exception {
        String location = archiveOfVersion(kind, 2, statement -> {
            // Record 1 gives no reason, record 2 one without a comment, record 3 three.
            statement.execute("INSERT INTO row_reasons VALUES (7, 2, 1, 'forwarded', NULL)");
            statement.execute("INSERT INTO row_reasons VALUES (7, 3, 1, 'mailing_list', 'list.example')");
            statement.execute("INSERT INTO row_reasons VALUES (7, 3, 2, 'local_policy', '')");
            statement.execute("INSERT INTO row_reasons VALUES (7, 3, 3, 'other', 'third')");
        });
        try (ReportArchive archive = ReportArchive.open(location, folder)) {
            assertEquals(Migrations.LATEST, archive.schemaVersion());
            assertEquals(List.of("2/1 forwarded null", "3/1 mailing_list list.example", "3/2 local_policy ", "3/3 other third"),
                    reasons(archive, "row_reasons"));
            // Only the second and later reasons are kept apart; each record keyed by its report and number.
            assertEquals(2, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM row_reasons_more"));
            assertEquals(3, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows WHERE row_key = report * "
                    + Migrations.ROW_KEYS + " + row_no"));
            assertEquals(6, archive.summary(SummaryQuery.ALL).messages());
            assertEquals(List.of("forwarded 2 []", "local_policy 2 []", "mailing_list 2 [list.example]", "other 2 [third]"),
                    archive.summary(new SummaryQuery("example.com", null, null)).overrides().stream()
                            .map(reason -> reason.type() + " " + reason.messages() + " " + reason.comments()).toList());
            // And a report imported now reads back alike, beside the old one.
            Path file = folder.resolve("new.xml");
            Files.writeString(file, SampleReports.xml("new", "example.com", java.time.LocalDate.of(2026, 1, 2),
                    SampleReports.record("192.0.2.9", 4, "none", List.of("a.example/s1/pass"), List.of("forwarded/one", "trusted_forwarder")),
                    SampleReports.record("192.0.2.10", 1, "none", List.of("a.example/s1/pass"), List.of())));
            assertEquals(1, archive.importFile(file, ReportLimits.DEFAULT).imported());
            assertEquals(List.of("1/1 forwarded one", "1/2 trusted_forwarder null"), reasons(archive,
                    "row_reasons WHERE report = (SELECT id FROM aggregate_reports WHERE report_id = 'new')"));
        }
    }

    private interface OldRows {
        void write(Statement statement) throws java.sql.SQLException;
    }

    /**
     * A new archive of the database {@code kind} made as Mailwright made them at schema {@code version}:
     * report 7 of three records (2 messages each, DKIM pass, SPF fail), then {@code rows} written.
     */
    private String archiveOfVersion(String kind, int version, OldRows rows) throws Exception {
        String location = kind.equals("postgresql") ? TestPostgres.newDatabase() : folder.resolve("old.db").toString();
        Dialect dialect = kind.equals("postgresql") ? Dialect.POSTGRESQL : Dialect.SQLITE;
        try (java.sql.Connection old = java.sql.DriverManager.getConnection(kind.equals("postgresql") ? location : "jdbc:sqlite:" + location);
                Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
            for (int made = 1; made <= version; made++) {
                for (String sql : Migrations.VERSIONS.get(made - 1)) {
                    if (dialect.runs(sql)) {
                        statement.execute(dialect.sql(sql));
                    }
                }
                statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + made + ", 0)");
            }
            statement.execute("INSERT INTO aggregate_reports (id, org_name, report_id, dmarc2_namespace, domain, row_count, message_count,"
                    + " imported_at) VALUES (7, 'r.example', 'old', 0, 'example.com', 3, 6, 0)");
            for (int row = 1; row <= 3; row++) {
                statement.execute("INSERT INTO report_rows (report, row_no, source_ip, message_count, disposition, dkim, spf)"
                        + " VALUES (7, " + row + ", '192.0.2." + row + "', 2, 'none', 'pass', 'fail')");
            }
            rows.write(statement);
        }
        return location;
    }

    private static List<String> reasons(ReportArchive archive, String rows) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement statement = archive.connection().createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT row_no, seq, type, comment FROM " + rows
                        + " ORDER BY report, row_no, seq")) {
            while (result.next()) {
                lines.add(result.getInt(1) + "/" + result.getInt(2) + " " + result.getString(3) + " " + result.getString(4));
            }
        }
        archive.connection().commit();
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyDomainsReportedSelectorsAtOnceAreEachDomainsAskedAlone(String kind) throws Exception {
        Path file = folder.resolve("signed.xml");
        Files.writeString(file, SampleReports.xml("signed", "shop.test", java.time.LocalDate.of(2026, 11, 2),
                SampleReports.record("192.0.2.1", 5, "none", List.of("shop.test/s2/pass", "Shop.TEST/s1/pass", "esp.example/e1/pass"), List.of()),
                SampleReports.record("192.0.2.2", 3, "none", List.of("shop.test/s1/fail", "shop.test/s3/pass"), List.of()),
                SampleReports.record("192.0.2.3", 1, "none", List.of("esp.example/e2/pass", "other.example/x/fail"), List.of()),
                SampleReports.record("192.0.2.4", 1, "none", List.of(), List.of())));
        try (ReportArchive archive = open(kind)) {
            assertEquals(1, archive.importFile(file, ReportLimits.DEFAULT).imported());

            java.util.Map<String, List<String>> every = archive.dkimSelectorsOfEveryDomain(2, 100).orElseThrow();
            assertEquals(java.util.Set.of("shop.test", "esp.example", "other.example"), every.keySet());
            for (String domain : List.of("shop.test", "SHOP.test", "esp.example", "other.example", "absent.example")) {
                assertEquals(archive.dkimSelectors(domain, 2), every.getOrDefault(domain.toLowerCase(Locale.ROOT), List.of()), domain);
            }
            assertEquals(List.of("s1", "s2"), every.get("shop.test"), "the most often seen first, at most two");
            // Six domain and selector pairs: more than five is too many to hold.
            assertEquals(java.util.Optional.empty(), archive.dkimSelectorsOfEveryDomain(2, 5));
            assertTrue(archive.dkimSelectorsOfEveryDomain(2, 6).isPresent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void filesReadAheadAreWrittenInTurnAndAStopKeepsOnlyThoseHandedOver(String kind) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String id : List.of("a", "b", "a", "broken", "c", "d")) {
            Path file = folder.resolve(files.size() + "-" + id + ".xml");
            Files.writeString(file, id.equals("broken") ? report(id, 5).substring(0, 300) : report(id, 30));
            files.add(file);
        }
        try (ReportArchive archive = open(kind)) {
            List<FileImport> results = new ArrayList<>();
            archive.importFiles(files, ReportLimits.DEFAULT, result -> {
                results.add(result);
                // Each file handed over is committed: another connection sees it at once.
                assertEquals(results.stream().mapToInt(FileImport::imported).sum(), reportsSeenElsewhere(archive));
                return results.size() < 5;
            });
            assertEquals(files.subList(0, 5), results.stream().map(FileImport::file).toList());
            assertEquals(List.of(1, 1, 0, 0, 1), results.stream().map(FileImport::imported).toList());
            assertEquals(List.of(0, 0, 1, 0, 0), results.stream().map(FileImport::duplicates).toList());
            assertTrue(results.get(3).failed());
            // Stopped after the fifth: the sixth, read ahead, is not archived.
            assertEquals(3, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM aggregate_reports"));
            assertEquals(90, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoImportersOfTheSameFilesAtOnceKeepEachReportOnce(String kind) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Path file = folder.resolve("r" + i + ".xml");
            Files.writeString(file, report("r" + i, 20));
            files.add(file);
        }
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        String location = kind.equals("postgresql") ? TestPostgres.newDatabase() : folder.resolve("archive.db").toString();
        try (ReportArchive first = ReportArchive.open(location, folder); ReportArchive second = ReportArchive.open(location, folder)) {
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<List<FileImport>> one = threads.submit(() -> importAll(first, files));
                java.util.concurrent.Future<List<FileImport>> other = threads.submit(() -> importAll(second, reversed));
                List<FileImport> results = new ArrayList<>(one.get(60, TimeUnit.SECONDS));
                results.addAll(other.get(60, TimeUnit.SECONDS));

                assertEquals(60, results.stream().mapToInt(FileImport::imported).sum());
                assertEquals(60, results.stream().mapToInt(FileImport::duplicates).sum());
                assertTrue(results.stream().noneMatch(FileImport::failed));
            } finally {
                threads.shutdownNow();
            }
            assertEquals(60, ReportSamplesTest.count(first, "SELECT COUNT(*) FROM aggregate_reports"));
            assertEquals(60 * 20, ReportSamplesTest.count(first, "SELECT COUNT(*) FROM report_rows"));
        }
    }

    private static List<FileImport> importAll(ReportArchive archive, List<Path> files) {
        List<FileImport> results = new ArrayList<>();
        archive.importFiles(files, ReportLimits.DEFAULT, results::add);
        return results;
    }

    private static long reportsSeenElsewhere(ReportArchive archive) {
        String url;
        try {
            url = archive.connection().getMetaData().getURL();
            if (url.startsWith("jdbc:postgresql:")) {
                url = reopenUrl(archive);
            }
            try (java.sql.Connection other = java.sql.DriverManager.getConnection(url); Statement statement = other.createStatement();
                    java.sql.ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM aggregate_reports")) {
                result.next();
                return result.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every row of {@code rows} (a view, and a condition) as "row/seq domain selector-or-scope result human_result", in order. */
    private static List<String> results(ReportArchive archive, String rows) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement statement = archive.connection().createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT * FROM " + rows + " ORDER BY report, row_no, seq")) {
            while (result.next()) {
                lines.add(result.getInt(2) + "/" + result.getInt(3) + " " + result.getString(4) + " " + result.getString(5) + " "
                        + result.getString(6) + " " + result.getString(7));
            }
        }
        archive.connection().commit();
        return lines;
    }

    private static String reopenUrl(ReportArchive archive) throws Exception {
        return archive.connection().getMetaData().getURL() + "&user=postgres";
    }

    @Test
    void aProcessKilledMidImportLosesNothingItCommittedAndLeavesNoHalfReport() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path file = folder.resolve("r" + i + ".xml.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(report("kill-" + i, 4000).getBytes(StandardCharsets.UTF_8));
            }
            files.add(file);
        }
        Path db = folder.resolve("killed.db");
        Process child = child(db, files, "-Xmx256m");
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed.add(line.split(" ")[1]);
                    if (committed.size() == 5) {
                        // Well into the sixth file's transaction (each takes tens of milliseconds): SIGKILL.
                        Thread.sleep(15);
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(committed.size() == 5, "the child committed " + committed);
        try (ReportArchive archive = ReportArchive.open(db.toString(), folder)) {
            long reports = archive.summary(SummaryQuery.ALL).reports();
            assertTrue(reports >= 5 && reports < 40, "reports after the kill: " + reports);
            for (String file : committed) {
                String id = "kill-" + file.substring(file.lastIndexOf('r') + 1, file.indexOf(".xml"));
                assertEquals(1, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM aggregate_reports WHERE report_id = '" + id + "'"));
            }
            assertEquals(reports * 4000, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"), "whole reports only");
            assertEquals(0, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM aggregate_reports r"
                    + " WHERE r.row_count <> 4000 OR r.row_count <> (SELECT COUNT(*) FROM report_rows w WHERE w.report = r.id)"));
            // Run again: the rest comes in, what was there is a duplicate.
            int imported = 0;
            int duplicates = 0;
            for (Path file : files) {
                FileImport result = archive.importFile(file, ReportLimits.DEFAULT);
                imported += result.imported();
                duplicates += result.duplicates();
            }
            assertEquals(reports, duplicates);
            assertEquals(40 - reports, imported);
            assertEquals(40L * 4000, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
        }
    }

    @Test
    void aHundredMegabyteReportImportsIn64MegabytesOfHeap() throws Exception {
        int rows = 180_000;
        Path file = folder.resolve("big.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
                GeneratedReport report = new GeneratedReport(rows)) {
            report.transferTo(out);
        }
        Path db = folder.resolve("big.db");
        Process child = child(db, List.of(file), "-Xmx64m");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("committed " + file + " 1 0"), output);
        try (ReportArchive archive = ReportArchive.open(db.toString(), folder)) {
            assertEquals(3L * rows, archive.summary(SummaryQuery.ALL).messages());
            assertEquals(rows, ReportSamplesTest.count(archive, "SELECT COUNT(*) FROM report_rows"));
        }
    }

    /** A JVM running {@link ImportChild} on the test class path. */
    private static Process child(Path db, List<Path> files, String heap) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), db.toString()));
        files.stream().map(Path::toString).forEach(command::add);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
