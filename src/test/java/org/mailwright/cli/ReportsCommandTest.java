package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;
import static org.mailwright.reports.SampleReports.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.json.Json;
import org.mailwright.reports.SampleReports;
import org.mailwright.testdns.TestDnsServer;

/**
 * {@code mailwright reports import} and {@code summary}: the JSON of issue 13 field by field, exit
 * codes, one error line per bad file with the good files imported anyway, duplicates, the filters,
 * CSV, and the archive in the data folder by default.
 */
class ReportsCommandTest {

    /** 2026-11-01T00:00:00Z and the next days. */
    private static final long NOV_1 = 1_793_491_200L;
    private static final long DAY = 86_400L;

    @TempDir
    Path folder;

    private Path reports;
    private Path db;

    @BeforeEach
    void writeReports() throws IOException {
        reports = Files.createDirectories(folder.resolve("in/sub"));
        db = folder.resolve("archive.db");
        // google.com for example.com: 10 pass (dkim), 3 fail, from two sources; as a zip in a mail.
        String google = SampleReports.xml("google.com", "g-1", "example.com", NOV_1,
                List.of(row("192.0.2.1", 10, "pass", "fail"), row("198.51.100.7", 3, "fail", "fail")));
        Files.writeString(reports.resolve("google.eml"), SampleReports.message("Report domain: example.com", "application/zip",
                "google.com!example.com!1.zip", SampleReports.zip("google.com!example.com!1.xml", google.getBytes(StandardCharsets.UTF_8))));
        // yahoo for example.com a day later, gzip: 5 pass by spf from the first source, 1 from an IPv6 source.
        Files.write(reports.resolve("yahoo.xml.gz"), SampleReports.gzip(SampleReports.xml("yahoo.com", "y-1", "example.com", NOV_1 + DAY,
                List.of(row("192.0.2.1", 5, "fail", "pass"), row("2001:DB8:0:0::1", 1, "pass", "pass")))));
        // another domain, plain XML, five days later.
        Files.writeString(folder.resolve("in/other.xml"), SampleReports.xml("outlook.com", "o-1", "example.org", NOV_1 + 5 * DAY,
                List.of(row("203.0.113.9", 7, "fail", "fail"))));
    }

    @Test
    void importPrintsTheIssuesJsonAndExitsZeroWhenNothingFailed() {
        CommandRun imported = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString(), "--json");
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals("{\"imported\":3,\"duplicates\":0,\"failed\":[]}\n", imported.out());
        assertEquals("", imported.err());

        CommandRun again = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString(), "--json");
        assertEquals(0, again.exitCode());
        assertEquals("{\"imported\":0,\"duplicates\":3,\"failed\":[]}\n", again.out());
    }

    @Test
    void aBadFileIsNamedWithItsReasonTheRestIsImportedAndTheExitIsOne() throws IOException {
        Path empty = Files.createFile(reports.resolve("empty.xml"));
        Path html = Files.writeString(folder.resolve("in/page.xml"), "<html><body>no</body></html>");
        CommandRun json = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString(), "--json");
        assertEquals(1, json.exitCode());
        assertEquals("{\"imported\":3,\"duplicates\":0,\"failed\":["
                + "{\"file\":" + quoted(html) + ",\"error\":\"This is XML but not a DMARC aggregate report: its root element is <html>, not <feedback>.\"},"
                + "{\"file\":" + quoted(empty) + ",\"error\":\"The file is empty.\"}]}\n", json.out());

        CommandRun text = run("reports", "import", folder.resolve("in").toString(), "--db", folder.resolve("text.db").toString());
        assertEquals(1, text.exitCode());
        assertEquals(List.of(html + ": This is XML but not a DMARC aggregate report: its root element is <html>, not <feedback>.",
                empty + ": The file is empty."), text.err().lines().toList());
        assertEquals("Imported 3 reports from 5 files; 0 were in the archive already; 2 files could not be read.\n", text.out());
    }

    @Test
    void aReportClaimingMoreMessagesThanAnySumHoldsIsRefusedAndTheArchiveStillSumsUp() throws IOException {
        Path huge = Files.writeString(folder.resolve("in/huge.xml"), SampleReports.xml("evil.example", "e-1", "example.com", NOV_1,
                List.of(row("192.0.2.66", 1, "pass", "pass"), row("192.0.2.66", 1, "pass", "pass")))
                .replace("<count>1</count>", "<count>9223372036854775807</count>"));
        CommandRun json = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString(), "--json");
        assertEquals(1, json.exitCode());
        assertEquals("{\"imported\":3,\"duplicates\":0,\"failed\":[{\"file\":" + quoted(huge) + ",\"error\":\"Record 1 has the count"
                + " \\\"9223372036854775807\\\", more messages than one address sends one receiver (at most 4294967295).\"}]}\n", json.out());

        CommandRun summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--json");
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().startsWith("{\"reports\":3,\"messages\":26,"), summary.out());
    }

    @Test
    void controlCharactersFromReportsAndFileNamesNeverReachTheTerminal() throws IOException {
        // U+009B starts an escape sequence in some terminals, U+202E reverses the text after it, ESC starts one in all.
        Files.writeString(folder.resolve("in/c1.xml"), SampleReports.xml("c1.example", "c-1", "example.com", NOV_1,
                List.of(row("10.0.0.1\u009b2J", 4, "fail", "fail"))).replace("<spf>fail</spf></policy_evaluated>",
                "<spf>fail</spf><reason><type>other</type><comment>\u202eevil</comment></reason></policy_evaluated>"));
        Path escape = Files.writeString(folder.resolve("in/bad\u001b]0;owned\u0007.xml"), "<html/>");

        CommandRun imported = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString());
        assertEquals(1, imported.exitCode());
        assertTrue(imported.err().contains("bad\uFFFD]0;owned\uFFFD.xml: "), imported.err());
        CommandRun text = run("reports", "summary", "--no-names", "--db", db.toString());
        assertTrue(text.out().contains("10.0.0.1\uFFFD2J ") && text.out().contains("\"\uFFFDevil\""), text.out());
        assertTrue(text.out().chars().noneMatch(c -> c == 0x9B || c == 0x202E || c == 0x1B), text.out());
        CommandRun json = run("reports", "summary", "--no-names", "--db", db.toString(), "--json");
        assertTrue(json.out().contains("{\"ip\":\"10.0.0.1\\u009b2J\",\"count\":4,"), json.out());
        assertTrue(Files.exists(escape));
    }

    @Test
    void aReportIsReadFromAPipeAsFromAFile() throws Exception {
        // What bash's <(zcat report.xml.gz) hands over: a pipe, which cannot be asked for its position.
        Path fifo = folder.resolve("report.pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        byte[] report = SampleReports.xml("pipe.example", "p-1", "example.com", NOV_1, List.of(row("192.0.2.5", 6, "pass", "pass")))
                .getBytes(StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, report);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();

        CommandRun json = run("reports", "import", fifo.toString(), "--db", db.toString(), "--json");
        assertEquals("{\"imported\":1,\"duplicates\":0,\"failed\":[]}\n", json.out(), json.err());
    }

    @Test
    void failureReportsAreListedNewestFirstAndBelowTheSummary() throws IOException {
        Files.writeString(folder.resolve("in/ruf1.eml"), SampleReports.failure("example.com", "203.0.113.9",
                "Mon, 02 Nov 2026 09:30:00 +0000", "dmarc", "reject", "ceo@example.com", "Wire transfer"));
        Files.writeString(folder.resolve("in/ruf2.eml"), SampleReports.failure("example.com", "198.51.100.7",
                "Tue, 03 Nov 2026 11:00:00 +0000", "spf", "delivered", "news@example.com", "Newsletter"));
        CommandRun imported = run("reports", "import", folder.resolve("in").toString(), "--db", db.toString(), "--json");
        assertEquals("{\"imported\":5,\"duplicates\":0,\"failed\":[]}\n", imported.out(), imported.err());

        CommandRun json = run("reports", "failures", "--db", db.toString(), "--domain", "example.com", "--limit", "1", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("{\"failure_reports\":2,\"shown\":1,\"reports\":[{\"arrival\":\"2026-11-03T11:00:00Z\","),
                json.out());
        assertEquals(org.mailwright.reports.FailureExport.CSV_HEADER, run("reports", "failures", "--db", db.toString(), "--csv").out().lines().findFirst().orElseThrow());

        String text = run("reports", "failures", "--db", db.toString(), "--since", "2026-11-02", "--until", "2026-11-02").out();
        assertEquals("Failure reports (1):\n  2026-11-02 09:30 UTC · 203.0.113.9 · example.com · dmarc failed · delivery: reject"
                + " · From: ceo@example.com · “Wire transfer”\n", text);
        String summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--domain", "example.com").out();
        assertTrue(summary.contains("\nFailure reports (2):\n  2026-11-03 11:00 UTC · 198.51.100.7 · "), summary);
        assertEquals("The archive holds no failure report for this choice.\n",
                run("reports", "failures", "--db", db.toString(), "--domain", "example.org").out());

        CommandRun tooMany = run("reports", "failures", "--db", db.toString(), "--limit", "0");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().startsWith("--limit 0 is not between 1 and 10000."), tooMany.err());
    }

    @Test
    void aDashReadsAReportFromStandardInputBesideTheFilesNamed() throws IOException {
        byte[] piped = SampleReports.gzip(SampleReports.xml("piped.example", "s-1", "example.com", NOV_1 + 2 * DAY,
                List.of(row("192.0.2.8", 4, "pass", "pass"))));

        CommandRun json = withStandardInput(piped,
                () -> run("reports", "import", "-", folder.resolve("in").toString(), "--db", db.toString(), "--json"));
        assertEquals("{\"imported\":4,\"duplicates\":0,\"failed\":[]}\n", json.out(), json.err());
        CommandRun summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--domain", "example.com");
        assertTrue(summary.out().startsWith("{\"reports\":3,\"messages\":23,"), summary.out());

        CommandRun broken = withStandardInput("unused".getBytes(StandardCharsets.US_ASCII),
                () -> run("reports", "import", "-", "--db", db.toString()));
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().startsWith("-: "), "the one error line names standard input: " + broken.err());

        CommandRun twice = run("reports", "import", "-", "-", "--db", db.toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().startsWith("Standard input (-) can be read only once."), twice.err());
    }

    private static CommandRun withStandardInput(byte[] input, java.util.function.Supplier<CommandRun> command) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input));
        try {
            return command.get();
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aReportDatedAheadIsCountedAndSaidEvenWithoutLookups() throws IOException {
        long ahead = java.time.Instant.now().getEpochSecond() + 400 * DAY;
        Files.writeString(folder.resolve("in/ahead.xml"), SampleReports.xml("forger.example", "f-1", "example.com", ahead,
                List.of(row("203.0.113.66", 100, "pass", "pass"))));
        assertEquals(0, run("reports", "import", folder.resolve("in").toString(), "--db", db.toString()).exitCode());

        CommandRun json = run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--domain", "example.com");
        assertTrue(json.out().startsWith("{\"reports\":3,\"messages\":119,"), json.out());
        assertTrue(json.out().contains("\"suggestions\":[{\"id\":\"reports.dated-ahead\",\"severity\":\"warning\","
                + "\"message\":\"Reports of example.com that begin after they were imported: 1, the latest on "), json.out());
    }

    private static String quoted(Path path) {
        return Json.write(path.toString());
    }

    @Test
    void summaryCountsMessagesNotRowsInTheIssuesJson() {
        assertEquals(0, run("reports", "import", folder.resolve("in").toString(), "--db", db.toString()).exitCode());
        CommandRun summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--json");
        assertEquals(0, summary.exitCode(), summary.err());
        assertEquals("{\"reports\":3,\"messages\":26,\"dmarc_pass\":16,\"dmarc_fail\":10,\"sources\":["
                + "{\"ip\":\"192.0.2.1\",\"count\":15,\"dmarc_pass\":15,\"dmarc_fail\":0,\"spf_aligned_pass\":5,\"dkim_aligned_pass\":10,\"ptr\":null,\"label\":null},"
                + "{\"ip\":\"203.0.113.9\",\"count\":7,\"dmarc_pass\":0,\"dmarc_fail\":7,\"spf_aligned_pass\":0,\"dkim_aligned_pass\":0,\"ptr\":null,\"label\":null},"
                + "{\"ip\":\"198.51.100.7\",\"count\":3,\"dmarc_pass\":0,\"dmarc_fail\":3,\"spf_aligned_pass\":0,\"dkim_aligned_pass\":0,\"ptr\":null,\"label\":null},"
                + "{\"ip\":\"2001:db8::1\",\"count\":1,\"dmarc_pass\":1,\"dmarc_fail\":0,\"spf_aligned_pass\":1,\"dkim_aligned_pass\":1,\"ptr\":null,\"label\":null}"
                + "],\"suggestions\":[],\"selectors\":["
                + "{\"domain\":\"example.com\",\"selector\":\"s1\",\"messages\":19,\"dkim_pass\":11,\"dkim_fail\":8,"
                + "\"first_seen\":\"2026-11-01\",\"last_seen\":\"2026-11-02\",\"state\":\"active\",\"dual_signing\":false,\"replaced_by\":null},"
                + "{\"domain\":\"example.org\",\"selector\":\"s1\",\"messages\":7,\"dkim_pass\":0,\"dkim_fail\":7,"
                + "\"first_seen\":\"2026-11-06\",\"last_seen\":\"2026-11-06\",\"state\":\"active\",\"dual_signing\":false,\"replaced_by\":null}],"
                + "\"dispositions\":{\"none\":26,\"quarantine\":0,\"reject\":0,\"pass\":0},\"overrides\":[]}\n", summary.out());
    }

    /** The example.com sources' reverse zones, with a name for 192.0.2.1 only, and SendGrid's and example.com's SPF. */
    private static TestDnsServer sourcesDns() {
        return TestDnsServer.start(
                "$ORIGIN 2.0.192.in-addr.arpa.\n1 PTR o7.mail.sendgrid.net.\n",
                // The other sources' reverse zones are served, without names for them: they have none.
                "$ORIGIN 100.51.198.in-addr.arpa.\n1 PTR relay.example.net.\n",
                "$ORIGIN 8.b.d.0.1.0.0.2.ip6.arpa.\n2 PTR relay.example.net.\n",
                "$ORIGIN sendgrid.net.\no7.mail A 192.0.2.1\n@ TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n",
                "$ORIGIN example.com.\n@ TXT \"v=spf1 include:sendgrid.net -all\"\n");
    }

    @Test
    void summaryNamesEachSourceThroughDns() {
        assertEquals(0, run("reports", "import", folder.resolve("in").toString(), "--db", db.toString()).exitCode());
        try (TestDnsServer dns = sourcesDns()) {
            CommandRun summary = run("reports", "summary", "--db", db.toString(), "--json", "--server", dns.address().toString(),
                    "--domain", "example.com");

            assertEquals(0, summary.exitCode(), summary.err());
            assertTrue(summary.out().contains("{\"ip\":\"192.0.2.1\",\"count\":15,\"dmarc_pass\":15,\"dmarc_fail\":0,"
                    + "\"spf_aligned_pass\":5,\"dkim_aligned_pass\":10,\"ptr\":\"o7.mail.sendgrid.net\",\"label\":\"SendGrid\","
                    + "\"spf_term\":\"include:sendgrid.net\"}"), summary.out());
            assertTrue(summary.out().contains("\"suggestions\":[{\"id\":\"reports.unknown-source-failing\",\"severity\":\"warning\","
                    + "\"message\":\"198.51.100.7 (no reverse name) sent 3 messages as example.com that failed both SPF and DKIM.\""), summary.out());

            CommandRun text = run("reports", "summary", "--db", db.toString(), "--server", dns.address().toString(), "--domain", "example.com");
            assertTrue(text.out().contains("""
                    Address           Messages DMARC pass DMARC fail SPF aligned DKIM aligned  Sender    Reverse name
                    192.0.2.1               15         15          0           5           10  SendGrid  o7.mail.sendgrid.net
                    198.51.100.7             3          0          3           0            0
                    """), text.out());
        }
    }

    @Test
    void aSummaryWhoseReverseLookupsFailSaysSoInsteadOfCallingTheSourcesNameless() {
        assertEquals(0, run("reports", "import", folder.resolve("in").toString(), "--db", db.toString()).exitCode());
        try (TestDnsServer dns = sourcesDns()) {
            dns.failName("7.100.51.198.in-addr.arpa");
            String server = dns.address().toString();

            CommandRun json = run("reports", "summary", "--db", db.toString(), "--json", "--server", server, "--domain", "example.com");
            assertEquals(0, json.exitCode(), json.err());
            assertTrue(json.out().contains("\"suggestions\":[{\"id\":\"reports.names-unanswered\",\"severity\":\"warning\","
                    + "\"message\":\"The reverse names of 1 of the 3 sources looked up are not known: the lookups failed (server failure from "
                    + server), json.out());
            assertTrue(json.out().contains("\"message\":\"198.51.100.7 (reverse name unknown: its lookup failed) sent 3 messages as example.com"
                    + " that failed both SPF and DKIM.\""), json.out());

            CommandRun spanish = run(Locale.forLanguageTag("es"), "reports", "summary", "--db", db.toString(), "--server", server,
                    "--domain", "example.com");
            assertTrue(spanish.out().contains("No se conocen los nombres inversos de 1 de las 3 fuentes consultadas: las consultas fallaron"
                    + " (fallo del servidor desde " + server + ")."), spanish.out());
        }
    }

    @Test
    void summaryFiltersByDomainAndByTheDayAReportBegins() {
        run("reports", "import", folder.resolve("in").toString(), "--db", db.toString());
        assertTrue(run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--domain", "EXAMPLE.com.").out()
                .startsWith("{\"reports\":2,\"messages\":19,\"dmarc_pass\":16,\"dmarc_fail\":3,"));
        assertTrue(run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--since", "2026-11-02").out()
                .startsWith("{\"reports\":2,\"messages\":13,"));
        assertTrue(run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--until", "2026-11-01").out()
                .startsWith("{\"reports\":1,\"messages\":13,"));
        assertTrue(run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--since", "2026-11-02", "--until", "2026-11-02",
                "--domain", "example.com").out().startsWith("{\"reports\":1,\"messages\":6,\"dmarc_pass\":6,\"dmarc_fail\":0,"));
        assertEquals("{\"reports\":0,\"messages\":0,\"dmarc_pass\":0,\"dmarc_fail\":0,\"sources\":[],\"suggestions\":[],"
                + "\"selectors\":[],\"dispositions\":{\"none\":0,\"quarantine\":0,\"reject\":0,\"pass\":0},\"overrides\":[]}\n",
                run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--domain", "nothing.example").out());
    }

    @Test
    void aSummaryOfAnArchiveThatIsNotThereMakesNone() {
        java.nio.file.Path mistyped = folder.resolve("typo").resolve("reprots.db");
        CommandRun run = run("reports", "summary", "--no-names", "--db", mistyped.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("There is no report archive at " + mistyped + "."), run.err());
        assertFalse(java.nio.file.Files.exists(mistyped.getParent()), "neither the archive nor its folder is made");
    }

    @Test
    void summaryAsCsvAndAsText() {
        run("reports", "import", folder.resolve("in").toString(), "--db", db.toString());
        CommandRun csv = run("reports", "summary", "--no-names", "--db", db.toString(), "--csv", "--domain", "example.com");
        assertEquals(0, csv.exitCode());
        assertEquals("""
                ip,count,dmarc_pass,dmarc_fail,spf_aligned_pass,dkim_aligned_pass,ptr,label
                192.0.2.1,15,15,0,5,10,,
                198.51.100.7,3,0,3,0,0,,
                2001:db8::1,1,1,0,1,1,,
                """, csv.out());

        CommandRun text = run("reports", "summary", "--no-names", "--db", db.toString());
        assertTrue(text.out().startsWith("3 reports, 26 messages: 16 passed DMARC (61.5%), 10 failed (38.5%).\n"), text.out());
        assertTrue(text.out().contains("""

                Address           Messages DMARC pass DMARC fail SPF aligned DKIM aligned  Sender  Reverse name
                192.0.2.1               15         15          0           5           10
                203.0.113.9              7          0          7           0            0
                198.51.100.7             3          0          3           0            0
                2001:db8::1              1          1          0           1            1
                """), text.out());

        CommandRun spanish = run(Locale.forLanguageTag("es"), "reports", "summary", "--no-names", "--db", db.toString());
        assertTrue(spanish.out().startsWith("3 informes, 26 mensajes: 16 pasaron DMARC (61,5 %), 10 fallaron (38,5 %).\n"), spanish.out());
        // The headings are the Reports page's, and each is as wide as the numbers under it.
        assertTrue(spanish.out().contains("""

                Dirección         Mensajes Pasan DMARC Fallan DMARC SPF alineado DKIM alineado  Emisor  Nombre inverso
                192.0.2.1               15          15            0            5            10
                """), spanish.out());
    }

    @Test
    void aFileThatIsNoArchiveIsNamedAsOneInTheUsersLanguage() throws IOException {
        Path notAnArchive = Files.writeString(folder.resolve("notes.db"), "shopping list: milk, eggs\n".repeat(100));

        CommandRun english = run("reports", "summary", "--no-names", "--db", notAnArchive.toString());
        CommandRun spanish = run(Locale.forLanguageTag("es"), "reports", "import", folder.resolve("in").toString(), "--db",
                notAnArchive.toString());

        assertEquals(2, english.exitCode());
        assertTrue(english.err().startsWith("Could not open the report archive " + notAnArchive
                + ": the file is damaged or is not a report archive."), english.err());
        assertTrue(spanish.err().startsWith("No se pudo abrir el archivo de informes " + notAnArchive
                + ": el archivo está dañado o no es un archivo de informes."), spanish.err());
        assertEquals("shopping list: milk, eggs\n".repeat(100), Files.readString(notAnArchive), "the file is left as it was");
    }

    @Test
    void theArchiveIsReportsDbInTheDataFolderByDefault() {
        Path data = folder.resolve("data");
        CommandRun imported = run("reports", "import", folder.resolve("in").toString(), "--data-dir", data.toString(), "--json");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(Files.isRegularFile(data.resolve("reports.db")));
        assertTrue(run("reports", "summary", "--no-names", "--data-dir", data.toString(), "--json").out().startsWith("{\"reports\":3,"));
    }

    @Test
    void usageErrorsExitTwoWithOneSentence() {
        CommandRun missing = run("reports", "import", folder.resolve("nope").toString(), "--db", db.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith(folder.resolve("nope") + " does not exist."), missing.err());
        assertEquals(1, missing.err().lines().count());

        CommandRun both = run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--csv");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().startsWith("Give --json or --csv, not both."), both.err());

        CommandRun date = run("reports", "summary", "--no-names", "--db", db.toString(), "--since", "1/11/2026");
        assertEquals(2, date.exitCode());
        assertTrue(date.err().startsWith("--since takes a date as YYYY-MM-DD, for example 2026-11-01, not \"1/11/2026\"."), date.err());

        CommandRun folderAsDb = run("reports", "summary", "--no-names", "--db", folder.toString());
        assertEquals(2, folderAsDb.exitCode());
        assertTrue(folderAsDb.err().startsWith(folder + " is a folder; give the archive's file"), folderAsDb.err());

        CommandRun badUrl = run("reports", "summary", "--no-names", "--db", "jdbc:mysql://localhost/x");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("is not an archive Mailwright can use"), badUrl.err());

        CommandRun noServer = run("reports", "summary", "--no-names", "--db", "jdbc:postgresql://127.0.0.1:9/x?user=u&password=secret&connectTimeout=2");
        assertEquals(2, noServer.exitCode());
        assertTrue(noServer.err().startsWith("Could not open the report archive jdbc:postgresql://127.0.0.1:9/x?user=u&password=***"),
                noServer.err());
        assertTrue(noServer.err().contains("connectTimeout=2: the database server could not be reached."), noServer.err());
        assertTrue(!noServer.err().contains("secret"), noServer.err());
        assertEquals(1, noServer.err().lines().count(), noServer.err());

        CommandRun noCommand = run("reports");
        assertEquals(2, noCommand.exitCode());
        assertTrue(noCommand.err().startsWith("Name a reports command: import, fetch or summary."), noCommand.err());
    }

    @Test
    void helpInEnglishAndSpanish() {
        CommandRun help = run("reports", "import", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("{\"imported\":12,\"duplicates\":3,\n   \"failed\":"), help.out());
        CommandRun ayuda = run(Locale.forLanguageTag("es"), "reports", "summary", "--no-names", "--help");
        assertTrue(ayuda.out().contains("Resumir los informes agregados archivados."), ayuda.out());
        assertFalse(ayuda.out().contains("aún no"), "the help says what the summary gives, not what it once lacked");
        assertTrue(run("--help").out().contains("reports"));
    }
}
