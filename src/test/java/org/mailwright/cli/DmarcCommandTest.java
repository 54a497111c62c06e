package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.testdns.TestDnsServer;

/** {@code mailwright dmarc lint|build|plan} end to end, DNS from the test server. */
class DmarcCommandTest {

    private static final String ZONE = """
            $ORIGIN test.
            $TTL 300
            mail                  A    192.0.2.25
            good                  MX   10 mail.test.
            _dmarc.good           TXT  "v=DMARC1; p=reject; " "rua=mailto:dmarc@good.test"
            _dmarc.corp           TXT  "v=DMARC1; p=none; pct=50; rua=mailto:d@elsewhere.test"
            elsewhere             MX   10 mail.test.
            www.corp              A    192.0.2.80
            """;

    private final TestDnsServer dns = TestDnsServer.start(ZONE);

    @AfterEach
    void stopServer() {
        dns.close();
    }

    @Test
    void lintAGoodDomainAsJsonHasNoFindingsAndExitsZero() {
        CommandRun run = run("dmarc", "lint", "good.test", "--server", server(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"domain\":\"good.test\",\"record\":\"v=DMARC1; p=reject; rua=mailto:dmarc@good.test\","
                + "\"source\":\"own\",\"tags\":{\"v\":\"DMARC1\",\"p\":\"reject\",\"rua\":\"mailto:dmarc@good.test\"},"
                + "\"findings\":[]}\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void lintFindingsAreErrorsFirstAndAnErrorExitsOne() {
        CommandRun run = run("--json", "dmarc", "lint", "corp.test", "--server", server());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("{\"domain\":\"corp.test\",\"record\":\"v=DMARC1; p=none; pct=50; "
                + "rua=mailto:d@elsewhere.test\",\"source\":\"own\",\"tags\":{\"v\":\"DMARC1\",\"p\":\"none\","
                + "\"pct\":\"50\",\"rua\":\"mailto:d@elsewhere.test\"},\"findings\":[{\"id\":\"dmarc.rua-unauthorized\","
                + "\"severity\":\"error\",\"message\":\"elsewhere.test has not agreed to receive aggregate reports for "
                + "corp.test: there is no v=DMARC1 TXT record at corp.test._report._dmarc.elsewhere.test.\","
                + "\"why\":\"Receivers send reports to another organization's domain only when that domain agrees"), run.out());
        assertTrue(run.out().contains("{\"id\":\"dmarc.policy-none\",\"severity\":\"warning\""), run.out());
        assertTrue(run.out().contains("{\"id\":\"dmarc.pct-ignored\",\"severity\":\"warning\",\"message\":\"pct=50 no longer "
                + "limits the policy: receivers following RFC 9989 apply it to all failing mail.\",\"why\":\"RFC 9989 removed pct."),
                run.out());
    }

    @Test
    void lintSaysWhereAnInheritedPolicyComesFrom() {
        CommandRun json = run("dmarc", "lint", "www.corp.test", "--server", server(), "--json");
        assertTrue(json.out().contains("\"source\":\"inherited:corp.test\""), json.out());
        CommandRun human = run("dmarc", "lint", "www.corp.test", "--server", server());
        assertTrue(human.out().startsWith("""
                Domain:  www.corp.test
                Record:  v=DMARC1; p=none; pct=50; rua=mailto:d@elsewhere.test
                Source:  inherited from _dmarc.corp.test (p applies)
                Applied: none

                ERROR   dmarc.rua-unauthorized
                        elsewhere.test has not agreed to receive aggregate reports for corp.test:"""), human.out());
        assertTrue(human.out().contains("\n        Fix: Ask the administrator of elsewhere.test to publish "
                + "corp.test._report._dmarc.elsewhere.test TXT \"v=DMARC1;\""), human.out());
    }

    @Test
    void lintADomainWithoutPolicyPrintsNullAndExitsOne() {
        CommandRun run = run("dmarc", "lint", "nothing.test", "--server", server(), "--json");
        assertEquals(1, run.exitCode());
        assertEquals("{\"domain\":\"nothing.test\",\"record\":null,\"source\":\"none\",\"tags\":{},\"findings\":"
                + "[{\"id\":\"dmarc.missing\",\"severity\":\"error\",\"message\":\"No DMARC policy applies to nothing.test: "
                + "neither _dmarc.nothing.test nor any name above it publishes one.\",\"why\":\"Without DMARC, receivers have "
                + "no instruction for mail that fails SPF and DKIM and send you no reports, so anyone can send mail as "
                + "nothing.test unnoticed.\",\"fix\":\"Publish a TXT record at _dmarc.nothing.test, starting with monitoring: "
                + "v=DMARC1; p=none; rua=mailto:ADDRESS. The DMARC wizard writes it and plans the next stages.\"}]}\n", run.out());
    }

    @Test
    void lintASilentServerIsALookupFailureAndExitsOne() {
        dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run("dmarc", "lint", "good.test", "--server", server(), "--timeout-ms", "100", "--retries", "0", "--json");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("\"id\":\"dmarc.lookup-failed\""), run.out());
        assertTrue(!run.out().contains("dmarc.missing"), run.out());
    }

    @Test
    void buildPrintsTheRecordAloneAndNotesOnStandardError() {
        CommandRun run = run("dmarc", "build", "--p", "quarantine", "--t", "y", "--np", "reject", "--adkim", "s",
                "--rua", "mailto:dmarc@example.com", "--rua", "mailto:ops@example.net", "--ruf", "mailto:f@example.com",
                "--fo", "1", "--pct", "25");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; adkim=s; pct=25; "
                + "rua=mailto:dmarc@example.com,mailto:ops@example.net; ruf=mailto:f@example.com; fo=1\n", run.out());
        assertTrue(run.err().startsWith("""
                WARNING dmarc.testing
                        Test mode is on (t=y): receivers apply none instead of p=quarantine.
                        Why: t=y asks receivers"""), run.err());
        assertTrue(run.err().contains("""
                WARNING dmarc.pct-ignored
                        pct=25 no longer limits the policy: receivers following RFC 9989 apply it to all failing mail.
                """), run.err());
    }

    @Test
    void buildPercentEncodesASemicolonSoTheRuaAddsNoTag() {
        CommandRun run = run("dmarc", "build", "--p", "reject", "--rua", "mailto:a;sp=none@x.y");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("v=DMARC1; p=reject; rua=mailto:a%3Bsp=none@x.y\n", run.out());
    }

    @Test
    void buildRefusesAUriWithASpaceInOneSentence() {
        CommandRun run = run("dmarc", "build", "--p", "reject", "--rua", "mailto:a b@x.y");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("\"mailto:a b@x.y\" given to --rua holds a space, which no report URI can;"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void planWritesItsRuaByTheSameRule() {
        CommandRun run = run("dmarc", "plan", "--domain", "example.com", "--rua", "mailto:a;sp=none@example.com",
                "--start", "2026-06-01", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("rua=mailto:a%3Bsp=none@example.com"), run.out());
        assertEquals(2, run("dmarc", "plan", "--domain", "example.com", "--rua", "mailto:a b@example.com").exitCode());
    }

    @Test
    void buildAsJsonCarriesTheFindings() {
        CommandRun run = run("dmarc", "build", "--p", "reject", "--rua", "mailto:dmarc@example.com", "--json");
        assertEquals("{\"record\":\"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\",\"findings\":[]}\n", run.out());
    }

    @Test
    void planPrintsEachStageWithRecordStartAndCriteria() {
        CommandRun run = run("dmarc", "plan", "--domain", "example.com", "--rua", "mailto:dmarc@example.com", "--start", "2026-06-01");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                DMARC rollout plan for example.com: publish each record as TXT at _dmarc.example.com.

                1. Monitor: from 2026-06-01, for at least 28 days
                   v=DMARC1; p=none; rua=mailto:dmarc@example.com
                   Receivers deliver mail as usual and send you aggregate reports: who sends as your domain, and whether it passes.
                   Move on when:
                   - Aggregate reports arrive at dmarc@example.com from the large mailbox providers.
                """), run.out());
        assertTrue(run.out().contains("""
                5. Reject: from 2026-08-24
                   v=DMARC1; p=reject; rua=mailto:dmarc@example.com
                """), run.out());
    }

    @Test
    void planAsJsonListsTheStagesWithTheLegacyLadder() {
        CommandRun run = run("dmarc", "plan", "--domain", "example.com", "--rua", "mailto:dmarc@example.com",
                "--start", "2026-06-01", "--legacy-pct", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"domain\":\"example.com\",\"name\":\"_dmarc.example.com\",\"legacyPct\":true,"
                + "\"stages\":[{\"number\":1,\"stage\":\"monitor\",\"pct\":null,\"record\":\"v=DMARC1; p=none; "
                + "rua=mailto:dmarc@example.com\",\"start\":\"2026-06-01\",\"minimumDays\":28,\"criteria\":["
                + "\"Aggregate reports arrive at dmarc@example.com from the large mailbox providers.\","), run.out());
        assertTrue(run.out().contains("{\"number\":3,\"stage\":\"quarantine-test\",\"pct\":25,\"record\":\"v=DMARC1; "
                + "p=quarantine; np=reject; t=y; pct=25; rua=mailto:dmarc@example.com\",\"start\":\"2026-07-06\","
                + "\"minimumDays\":7,"), run.out());
        assertEquals(1, run.out().lines().count());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"dmarc"}, "Name a DMARC command: lint, build or plan."),
                Arguments.of(new String[] {"dmarc", "lint"}, "Missing required parameter: 'DOMAIN'."),
                Arguments.of(new String[] {"dmarc", "lint", "exa..mple.test"}, "There is an empty part between two dots, or a dot at the start."),
                Arguments.of(new String[] {"dmarc", "build"}, "Missing required option: '--p=POLICY'."),
                Arguments.of(new String[] {"dmarc", "build", "--p", "block"},
                        "\"block\" is not a valid value for --p; use one of none, quarantine, reject."),
                Arguments.of(new String[] {"dmarc", "build", "--p", "none", "--t", "yes"},
                        "\"yes\" is not a valid value for --t; use one of y, n."),
                Arguments.of(new String[] {"dmarc", "build", "--p", "none", "--rua", "dmarc@example.com"},
                        "\"dmarc@example.com\" given to --rua is not a report URI; write it as mailto:dmarc@example.com."),
                Arguments.of(new String[] {"dmarc", "build", "--p", "none", "--pct", "150"},
                        "\"150\" is not a valid value for --pct; use one of 0-100."),
                Arguments.of(new String[] {"dmarc", "plan", "--domain", "example.com"}, "Missing required option: '--rua=URI'."),
                Arguments.of(new String[] {"dmarc", "plan", "--domain", "example.com", "--rua", "mailto:d@example.com",
                    "--start", "June"}, "\"June\" is not a date; write it as YYYY-MM-DD, for example 2026-06-01."));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneSentence(String[] args, String expectedStart) {
        CommandRun run = run(args);
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(expectedStart), run.err());
        assertTrue(run.err().stripTrailing().endsWith("--help' for usage."), run.err());
    }

    @Test
    void helpListsTheDmarcCommands() {
        CommandRun root = run("--help");
        // The command list's width depends on the longest command name, so only the words are compared.
        assertTrue(root.out().matches("(?s).*\\n  dmarc +Check, write and plan DMARC records \\(RFC 9989\\)\\..*"), root.out());
        CommandRun dmarc = run("dmarc", "--help");
        assertTrue(dmarc.out().matches("(?s).*\\n  lint +Check a domain's DMARC policy and say what is wrong\\..*"), dmarc.out());
        CommandRun plan = run("dmarc", "plan", "--help");
        assertEquals(0, plan.exitCode());
        assertTrue(plan.out().contains("--legacy-pct"), plan.out());
        assertTrue(plan.out().contains("(5, 25, 50%)"), plan.out());
    }

    @Test
    void speaksSpanish() {
        Locale spanish = Locale.forLanguageTag("es");
        CommandRun lint = run(spanish, "dmarc", "lint", "www.corp.test", "--server", server());
        assertTrue(lint.out().startsWith("Dominio:   www.corp.test\n"), lint.out());
        assertTrue(lint.out().contains("Origen:    heredado de _dmarc.corp.test (se aplica p)"), lint.out());
        assertTrue(lint.out().contains("\n         Por qué: Los receptores solo envían informes"), lint.out());
        CommandRun json = run(spanish, "dmarc", "lint", "www.corp.test", "--server", server(), "--json");
        assertTrue(json.out().contains("\"message\":\"elsewhere.test no ha aceptado"), "JSON in the CLI's language: " + json.out());
        CommandRun plan = run(spanish, "dmarc", "plan", "--domain", "example.com", "--rua", "mailto:d@example.com", "--start", "2026-06-01");
        assertTrue(plan.out().contains("1. Monitorización: desde el 2026-06-01, durante al menos 28 días"), plan.out());
        CommandRun bad = run(spanish, "dmarc", "build", "--p", "block");
        assertTrue(bad.err().startsWith("\"block\" no es un valor válido para --p"), bad.err());
    }

    private String server() {
        return dns.address().toString();
    }
}
