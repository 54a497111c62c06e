package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.testdns.TestDnsServer;

/**
 * {@code mailwright lookup} against hostile servers and hostile arguments: each DNS fault its own
 * status and words, the command's bounds, and names of any size as one-line usage errors.
 */
class LookupCommandTest {

    private static final String ZONE = """
            $ORIGIN faults.test.
            @          IN TXT   "v=spf1 -all"
            @          IN MX    10 mail
            mail       IN A     192.0.2.25
            child      IN NS    ns1.elsewhere.test.
            loop-a     IN CNAME loop-b
            loop-b     IN CNAME loop-a
            away       IN CNAME www.elsewhere.test.
            """;

    /** 4,000 one-letter labels: 7,999 characters. */
    private static final String FOUR_THOUSAND_LABELS = IntStream.range(0, 4000).mapToObj(i -> "a").collect(Collectors.joining("."));

    private final TestDnsServer dns = TestDnsServer.start(ZONE, "$ORIGIN xn--bcher-kva.test.\n@ IN TXT \"books\"\n");

    @AfterEach
    void stopServer() {
        dns.close();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "TXT, www.child.faults.test, lame,              0, referred to other name servers (ns1.elsewhere.test)",
            "TXT, loop-a.faults.test,    cname-loop,        0, aliases that go round in a circle",
            "TXT, away.faults.test,      cname-out-of-zone, 0, is an alias of www.elsewhere.test"})
    void eachFaultAServerAnswersWithIsItsOwnStatusNotNodata(String type, String name, String status, int exitCode, String words) {
        CommandRun json = run("lookup", type, name, "--server", server(), "--json", "--timeout-ms", "300");
        CommandRun human = run("lookup", type, name, "--server", server(), "--timeout-ms", "300");

        assertEquals(exitCode, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"status\":\"" + status + "\""),
                json.out());
        assertTrue(human.out().contains(words), human.out());
    }

    @Test
    void theTcBitOverTcpIsTruncatedAndNoAnswer() {
        dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE_ALWAYS);

        CommandRun run = run("lookup", "TXT", "faults.test", "--server", server(), "--json");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("\"status\":\"truncated\""), run.out());
    }

    @Test
    void aTcpServerThatKeepsClosingEarlySaysSoInOneLineWithoutAnExceptionName() {
        dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);
        dns.breakTcpConnections(100);

        CommandRun run = run("lookup", "MX", "faults.test", "--server", server());
        CommandRun spanish = run(Locale.forLanguageTag("es"), "lookup", "MX", "faults.test", "--server", server());

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(server() + " did not finish its answer for faults.test MX: the server closed "
                + "the TCP connection before its reply was complete (3 connections tried)."), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(spanish.err().startsWith(server() + " no terminó su respuesta para faults.test MX: el servidor cerró"),
                spanish.err());
    }

    @Test
    void aLameServerIsAnErrorInPropagationNotMissing() {
        CommandRun run = run("propagation", "--name", "www.child.faults.test", "--type", "TXT", "--server", server(),
                "--json", "--timeout-ms", "300", "--retries", "0");

        assertTrue(run.out().contains("\"status\":\"error\""), run.out());
        assertFalse(run.out().contains("\"status\":\"missing\""), run.out());
    }

    @Test
    void anInternationalNameIsLookedUpAsItsALabel() {
        CommandRun run = run("lookup", "TXT", "bücher.test", "--server", server(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"name\":\"xn--bcher-kva.test\",\"type\":\"TXT\",\"status\":\"ok\",\"records\":[\"books\"]"),
                run.out());
    }

    // ---- names of any size ----

    @Test
    void anyNameDnsCanCarryIsAskedAsDigAsksIt() {
        CommandRun run = run("lookup", "TXT", "*.faults.test", "--server", server(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"name\":\"*.faults.test\",\"type\":\"TXT\",\"status\":\"nxdomain\""), run.out());
    }

    @Test
    void aServerOfFourThousandLabelsIsAOneLineUsageError() {
        CommandRun run = run("lookup", "A", "faults.test", "--server", FOUR_THOUSAND_LABELS + ":53");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("\"" + FOUR_THOUSAND_LABELS.substring(0, 60) + "…\" is not a server address; "
                + "give HOST[:PORT]. A domain name has at most 253 characters; this one has "), run.err());
        assertTrue(run.err().length() < 300, "the start of what was typed, not all of it: " + run.err().length());
    }

    @Test
    void aNameOfFourThousandLabelsIsAOneLineUsageErrorInTheUsersLanguage() {
        CommandRun english = run("lookup", "A", FOUR_THOUSAND_LABELS, "--server", server());
        CommandRun spanish = run(Locale.forLanguageTag("es"), "lookup", "A", "x".repeat(64) + ".test", "--server", server());

        assertEquals(2, english.exitCode());
        assertEquals(1, english.err().lines().count(), english.err());
        assertTrue(english.err().contains("\" is not a valid domain name. A domain name has at most 253 characters"),
                english.err());
        assertEquals(2, spanish.exitCode());
        assertTrue(spanish.err().startsWith("\"" + "x".repeat(60) + "…\" no es un nombre de dominio válido. La parte «"
                + "x".repeat(64) + "» tiene 64 caracteres"), spanish.err());
        assertEquals(0, dns.udpQueries(), "nothing was sent");
    }

    // ---- the command's bounds ----

    @Test
    void theDeadlineEndsACommandWaitingOnASilentServer() {
        dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
        long started = System.nanoTime();

        CommandRun run = run("lookup", "TXT", "faults.test", "--server", server(), "--timeout-ms", "5000",
                "--deadline-ms", "300", "--json");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("\"status\":\"deadline\""), run.out());
        assertTrue(run.out().contains("this check's time (300 ms) ran out"), run.out());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void pastItsQueriesACommandAsksNothingMore() {
        dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);

        CommandRun run = run("lookup", "MX", "faults.test", "--server", server(), "--max-queries", "1", "--json");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("\"status\":\"query-limit\""), run.out());
        assertEquals(0, dns.tcpQueries(), "the truncated answer was not asked again over TCP");
    }

    @Test
    void eachRoundOfAPropagationWatchHasItsOwnDeadline() {
        CommandRun run = run("propagation", "--name", "faults.test", "--type", "TXT", "--expect", "v=spf1 mx -all",
                "--server", server(), "--watch", "--interval", "1", "--max-wait", "2", "--deadline-ms", "700", "--json");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"status\":\"mismatch\""), "the last round still asked: " + run.out());
    }

    @ParameterizedTest
    @CsvSource({
            "--max-queries, 0, --max-queries must be at least 1, not 0.",
            "--deadline-ms, 0, --deadline-ms must be at least 1 millisecond, not 0.",
            "--deadline-ms, -5, --deadline-ms must be at least 1 millisecond, not -5."})
    void boundsBelowOneAreUsageErrors(String option, String value, String message) {
        CommandRun run = run("lookup", "A", "faults.test", "--server", server(), option, value);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith(message), run.err());
    }

    @Test
    void theHelpNamesTheBoundsAndTheirDefaultsInBothLanguages() {
        CommandRun english = run("lookup", "--help");
        CommandRun spanish = run(Locale.forLanguageTag("es"), "lookup", "--help");

        assertTrue(english.out().contains("--max-queries=N"), english.out());
        assertTrue(english.out().contains("(default: " + ResolverOptions.COMMAND_MAX_QUERIES + ")"), english.out());
        assertTrue(english.out().contains("--deadline-ms=N"), english.out());
        assertTrue(english.out().contains("(default: " + ResolverOptions.COMMAND_DEADLINE.toMillis() + ")"), english.out());
        assertTrue(english.out().contains("cname-loop"), english.out());
        assertTrue(spanish.out().contains("Cuántas consultas DNS puede enviar la orden"), spanish.out());
    }

    private String server() {
        return dns.address().toString();
    }
}
