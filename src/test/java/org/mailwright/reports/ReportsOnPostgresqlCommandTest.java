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
        for (String[] query : List.of(new String[0], new String[] {"--domain", "example3.com"}, new String[] {"--domain", "shop.test"},
                new String[] {"--since", "2026-11-03", "--until", "2026-11-09"})) {
            String[] onSqlite = run(concat(new String[] {"reports", "summary", "--json", "--db", sqlite}, query));
            String[] onPostgres = run(concat(new String[] {"reports", "summary", "--json", "--db", postgres}, query));
            assertEquals("0", onPostgres[0], onPostgres[2]);
            assertEquals(onSqlite[1], onPostgres[1]);
            assertTrue(onSqlite[1].contains("\"selectors\":[{"), onSqlite[1]);
        }
        String[] csv = run("reports", "summary", "--csv", "--db", postgres);
        assertEquals(run("reports", "summary", "--csv", "--db", sqlite)[1], csv[1]);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
