package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.message.MessageFixtures;
import org.mailwright.testdns.TestDnsServer;

/** {@code mailwright message check}: the issue's JSON contract, the words, the exit codes. */
class MessageCheckCommandTest {

    @TempDir
    Path folder;
    private TestDnsServer dns;

    @BeforeEach
    void serve() {
        dns = TestDnsServer.start(MessageFixtures.zones());
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void aDeliveredMessagePrintsTheIssuesJsonAndExitsZero() throws Exception {
        Path message = write("Return-Path: <bounce@example.org>\r\n"
                + "Received: from out.example.org (out.example.org [192.0.2.10]) by mx.example.net; Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                + MessageFixtures.sign(MessageFixtures.MESSAGE, "example.org", "sel"));

        CommandRun run = CommandRun.run("message", "check", message.toString(), "--server", dns.address().toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("{\"from_domain\":\"example.org\",\"spf\":{\"result\":\"pass\",\"domain\":\"example.org\",\"aligned\":true,"), out);
        assertTrue(out.contains("\"dkim\":[{\"domain\":\"example.org\",\"selector\":\"sel\",\"result\":\"pass\",\"aligned\":true,"), out);
        assertTrue(out.contains("\"dmarc\":{\"result\":\"pass\",\"policy\":\"reject\",\"disposition\":\"none\","), out);
        assertTrue(out.contains("\"arc\":{\"result\":\"none\","), out);
        assertTrue(out.contains("\"client_ip\":\"192.0.2.10\",\"client_from\":\"received\""), out);
    }

    @Test
    void aForgedMessageFailsDmarcInWordsAndExitsOne() throws Exception {
        Path message = write(MessageFixtures.sign(MessageFixtures.MESSAGE, "example.org", "sel").replace("attached", "gone"));

        CommandRun run = CommandRun.run(Locale.forLanguageTag("es"), "message", "check", message.toString(),
                "--server", dns.address().toString(), "--ip", "198.51.100.1", "--mail-from", "x@example.org", "--helo", "x.example.net");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("SPF:   fail para example.org (alineado); cliente 198.51.100.1 (indicado), HELO x.example.net"), run.out());
        assertTrue(run.out().contains("El cuerpo cambió después de firmar"), run.out());
        assertTrue(run.out().contains("DMARC: fail; política reject, disposición reject"), run.out());
        assertTrue(run.out().contains("message.dmarc-fail"), run.out());
    }

    @Test
    void badInputIsOneSentenceAndExitTwo() throws Exception {
        Path message = write(MessageFixtures.MESSAGE);

        CommandRun badIp = CommandRun.run("message", "check", message.toString(), "--ip", "192.0.2", "--server", dns.address().toString());
        assertEquals(2, badIp.exitCode());
        assertTrue(badIp.err().contains("“192.0.2” is not an IPv4 or IPv6 address."), badIp.err());

        CommandRun missing = CommandRun.run("message", "check", folder.resolve("nope.eml").toString());
        assertEquals(2, missing.exitCode());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }

    private Path write(String text) throws Exception {
        Path file = folder.resolve("message.eml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
