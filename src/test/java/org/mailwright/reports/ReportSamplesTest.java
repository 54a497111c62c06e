package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.testsupport.Conformance;

/**
 * Every sample of ../shared/conformance/dmarc-reports/ (parsedmarc's, OpenDMARC's, mail-auth's and
 * dmarc-cat's test files) is imported or rejected with a clear reason, and the counts the archive
 * gives back equal the counts in the files, on SQLite and on PostgreSQL. The expected counts below
 * were taken from the files by another reader (Python's email, gzip, zipfile and ElementTree), not
 * by Mailwright's.
 */
class ReportSamplesTest {

    private static final String ROOT = "dmarc-reports";

    /**
     * What a sample holds.
     *
     * @param file its path under dmarc-reports/
     * @param aggregates aggregate reports imported from it
     * @param rows their records
     * @param messages the sum of the records' counts
     * @param failures failure reports imported from it
     * @param error a phrase of the reason it is rejected, or null when nothing in it is rejected
     */
    record Sample(String file, int aggregates, long rows, long messages, int failures, String error) {
    }

    private static Sample ok(String file, long rows, long messages) {
        return new Sample(file, 1, rows, messages, 0, null);
    }

    private static Sample failure(String file) {
        return new Sample(file, 0, 0, 0, 1, null);
    }

    private static Sample rejected(String file, String error) {
        return new Sample(file, 0, 0, 0, 0, error);
    }

    static final List<Sample> SAMPLES = List.of(
            rejected("aggregate/dmarc-cat/bad.xml", "The file is empty."),
            rejected("aggregate/dmarc-cat/bad.zip", "entry bad.xml: The file is empty."),
            rejected("aggregate/dmarc-cat/empty.txt", "The file is empty."),
            ok("aggregate/dmarc-cat/example.com!keltia.net!1538604008!1538690408.xml", 1, 1),
            ok("aggregate/dmarc-cat/example.com!keltia.net!1538604008!1538690408.xml.gz", 1, 1),
            ok("aggregate/dmarc-cat/google.com!keltia.net!1538438400!1538524799.xml", 2, 2),
            ok("aggregate/dmarc-cat/google.com!keltia.net!1538438400!1538524799.zip", 2, 2),
            rejected("aggregate/dmarc-cat/notempty.txt", "not a DMARC report"),
            rejected("aggregate/dmarc-cat/notempty.txt.gz", "The gzip data holds no DMARC report"),
            rejected("aggregate/dmarc-cat/notempty.zip", "entry notempty.txt: This is not a DMARC report"),
            ok("aggregate/mail-auth/001.xml", 1, 123),
            ok("aggregate/mail-auth/002.xml", 1, 2),
            ok("aggregate/mail-auth/003.xml", 4, 9),
            ok("aggregate/mail-auth/004.xml", 1, 123),
            ok("aggregate/mail-auth/005.xml", 1, 1),
            ok("aggregate/mail-auth/100.eml", 1, 1),
            ok("aggregate/mail-auth/101.eml", 1, 1),
            ok("aggregate/mail-auth/102.eml", 1, 1),
            ok("aggregate/mail-auth/103.eml", 1, 1),
            ok("aggregate/mail-auth/104.eml", 1, 1),
            ok("aggregate/opendmarc/163.com!example.com!1337270400!1337356799.20120518163.xml", 50, 92),
            rejected("aggregate/opendmarc/bad.com!example.com!1337140800!1337227200.xml", "not well-formed at line 6"),
            ok("aggregate/opendmarc/good.com!example.com!1337270400!1337356799.xml", 754, 183934),
            ok("aggregate/opendmarc/yeah.net!example.com!1337270400!1337356799.20120518.xml", 254, 21679),
            ok("aggregate/parsedmarc/aggregate/!example.com!1538204542!1538463818.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/!large-example.com!1711897200!1711983600.xml", 2286, 2286),
            ok("aggregate/parsedmarc/aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/addisonfoods.com!example.com!1536105600!1536191999.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/empty_reason.xml", 1, 2),
            ok("aggregate/parsedmarc/aggregate/estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip", 1, 1),
            ok("aggregate/parsedmarc/aggregate/example.net!example.com!1529366400!1529452799.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz", 1, 1),
            ok("aggregate/parsedmarc/aggregate/ikea.com!example.de!1538690400!1538776800.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/invalid_utf_8.xml", 1, 1),
            rejected("aggregate/parsedmarc/aggregate/invalid_xml.xml", "not well-formed at line 5"),
            ok("aggregate/parsedmarc/aggregate/mimecast-weird-gzip.eml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/old_draft_from_wiki.xml", 1, 2),
            ok("aggregate/parsedmarc/aggregate/protection.outlook.com!example.com!1711756800!1711843200.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml", 2, 7),
            ok("aggregate/parsedmarc/aggregate/rfc9990-sample.xml", 1, 123),
            ok("aggregate/parsedmarc/aggregate/twilight.eml", 1, 1),
            ok("aggregate/parsedmarc/aggregate/usssa.com!example.com!1538784000!1538870399.xml", 2, 2),
            ok("aggregate/parsedmarc/aggregate/veeam.com!example.com!1530133200!1530219600.xml", 1, 1),
            ok("aggregate/parsedmarc/aggregate_invalid/report_with_upper_cased_pass.xml", 1, 1),
            rejected("aggregate/parsedmarc/empty.xml", "The file is empty."),
            ok("aggregate/parsedmarc/extract_report/changed-input.xml", 20, 3047),
            ok("aggregate/parsedmarc/extract_report/nice-input.xml", 20, 3047),
            ok("aggregate/parsedmarc/extract_report/nice-input.xml.gz", 20, 3047),
            ok("aggregate/parsedmarc/extract_report/nice-input.xml.zip", 20, 3047),
            failure("forensic/mail-auth/001.eml"),
            failure("forensic/mail-auth/002.eml"),
            failure("forensic/mail-auth/003.eml"),
            failure("forensic/mail-auth/004.eml"),
            failure("forensic/mail-auth/005.eml"),
            failure("forensic/parsedmarc/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml"),
            failure("forensic/parsedmarc/[Netease DMARC Failure Report] Rent Reminder.eml"),
            failure("forensic/parsedmarc/dmarc_ruf_report_linkedin.crlf.eml"),
            failure("forensic/parsedmarc/dmarc_ruf_report_linkedin.eml"),
            rejected("forensic/parsedmarc/exim_plain_text_only_no_arf_part.eml", "holds no DMARC report"));

    @TempDir
    Path folder;

    @Test
    void theTableNamesEverySampleInTheFolder() throws IOException {
        Path root = Conformance.path(ROOT);
        Set<String> present;
        try (Stream<Path> files = Files.walk(root)) {
            present = files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith(".json") && !name.contains("LICENSE")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, SAMPLES.stream().map(Sample::file).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everySampleIsImportedOrRejectedWithItsCountsOnSqlite() throws Exception {
        Path root = Conformance.path(ROOT);
        int n = 0;
        for (Sample sample : SAMPLES) {
            try (ReportArchive archive = ReportArchive.open(folder.resolve("sample" + n++ + ".db").toString(), folder)) {
                check(archive, root, sample);
            }
        }
    }

    @Test
    void everySampleIsImportedOrRejectedWithItsCountsOnPostgresql() throws Exception {
        Path root = Conformance.path(ROOT);
        try (ReportArchive archive = ReportArchive.open(TestPostgres.newDatabase(), folder)) {
            assertEquals(Dialect.POSTGRESQL, archive.dialect());
            for (Sample sample : SAMPLES) {
                clear(archive);
                check(archive, root, sample);
            }
        }
    }

    @Test
    void theWholeFolderInOneArchiveKeepsEachReportOnceOnSqlite() throws Exception {
        Path root = Conformance.path(ROOT);
        try (ReportArchive archive = ReportArchive.open(folder.resolve("all.db").toString(), folder)) {
            wholeFolder(archive, root);
        }
    }

    @Test
    void theWholeFolderInOneArchiveKeepsEachReportOnceOnPostgresql() throws Exception {
        Path root = Conformance.path(ROOT);
        try (ReportArchive archive = ReportArchive.open(TestPostgres.newDatabase(), folder)) {
            wholeFolder(archive, root);
        }
    }

    /** Imported one by one into one archive: every report once, the duplicates counted as such. */
    private void wholeFolder(ReportArchive archive, Path root) throws Exception {
        // The distinct reports, by the key the archive keeps them by, as the per-file imports saw them.
        Map<String, Long> distinct = new HashMap<>();
        int files = 0;
        for (Sample sample : SAMPLES) {
            if (sample.aggregates() > 0) {
                try (ReportArchive one = ReportArchive.open(folder.resolve("one" + files++ + ".db").toString(), folder)) {
                    one.importFile(root.resolve(sample.file()), ReportLimits.DEFAULT);
                    try (Statement statement = one.connection().createStatement();
                            ResultSet keys = statement.executeQuery("SELECT org_name, report_id, message_count FROM aggregate_reports")) {
                        while (keys.next()) {
                            distinct.put(keys.getString(1) + "\u0000" + keys.getString(2), keys.getLong(3));
                        }
                    }
                }
            }
        }
        int imported = 0;
        int duplicates = 0;
        for (Sample sample : SAMPLES) {
            FileImport result = archive.importFile(root.resolve(sample.file()), ReportLimits.DEFAULT);
            imported += result.imported();
            duplicates += result.duplicates();
        }
        int expectedReports = SAMPLES.stream().mapToInt(sample -> sample.aggregates() + sample.failures()).sum();
        assertEquals(expectedReports, imported + duplicates, "each report imported once or counted as a duplicate");
        Summary summary = archive.summary(SummaryQuery.ALL);
        assertEquals(distinct.size(), summary.reports());
        assertEquals(distinct.values().stream().mapToLong(Long::longValue).sum(), summary.messages());
        // The two LinkedIn samples differ only in line ends: one failure report.
        assertEquals(SAMPLES.stream().mapToInt(Sample::failures).sum() - 1, archive.failureReports());
        assertTrue(duplicates >= 8, "the samples hold the same reports in several wrappers: " + duplicates);
        // A second pass imports nothing new.
        for (Sample sample : SAMPLES) {
            assertEquals(0, archive.importFile(root.resolve(sample.file()), ReportLimits.DEFAULT).imported(), sample.file());
        }
        assertEquals(summary, archive.summary(SummaryQuery.ALL));
    }

    private static void check(ReportArchive archive, Path root, Sample sample) throws SQLException {
        FileImport result = archive.importFile(root.resolve(sample.file()), ReportLimits.DEFAULT);
        String file = sample.file();
        assertEquals(sample.aggregates() + sample.failures(), result.imported(), file);
        assertEquals(0, result.duplicates(), file);
        if (sample.error() == null) {
            assertFalse(result.failed(), () -> file + ": " + result.error(Locale.ENGLISH).orElse(""));
        } else {
            String error = result.error(Locale.ENGLISH).orElseThrow(() -> new AssertionError(file + " was not rejected"));
            assertTrue(error.contains(sample.error()), file + ": " + error);
            // Said in Spanish too, never as a key in brackets.
            assertFalse(result.error(Locale.forLanguageTag("es")).orElseThrow().contains("[reports."), file);
        }
        Summary summary = archive.summary(SummaryQuery.ALL);
        assertEquals(sample.aggregates(), summary.reports(), file);
        assertEquals(sample.messages(), summary.messages(), file);
        assertEquals(sample.messages(), summary.sources().stream().mapToLong(Summary.Source::count).sum(), file);
        assertEquals(summary.messages(), summary.dmarcPass() + summary.dmarcFail(), file);
        assertEquals(sample.rows(), count(archive, "SELECT COUNT(*) FROM report_rows"), file);
        // Each report's own totals agree with its rows: nothing half-written.
        assertEquals(0, count(archive, """
                SELECT COUNT(*) FROM aggregate_reports r WHERE r.row_count <> (SELECT COUNT(*) FROM report_rows w WHERE w.report = r.id)
                  OR r.message_count <> (SELECT COALESCE(SUM(w.message_count), 0) FROM report_rows w WHERE w.report = r.id)"""), file);
        assertEquals(sample.failures(), archive.failureReports(), file);
    }

    static long count(ReportArchive archive, String sql) throws SQLException {
        try (Statement statement = archive.connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long count = result.getLong(1);
            archive.connection().commit();
            return count;
        }
    }

    static void clear(ReportArchive archive) throws SQLException {
        try (Statement statement = archive.connection().createStatement()) {
            for (String table : List.of("row_reasons_more", "row_dkim_more", "row_spf_more", "report_rows", "aggregate_reports", "failure_reports")) {
                statement.execute("DELETE FROM " + table);
            }
        }
        archive.connection().commit();
    }

    @Test
    void rfc9990FieldsAreReadWithAndWithoutTheNamespace() throws IOException {
        Path root = Conformance.path(ROOT);
        AggregateReport namespaced = parse(root.resolve("aggregate/parsedmarc/aggregate/rfc9990-sample.xml"));
        assertTrue(namespaced.header().dmarc2Namespace());
        assertEquals("Example DMARC Aggregate Reporter v1.2", namespaced.header().metadata().generator());
        assertEquals(new PolicyPublished("example.com", null, null, "quarantine", "none", "none", null, null, "n", "treewalk"),
                namespaced.header().policy());
        ReportRow row = namespaced.rows().get(0);
        assertEquals("pass", row.evaluated().disposition());
        assertEquals(List.of(new DkimAuthResult("example.com", "abc123", "pass", null)), row.dkim());
        assertEquals(Instant.ofEpochSecond(302832000), namespaced.header().metadata().begin());

        AggregateReport plain = parse(root.resolve("aggregate/parsedmarc/aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml"));
        assertFalse(plain.header().dmarc2Namespace());
        assertEquals("2.0", plain.header().version());
        assertEquals(new PolicyPublished("example.com", "s", "s", "reject", "quarantine", "reject", null, "1", "y", "treewalk"),
                plain.header().policy());
        assertEquals(List.of(new PolicyOverride("other", "sender not authorized")), plain.rows().get(1).evaluated().reasons());
        assertEquals(new SpfAuthResult("spoofed.example.com", "mfrom", "fail", null), plain.rows().get(1).spf().get(0));
    }

    @Test
    void quirksAreTolerated() throws IOException {
        Path root = Conformance.path(ROOT);
        // Upper-case values are read as the keywords they are.
        AggregateReport upper = parse(root.resolve("aggregate/parsedmarc/aggregate_invalid/report_with_upper_cased_pass.xml"));
        PolicyEvaluated evaluated = upper.rows().get(0).evaluated();
        assertTrue(evaluated.dmarcPass(), evaluated.toString());
        // An empty reason is no reason.
        assertEquals(List.of(), parse(root.resolve("aggregate/parsedmarc/aggregate/empty_reason.xml")).rows().get(0).evaluated().reasons());
        // Float timestamps.
        AggregateReport floats = parse(root.resolve("aggregate/opendmarc/163.com!example.com!1337270400!1337356799.20120518163.xml"));
        assertEquals(Instant.ofEpochSecond(1337270400), floats.header().metadata().begin());
        assertEquals(Instant.ofEpochSecond(1337356799), floats.header().metadata().end());
        // An empty org_name, a stray xs:schema wrapper, a byte that is not UTF-8.
        assertEquals("", parse(root.resolve("aggregate/parsedmarc/aggregate/!example.com!1538204542!1538463818.xml")).header().metadata().orgName());
        assertEquals("ikea.com", parse(root.resolve("aggregate/parsedmarc/aggregate/ikea.com!example.de!1538690400!1538776800.xml"))
                .header().metadata().orgName());
        assertEquals("bad_byte\uFFFD", parse(root.resolve("aggregate/parsedmarc/aggregate/invalid_utf_8.xml")).rows().get(0)
                .identifiers().headerFrom());
        // Unknown elements (mail-auth 001: version 2.0 with extensions) are skipped.
        AggregateReport unknown = parse(root.resolve("aggregate/mail-auth/001.xml"));
        assertEquals(123, unknown.messages());
        assertEquals("n", unknown.header().policy().testing());
    }

    @Test
    void failureReportsKeepTheirKeyFields() throws IOException {
        Path root = Conformance.path(ROOT);
        FailureReport domainDe = failureReport(root.resolve(
                "forensic/parsedmarc/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml"));
        assertEquals("auth-failure", domainDe.feedbackType());
        assertEquals("10.10.10.10", domainDe.sourceIp());
        assertEquals(List.of("domain.de"), domainDe.reportedDomains());
        assertEquals("dmarc", domainDe.authFailure());
        assertEquals("sharepoint@domain.de", domainDe.originalMailFrom());
        assertEquals(Instant.parse("2018-10-01T09:20:27Z"), domainDe.arrivalDate());
        assertEquals("Subject", domainDe.original().subject());
        assertTrue(domainDe.original().from().contains("Interaktive Wettbewerber-Übersicht"), domainDe.original().from());

        // Netease: multipart/mixed, and the feedback part in base64.
        FailureReport netease = failureReport(root.resolve("forensic/parsedmarc/[Netease DMARC Failure Report] Rent Reminder.eml"));
        assertEquals("auth-failure", netease.feedbackType());
        assertNotNull(netease.sourceIp());

        // The original message quoted as text/rfc822-headers (mail-auth 004).
        FailureReport headersOnly = failureReport(root.resolve("forensic/mail-auth/004.eml"));
        assertEquals("148.163.85.135", headersOnly.sourceIp());
        assertEquals("info@interpublication.org", headersOnly.originalMailFrom());
        assertEquals("Wir kaufen dein Auto!", headersOnly.original().subject());
        assertEquals("OpenDMARC-Filter/1.3.2", headersOnly.userAgent());

        // An abuse report (RFC 5965) is an ARF report too, kept with its type.
        assertEquals("abuse", failureReport(root.resolve("forensic/mail-auth/001.eml")).feedbackType());

        // Line ends do not make another report.
        assertEquals(failureReport(root.resolve("forensic/parsedmarc/dmarc_ruf_report_linkedin.eml")).digest(),
                failureReport(root.resolve("forensic/parsedmarc/dmarc_ruf_report_linkedin.crlf.eml")).digest());
    }

    static AggregateReport parse(Path file) throws IOException {
        List<AggregateReport> reports = new ArrayList<>();
        ReportExtractor.extract(file, ReportLimits.DEFAULT, new ReportExtractor.Visitor() {
            @Override
            public void aggregate(ReportPlace where, InputStream xml) throws IOException {
                reports.add(AggregateReportReader.parse(xml, ReportLimits.DEFAULT, 100_000));
            }

            @Override
            public void failure(ReportPlace where, FailureReport report) {
                throw new AssertionError("a failure report in " + file);
            }

            @Override
            public void problem(ReportPlace where, ReportFormatException problem) {
                throw new AssertionError(file + ": " + where + " " + problem.getMessage());
            }
        });
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    static FailureReport failureReport(Path file) throws IOException {
        List<FailureReport> reports = new ArrayList<>();
        ReportExtractor.extract(file, ReportLimits.DEFAULT, new ReportExtractor.Visitor() {
            @Override
            public void aggregate(ReportPlace where, InputStream xml) {
                throw new AssertionError("an aggregate report in " + file);
            }

            @Override
            public void failure(ReportPlace where, FailureReport report) {
                reports.add(report);
            }

            @Override
            public void problem(ReportPlace where, ReportFormatException problem) {
                throw new AssertionError(file + ": " + where + " " + problem.getMessage());
            }
        });
        assertEquals(1, reports.size());
        return reports.get(0);
    }
}
