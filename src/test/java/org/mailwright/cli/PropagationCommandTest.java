package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.testdns.TestDnsServer;

/**
 * {@code mailwright propagation} against three loopback servers: one with the new record, one
 * with the old one, one silent; and the same servers once they catch up.
 */
class PropagationCommandTest {

    private static final String NEW_DMARC = "v=DMARC1; p=reject; rua=mailto:dmarc@example.test";
    private static final String OLD_DMARC = "v=DMARC1; p=none; rua=mailto:dmarc@example.test";

    private static String zone(long serial, String dmarcLine) {
        return """
                $ORIGIN example.test.
                $TTL 300
                @       IN SOA ns1 hostmaster %d 3600 600 86400 120
                @       IN NS  ns1
                ns1     IN A   127.0.0.1
                %s
                """.formatted(serial, dmarcLine);
    }

    // The new record split into two strings, with its tags in another order: the same record.
    private static final String NEW = zone(2026010102, "_dmarc IN TXT \"v=DMARC1; rua=mailto:dmarc@example.test; \" \"p=reject\"");
    private static final String OLD = zone(2026010101, "_dmarc IN TXT \"" + OLD_DMARC + "\"");

    private final TestDnsServer fresh = TestDnsServer.start(NEW);
    private final TestDnsServer old = TestDnsServer.start(OLD);
    private final TestDnsServer silent = TestDnsServer.start(NEW);

    @AfterEach
    void stopServers() {
        fresh.close();
        old.close();
        silent.close();
    }

    private String[] threeServers(String... more) {
        String[] base = {"propagation", "--name", "_dmarc.example.test", "--type", "TXT",
                "--server", fresh.address().toString(), "--server", old.address().toString(),
                "--server", silent.address().toString(), "--timeout-ms", "200", "--retries", "0"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void jsonShowsOneNewOneOldAndOneSilentServer() {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run(threeServers("--expect", NEW_DMARC, "--json"));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        String expected = "{\"name\":\"_dmarc.example.test\",\"type\":\"TXT\",\"expected\":[\"" + NEW_DMARC + "\"],"
                + "\"propagated\":false,\"servers\":["
                + "{\"server\":\"" + fresh.address() + "\",\"role\":\"resolver\",\"status\":\"match\","
                + "\"answer\":[\"v=DMARC1; rua=mailto:dmarc@example.test; p=reject\"],\"serial\":2026010102,\"ttl\":300,"
                + "\"message\":\"" + fresh.address() + " has the expected record (TTL 300 s).\"},"
                + "{\"server\":\"" + old.address() + "\",\"role\":\"resolver\",\"status\":\"mismatch\","
                + "\"answer\":[\"" + OLD_DMARC + "\"],\"serial\":2026010101,\"ttl\":300,"
                + "\"message\":\"" + old.address() + " answers something else: " + OLD_DMARC + " (TTL 300 s).\"},"
                + "{\"server\":\"" + silent.address() + "\",\"role\":\"resolver\",\"status\":\"error\","
                + "\"answer\":[],\"serial\":null,\"ttl\":null,\"message\":\"No answer from " + silent.address();
        assertTrue(run.out().startsWith(expected), run.out());
        assertTrue(run.out().endsWith("],\"zone\":\"example.test\",\"eta\":null}\n"), run.out());
        assertEquals(1, run.out().lines().count());
    }

    @Test
    void authoritativeAddsTheNameServersOnTheNameServerPort() {
        // The zone names ns1 at 127.0.0.1; --ns-port makes it the old server.
        CommandRun run = run("propagation", "--name", "_dmarc.example.test", "--type", "TXT", "--authoritative",
                "--server", old.address().toString(), "--server", fresh.address().toString(), "--ns-port", String.valueOf(old.port()),
                "--expect", NEW_DMARC, "--timeout-ms", "200", "--retries", "0", "--json");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"servers\":[{\"server\":\"" + old.address()
                + "\",\"role\":\"authoritative\",\"status\":\"mismatch\""), run.out());
        assertEquals(1, run.out().split("\"server\":\"" + old.address() + "\"", -1).length - 1,
                "a --server that is a name server is asked once: " + run.out());
        assertTrue(run.out().contains("{\"server\":\"" + fresh.address() + "\",\"role\":\"resolver\",\"status\":\"match\""),
                run.out());
        assertTrue(run.out().endsWith("\"eta\":null}\n"), "the only name server lacks the record: " + run.out());
    }

    @Test
    void nameServersAreAskedOnPort53UnlessToldOtherwise() {
        // Nothing answers on 127.0.0.1:53 here; a loopback --server no longer moves the name servers to its port.
        CommandRun run = run("propagation", "--name", "_dmarc.example.test", "--type", "TXT", "--authoritative",
                "--server", old.address().toString(), "--timeout-ms", "200", "--retries", "0", "--json");
        assertTrue(run.out().contains("{\"server\":\"127.0.0.1:53\",\"role\":\"authoritative\""), run.out());

        CommandRun badPort = run(threeServers("--ns-port", "0"));
        assertEquals(2, badPort.exitCode());
        assertTrue(badPort.err().startsWith("--ns-port must be a port from 1 to 65535, not 0."), badPort.err());
    }

    @Test
    void withoutExpectTheNewestZoneIsTheReferenceNotTheMostCommonAnswer() {
        silent.replaceZones(OLD);
        CommandRun run = run(threeServers("--authoritative", "--ns-port", String.valueOf(fresh.port())));
        assertEquals(1, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("Newest zone (serial 2026010102): v=DMARC1; rua=mailto:dmarc@example.test; p=reject", lines[1],
                "two of three servers still have the old record");
        assertTrue(lines[4].matches(fresh.address() + " +authoritative +match +2026010102 .*"), lines[4]);
        assertTrue(lines[5].matches(old.address() + " +resolver +mismatch .*"), lines[5]);
    }

    @Test
    void withoutExpectTheMostCommonAnswerIsTheReference() {
        silent.replaceZones(OLD);
        CommandRun run = run(threeServers("--json"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"expected\":[\"" + OLD_DMARC + "\"]"), run.out());
        assertTrue(run.out().contains("\"status\":\"mismatch\",\"answer\":[\"v=DMARC1; rua=mailto:dmarc@example.test; p=reject\"]"),
                run.out());
    }

    @Test
    void exitsZeroWhenEveryServerMatches() {
        old.replaceZones(NEW);
        CommandRun run = run(threeServers("--expect", NEW_DMARC, "--json"));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("\"propagated\":true"), run.out());
        assertTrue(run.out().matches(".*\"eta\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}\\n"), run.out());
    }

    @Test
    void humanOutputIsATableWithTheSerialsAndASummary() {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run(threeServers("--expect", NEW_DMARC));
        assertEquals(1, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("_dmarc.example.test TXT (zone example.test)", lines[0]);
        assertEquals("Expected: " + NEW_DMARC, lines[1]);
        assertTrue(lines[3].matches("SERVER +ROLE +STATUS +SERIAL +TTL +ANSWER"), lines[3]);
        assertTrue(lines[4].matches(fresh.address() + " +resolver +match +2026010102 +300 +v=DMARC1; rua=.*"), lines[4]);
        assertTrue(lines[5].matches(old.address() + " +resolver +mismatch +2026010101 +300 +" + OLD_DMARC), lines[5]);
        assertTrue(lines[6].matches(silent.address() + " +resolver +error +- +- +no answer within 200 ms"), lines[6]);
        assertEquals("1 of 3 servers match. There is no estimate of when it will be everywhere: a server did not"
                + " answer, or a name server that is not behind lacks the record.", lines[8]);
    }

    @Test
    void watchTurnsGreenWhenTheOthersCatchUp() throws Exception {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CompletableFuture<CommandRun> watching = CompletableFuture.supplyAsync(() ->
                run(threeServers("--expect", NEW_DMARC, "--watch", "--interval", "1", "--max-wait", "20")));
        // Once the first round has asked the old and the silent server (each its SOA and the record), they catch up.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((old.udpQueries() < 2 || silent.udpQueries() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        old.replaceZones(NEW);
        silent.setBehaviour(TestDnsServer.Behaviour.NORMAL);

        CommandRun run = watching.get(20, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("1 of 3 servers match."), run.out());
        assertTrue(run.out().stripTrailing().endsWith("3 of 3 servers match. It is published everywhere."), run.out());
    }

    @Test
    void watchGivesUpAfterTheMaximumWait() {
        CommandRun run = run(threeServers("--expect", NEW_DMARC, "--watch", "--interval", "1", "--max-wait", "1"));
        assertEquals(1, run.exitCode());
        assertTrue(run.out().stripTrailing().endsWith("Still not everywhere after watching for 1 s."), run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        CommandRun badInterval = run(threeServers("--watch", "--interval", "0"));
        assertEquals(2, badInterval.exitCode());
        assertTrue(badInterval.err().startsWith("--interval must be at least 1 second, not 0."), badInterval.err());
        CommandRun noType = run("propagation", "--name", "example.test");
        assertEquals(2, noType.exitCode());
        assertTrue(noType.err().startsWith("Missing required option: '--type=TYPE'"), noType.err());
        CommandRun badName = run("propagation", "--name", "exa..mple.test", "--type", "TXT", "--server", fresh.address().toString());
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().startsWith("\"exa..mple.test\" is not a domain name. There is an empty part between two dots,"
                + " or a dot at the start. "), badName.err());
    }

    @Test
    void speaksSpanish() {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run(Locale.forLanguageTag("es"), threeServers("--expect", NEW_DMARC));
        assertTrue(run.out().contains(" coincide "), run.out());
        assertTrue(run.out().contains("1 de 3 servidores coinciden."), run.out());
        CommandRun help = run(Locale.forLanguageTag("es"), "propagation", "--help");
        assertTrue(help.out().contains("Códigos de salida:"), help.out());
    }
}
