package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.testdns.TestDnsServer;

/**
 * The same commands give the same JSON on PostgreSQL ({@code --db jdbc:postgresql://...}) as on SQLite, the
 * selector ledger, dispositions and override reasons included.
 */
class ReportsOnPostgresqlCommandTest {

    @TempDir
    Path folder;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailwrightCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void importAndSummaryAnswerAlikeOnBothDatabases() throws IOException {
        Path in = Files.createDirectories(folder.resolve("in"));
        for (int n = 0; n < 12; n++) {
            Files.write(in.resolve("r" + n + ".xml.gz"), SampleReports.gzip(ReportImportBenchmark.report(n)));
        }
        // Rotated and dual-signing selectors, every disposition and override reasons with comments.
        for (Map.Entry<String, String> report : SampleReports.ledgerHistory().entrySet()) {
            Files.writeString(in.resolve("ledger-" + report.getKey() + ".xml"), report.getValue());
        }
        Files.writeString(in.resolve("broken.xml"), "<feedback><report_metadata>");
        String postgres = TestPostgres.newDatabase();
        String sqlite = folder.resolve("a.db").toString();
        for (String db : List.of(sqlite, postgres)) {
            String[] imported = run("reports", "import", in.toString(), "--db", db, "--json");
            assertEquals("1", imported[0], imported[2]);
            assertEquals("{\"imported\":18,\"duplicates\":0,\"failed\":[{\"file\":\"" + in.resolve("broken.xml")
                    + "\",\"error\":\"The report is cut short: the file ends before </feedback>.\"}]}\n", imported[1]);
        }
        // The sources' names and the SPF advice come from a test server: the same answers for both summaries.
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN in-addr.arpa.
                @ SOA ns1.test. hostmaster.test. 1 3600 600 86400 300
                1.2.0.192 PTR relay.shop.test.
                """, """
                $ORIGIN ip6.arpa.
                @ SOA ns1.test. hostmaster.test. 1 3600 600 86400 300
                """, """
                $ORIGIN example3.com.
                @ TXT "v=spf1 ip4:198.51.0.0/24 -all"
                """, """
                $ORIGIN shop.test.
                @ TXT "v=spf1 a:relay -all"
                relay A 192.0.2.1
                """)) {
            String server = dns.address().toString();
            for (String[] query : List.of(new String[0], new String[] {"--domain", "example3.com"}, new String[] {"--domain", "shop.test"},
                    new String[] {"--since", "2026-11-03", "--until", "2026-11-09"})) {
                String[] onSqlite = run(concat(new String[] {"reports", "summary", "--json", "--server", server, "--db", sqlite}, query));
                String[] onPostgres = run(concat(new String[] {"reports", "summary", "--json", "--server", server, "--db", postgres}, query));
                assertEquals("0", onPostgres[0], onPostgres[2]);
                assertEquals(onSqlite[1], onPostgres[1]);
                assertTrue(onSqlite[1].contains("\"selectors\":[{"), onSqlite[1]);
                assertTrue(!onSqlite[1].contains("reports.names-unanswered"), "every source's name was asked and answered");
            }
            String[] csv = run("reports", "summary", "--csv", "--server", server, "--db", postgres);
            assertEquals(run("reports", "summary", "--csv", "--server", server, "--db", sqlite)[1], csv[1]);
            assertTrue(csv[1].contains(",relay.shop.test,"), csv[1]);
        }
    }

    @Test
    void whatPostgresqlCannotStoreOrIndexIsKeptOrRefusedAsOnSqliteAndStopsNothing() throws IOException {
        // PostgreSQL cannot store a NUL in text, nor index more than some 2,700 octets: the import used to
        // stop at such a report, with every file after it.
        Path in = Files.createDirectories(folder.resolve("nul"));
        java.util.Random random = new java.util.Random(7);
        String noise = random.ints(3000, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        Path longName = Files.writeString(in.resolve("c-long-org.xml"), SampleReports.xml(noise, "l-1", "example.com", 1_793_491_200L,
                List.of(SampleReports.row("192.0.2.1", 1, "pass", "pass"))));
        StringBuilder domains = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            domains.append("Reported-Domain: ").append(noise, i * 50, i * 50 + 50).append(".example\n");
        }
        Files.writeString(in.resolve("a-failure.eml"), """
                From: reporter@receiver.example
                To: dmarc@example.com
                Subject: failure report
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="b"

                --b
                Content-Type: text/plain

                A failure report.
                --b
                Content-Type: message/feedback-report

                Feedback-Type: auth-failure
                User-Agent: Some\u0000Gen/1.0
                Version: 1
                Source-IP: 192.0.2.9
                Reported-Domain: example.com
                %sAuth-Failure: dmarc

                --b
                Content-Type: text/rfc822-headers

                From: someone@example.com
                Subject: Hello\u0000 there
                Message-ID: <x@example.com>

                --b--
                """.formatted(domains).replace("\n", "\r\n"));
        Files.write(in.resolve("b-aggregate.xml.gz"), SampleReports.gzip(ReportImportBenchmark.report(1)));
        for (String db : List.of(folder.resolve("nul.db").toString(), TestPostgres.newDatabase())) {
            String[] imported = run("reports", "import", in.toString(), "--db", db, "--json");
            assertEquals("1", imported[0], imported[1] + imported[2]);
            assertEquals("{\"imported\":2,\"duplicates\":0,\"failed\":[{\"file\":\"" + longName + "\",\"error\":"
                    + "\"The report's <org_name> has 3000 characters, more than the 256 any reporter writes.\"}]}\n", imported[1]);
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
