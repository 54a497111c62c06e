package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.reports.SampleReports;

/**
 * {@code mailwright reports summary}: the DKIM selector ledger, the dispositions and the override
 * reasons, as the new JSON fields and as short sections of the text in English and Spanish; the
 * CSV stays the sources table.
 */
class ReportsLedgerCommandTest {

    @TempDir
    Path folder;

    private Path db;

    @BeforeEach
    void importHistory() throws IOException {
        Path in = Files.createDirectories(folder.resolve("in"));
        for (Map.Entry<String, String> report : SampleReports.ledgerHistory().entrySet()) {
            Files.writeString(in.resolve(report.getKey() + ".xml"), report.getValue());
        }
        db = folder.resolve("archive.db");
        assertEquals(0, run("reports", "import", in.toString(), "--db", db.toString()).exitCode());
    }

    @Test
    void theJsonAddsSelectorsDispositionsAndOverridesAfterTheIssuesFields() {
        CommandRun summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--json", "--domain", "shop.test");

        assertEquals(0, summary.exitCode(), summary.err());
        String out = summary.out();
        assertTrue(out.startsWith("{\"reports\":5,\"messages\":85,"), out);
        assertTrue(out.contains("\"suggestions\":[{"), out);
        assertTrue(out.contains("{\"domain\":\"shop.test\",\"selector\":\"old\",\"messages\":35,\"dkim_pass\":30,\"dkim_fail\":5,"
                + "\"first_seen\":\"2026-11-01\",\"last_seen\":\"2026-11-05\",\"state\":\"rotated\",\"dual_signing\":true,"
                + "\"replaced_by\":\"new\"}"), out);
        assertTrue(out.contains("{\"domain\":\"shop.test\",\"selector\":\"gone\",\"messages\":3,\"dkim_pass\":0,\"dkim_fail\":3,"
                + "\"first_seen\":\"2026-11-12\",\"last_seen\":\"2026-11-12\",\"state\":\"stale\",\"dual_signing\":false,"
                + "\"replaced_by\":null}"), out);
        assertTrue(out.endsWith(",\"dispositions\":{\"none\":37,\"quarantine\":5,\"reject\":3,\"pass\":40},\"overrides\":["
                + "{\"type\":\"trusted_forwarder\",\"messages\":40,\"comments\":[\"" + "x".repeat(199) + "…\"]},"
                + "{\"type\":\"forwarded\",\"messages\":12,\"comments\":[\"again\",\"other comment\",\"fourth\"]},"
                + "{\"type\":\"local_policy\",\"messages\":3,\"comments\":[]},"
                + "{\"type\":\"policy_test_mode\",\"messages\":3,\"comments\":[]}]}\n"), out);
    }

    @Test
    void theTextSaysTheLedgerAndWhatReceiversDidInEnglishAndSpanish() {
        CommandRun english = run("reports", "summary", "--no-names", "--db", db.toString(), "--domain", "shop.test");

        assertEquals(0, english.exitCode(), english.err());
        assertTrue(english.out().contains("""

                DKIM selectors (active: seen within 7 days of the newest report):
                  s=s1 d=esp.test: 40 messages, 40 verified, 0 did not; seen 2026-11-10 to 2026-11-10; stale
                  s=new d=shop.test: 47 messages, 47 verified, 0 did not; seen 2026-11-10 to 2026-11-20; active
                  s=old d=shop.test: 35 messages, 30 verified, 5 did not; seen 2026-11-01 to 2026-11-05; rotated, replaced by new; \
                two selectors sign the same messages
                """), english.out());
        assertTrue(english.out().contains("""

                What receivers did with the messages:
                  none (delivered): 37
                  quarantine: 5
                  reject: 3
                  pass (RFC 9990): 40

                Why receivers applied another disposition than the policy:
                  trusted forwarder: 40 messages
                """), english.out());
        assertTrue(english.out().contains("""
                  forwarded: 12 messages
                    "again"
                    "other comment"
                    "fourth"
                  the receiver's local policy: 3 messages
                  policy in test mode (t=y): 3 messages
                """), english.out());

        CommandRun spanish = run(Locale.forLanguageTag("es"), "reports", "summary", "--no-names", "--db", db.toString(),
                "--domain", "shop.test");

        assertTrue(spanish.out().contains("  s=old d=shop.test: 35 mensajes, 30 verificados, 5 no; visto del 2026-11-01 al 2026-11-05; "
                + "rotado, reemplazado por new; dos selectores firman los mismos mensajes\n"), spanish.out());
        assertTrue(spanish.out().contains("  ninguna (entregado): 37\n  cuarentena: 5\n"), spanish.out());
        assertTrue(spanish.out().contains("  reenviado: 12 mensajes\n    «again»\n"), spanish.out());
    }

    @Test
    void theCsvIsStillTheSourcesTable() {
        CommandRun csv = run("reports", "summary", "--no-names", "--db", db.toString(), "--csv", "--domain", "shop.test");

        assertEquals("""
                ip,count,dmarc_pass,dmarc_fail,spf_aligned_pass,dkim_aligned_pass,ptr,label
                192.0.2.1,77,77,0,0,77,,
                192.0.2.2,5,5,0,0,5,,
                192.0.2.3,3,3,0,0,3,,
                """, csv.out());
    }
}
