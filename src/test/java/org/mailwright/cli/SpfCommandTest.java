package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.findings.SpfFinding;
import org.mailwright.testdns.TestDnsServer;

/** mailwright spf eval, lint and build end to end, DNS from the test server. */
class SpfCommandTest {

    private static final String ZONE = """
            $ORIGIN example.test.
            @      TXT "v=spf1 mx include:_spf.provider.test -all"
            @      MX  10 mail
            mail   A   192.0.2.25
            mail   AAAA 2001:db8::25
            helo   TXT "v=spf1 a -all"
            helo   A   192.0.2.99
            loose  TXT "v=spf1 +all"
            """;

    private static final String PROVIDER = """
            $ORIGIN provider.test.
            _spf   TXT "v=spf1 ip4:198.51.100.0/24 ~all"
            """;

    private final TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER);

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void evalPrintsTheResultTheMechanismAndTheLookupsAsJson() {
        CommandRun run = run("spf", "eval", "--ip", "198.51.100.7", "--mail-from", "alice@example.test", "--helo", "mx.out.test",
                "--server", server(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"result\":\"pass\",\"explanation\":null,\"mechanism\":\"include:_spf.provider.test\","
                + "\"lookups\":2,\"domain\":\"example.test\",\"matched\":[{\"domain\":\"example.test\",\"term\":\"include:_spf.provider.test\"},"
                + "{\"domain\":\"_spf.provider.test\",\"term\":\"ip4:198.51.100.0/24\"}],\"trace\":[\"Checking the SPF record of example.test"),
                run.out());
    }

    @Test
    void aFailIsExitCodeOneWithTheExplanation() {
        CommandRun run = run("spf", "eval", "--ip", "203.0.113.5", "--mail-from", "alice@example.test", "--server", server(), "--json");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("{\"result\":\"fail\",\"explanation\":\"example.test does not designate 203.0.113.5 "
                + "as a permitted sender\",\"mechanism\":\"-all\",\"lookups\":2,"), run.out());
    }

    @Test
    void humanOutputSaysTheResultAndEveryStepInTheUsersLanguage() {
        CommandRun run = run(Locale.forLanguageTag("es"), "spf", "eval", "--ip", "192.0.2.99", "--helo", "helo.example.test",
                "--server", server());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                Resultado: pass (para helo.example.test)
                Decidido por: a (helo.example.test)
                Consultas DNS: 1 de 10
                """), run.out());
        assertTrue(run.out().contains("  a coincide, así que el resultado es pass."), run.out());
    }

    @Test
    void lintEndsAtTheCommandsDeadline() {
        dns.silenceName("_spf.provider.test");
        long started = System.nanoTime();

        CommandRun run = run("spf", "lint", "example.test", "--server", server(), "--json", "--timeout-ms", "20000",
                "--deadline-ms", "1500");

        long took = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(took < 10_000, "ended at its deadline, not after the 20 s timeout: " + took + " ms");
        assertTrue(run.out().contains("\"id\":\"spf.dns-error\""), run.out());
    }

    @Test
    void eachBatchLineHasAQueryBudgetOfItsOwn(@TempDir Path folder) throws IOException {
        try (TestDnsServer wild = TestDnsServer.start("""
                $ORIGIN wild.test.
                *      TXT "v=spf1 a -all"
                *      A   192.0.2.99
                """)) {
            Path batch = folder.resolve("cases.tsv");
            // Two queries a line, each line at another name: sixty in all, far past the budget of five.
            StringBuilder lines = new StringBuilder();
            for (int n = 0; n < 30; n++) {
                lines.append("192.0.2.99\t\th").append(n).append(".wild.test\n");
            }
            Files.writeString(batch, lines);

            CommandRun run = run("spf", "eval", "--batch", batch.toString(), "--server", wild.address().toString(), "--json",
                    "--max-queries", "5");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(30, run.out().lines().filter(result -> result.startsWith("{\"result\":\"pass\"")).count(), run.out());
        }
    }

    @Test
    void aBatchPrintsOneObjectPerLineInOrder(@TempDir Path folder) throws IOException {
        Path batch = folder.resolve("cases.tsv");
        Files.writeString(batch, String.join("\n",
                "198.51.100.7\talice@example.test\tmx.out.test",
                "# a comment, skipped",
                "192.0.2.99\t\thelo.example.test",
                "not-an-ip\tbob@example.test\tx",
                "2001:db8::25\tbob@example.test\t") + "\n");

        CommandRun run = run("spf", "eval", "--batch", batch.toString(), "--server", server(), "--json");

        String[] lines = run.out().split("\n");
        assertEquals(4, lines.length, run.out());
        assertTrue(lines[0].startsWith("{\"result\":\"pass\",\"explanation\":null,\"mechanism\":\"include:_spf.provider.test\""), lines[0]);
        assertTrue(lines[1].startsWith("{\"result\":\"pass\",\"explanation\":null,\"mechanism\":\"a\",\"lookups\":1,\"domain\":\"helo.example.test\""), lines[1]);
        assertEquals("{\"line\":4,\"error\":\"Line 4: “not-an-ip” is not an IPv4 or IPv6 address.\"}", lines[2]);
        assertTrue(lines[3].startsWith("{\"result\":\"pass\",\"explanation\":null,\"mechanism\":\"mx\""), lines[3]);
        assertEquals(1, run.exitCode(), "a line could not be read");
    }

    @Test
    void oneBadBatchLineNeverStopsTheLinesAfterIt(@TempDir Path folder) throws IOException {
        Path batch = folder.resolve("cases.tsv");
        try (TestDnsServer hostile = TestDnsServer.start("""
                $ORIGIN y.
                ex      TXT "v=spf1 exists:%{l}.x.y -all"
                pz      TXT "v=spf1 ptr:pz.y -all"
                """, """
                $ORIGIN 2.0.192.in-addr.arpa.
                1       PTR a\\.\\..pz.y.
                """);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(String.join("\n",
                    "192.0.2.1\ta@pz.y\t",
                    "192.0.2.1\t\u0100 b@ex.y\t",
                    "not-an-ip\tbob@ex.y\t",
                    "192.0.2.1\t" + "a".repeat(10_000) + "@ex.y\t").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'\n', '1', '9', '2', '.', '0', '.', '2', '.', '1', '\t', (byte) 0xC3, '@', 'e', 'x', '.', 'y', '\n'});
            out.write("192.0.2.1\tlast@ex.y\t\n".getBytes(StandardCharsets.UTF_8));
            Files.write(batch, out.toByteArray());

            CommandRun run = run("spf", "eval", "--batch", batch.toString(), "--server", hostile.address().toString(), "--json");

            String[] lines = run.out().split("\n");
            assertEquals(6, lines.length, run.out() + run.err());
            assertTrue(lines[0].startsWith("{\"result\":\"fail\""), "a PTR name with an escaped dot is skipped: " + lines[0]);
            assertTrue(lines[1].startsWith("{\"result\":\"fail\""), "a local part that is no label does not match: " + lines[1]);
            assertTrue(lines[2].startsWith("{\"line\":3,\"error\":\"Line 3: "), lines[2]);
            assertEquals("{\"line\":4,\"error\":\"Line 4: the line is 10016 octets long; a batch line may have at most 4096 "
                    + "(address, MAIL FROM, HELO)\"}", lines[3]);
            assertEquals("{\"line\":5,\"error\":\"Line 5: the line is not UTF-8 text\"}", lines[4]);
            assertTrue(lines[5].startsWith("{\"result\":\"fail\""), "the last line is still evaluated: " + lines[5]);
            assertEquals(1, run.exitCode());
            assertEquals("", run.err());
        }
    }

    @Test
    void aBatchOfNulOctetsEndsInOneError(@TempDir Path folder) throws IOException {
        Path zeros = folder.resolve("zeros");
        Files.write(zeros, new byte[1 << 20]);

        CommandRun run = run("spf", "eval", "--batch", zeros.toString(), "--server", server(), "--json");

        assertEquals("{\"line\":1,\"error\":\"Line 1: the file holds a NUL octet, so it is no text file of "
                + "ip<TAB>mail-from<TAB>helo lines; reading stops here\"}\n", run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void aBatchWithoutNewlinesEndsInOneError(@TempDir Path folder) throws IOException {
        Path oneLine = folder.resolve("one-line");
        Files.writeString(oneLine, "198.51.100.7\t" + "a".repeat(1 << 20));

        CommandRun run = run("spf", "eval", "--batch", oneLine.toString(), "--server", server(), "--json");

        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("{\"line\":1,\"error\":\"Line 1: the line is 1048589 octets long;"), run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void lintPrintsTheTreeAndFindingsAndFailsOnAnError() {
        CommandRun good = run("spf", "lint", "example.test", "--server", server(), "--json");
        assertEquals(0, good.exitCode(), good.out());
        assertEquals("{\"domain\":\"example.test\",\"record\":\"v=spf1 mx include:_spf.provider.test -all\",\"lookups\":2,"
                + "\"tree\":{\"term\":\"example.test\",\"target\":\"example.test\",\"lookups\":2,\"status\":\"ok\",\"children\":["
                + "{\"term\":\"mx\",\"target\":\"example.test\",\"lookups\":1,\"status\":\"ok\",\"children\":[]},"
                + "{\"term\":\"include:_spf.provider.test\",\"target\":\"_spf.provider.test\",\"lookups\":1,\"status\":\"ok\",\"children\":[]}]},"
                + "\"findings\":[{\"id\":\"spf.valid\",\"severity\":\"pass\","
                + "\"message\":\"The SPF record of example.test is valid and uses 2 of 10 DNS lookups.\","
                + "\"why\":\"" + SpfFinding.VALID.of("example.test", 2, 10).why(Locale.ENGLISH) + "\","
                + "\"fix\":\"" + SpfFinding.VALID.of("example.test", 2, 10).fix(Locale.ENGLISH) + "\"}]}\n", good.out());

        CommandRun loose = run("spf", "lint", "loose.example.test", "--server", server());
        assertEquals(1, loose.exitCode());
        assertTrue(loose.out().contains("ERROR   spf.plus-all\n        The record ends in +all, which authorizes every host on the "
                + "Internet.\n        Why: "), loose.out());
    }

    @Test
    void buildRefusesAValueThatWouldSmuggleAnotherTermIntoTheRecord() {
        CommandRun run = run("spf", "build", "--ip4", "192.0.2.1 +all");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out(), "no record is printed");
        assertTrue(run.err().startsWith("\"192.0.2.1 +all\" holds a space, so it is not one ip4 value"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals(2, run("spf", "build", "--include", "_spf.example.net -all").exitCode());
    }

    @Test
    void buildPrintsTheRecordAlone() {
        CommandRun run = run("spf", "build", "--mx", "--ip4", "192.0.2.0/24", "--ip6", "2001:db8::/32", "--include", "_spf.google.com",
                "--all", "softfail");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("v=spf1 mx ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.google.com ~all\n", run.out());
        assertEquals("v=spf1 -all\n", run("spf", "build").out());
        assertEquals("{\"record\":\"v=spf1 a -all\",\"strings\":[\"v=spf1 a -all\"],\"lookups\":1}\n",
                run("spf", "build", "--a", "--json").out());
    }

    @Test
    void mistakesAreOneLineAndExitCodeTwo() {
        assertUsage(run("spf", "build", "--ip4", "2001:db8::1"),
                "2001:db8::1 is an address of the other family: write it as ip6:2001:db8::1, not ip4:2001:db8::1.");
        assertUsage(run("spf", "build", "--all", "pass"), "--all takes fail, softfail or neutral, not \"pass\".");
        assertUsage(run("spf", "eval", "--mail-from", "a@example.test"), "Give the client address with --ip (or a file with --batch).");
        assertUsage(run("spf", "eval", "--ip", "1.2.3", "--helo", "x.example.test"), "“1.2.3” is not an IPv4 or IPv6 address.");
        CommandRun spanish = run(Locale.forLanguageTag("es"), "spf", "eval", "--ip", "1.2.3", "--helo", "x.example.test");
        assertEquals(2, spanish.exitCode());
        assertTrue(spanish.err().startsWith("“1.2.3” no es una dirección IPv4 ni IPv6. Ejecute "), spanish.err());
        assertUsage(run("spf", "eval", "--batch", "/no/such/file"), "The batch file /no/such/file does not exist.");
        String folder = System.getProperty("java.io.tmpdir");
        assertUsage(run("spf", "eval", "--batch", folder), folder + " is a folder; give the batch file itself, or - for standard input.");
        assertUsage(run("spf"), "Name an SPF command: eval, lint or build.");
        assertUsage(run("spf", "lint", "postmaster@example.test"), "Enter only the domain, the part after the @: example.test.");
    }

    private static void assertUsage(CommandRun run, String sentence) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(sentence + " Run '"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private String server() {
        return dns.address().toString();
    }
}
