package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.KeyFiles;
import org.mailwright.testdns.TestDnsServer;

/** The dkim commands end to end: keygen, record, test (against the test DNS server), sign, verify. */
class DkimCommandsTest {

    private static final String MESSAGE = "From: Ana <ana@corp.example>\nTo: bea@else.example\nSubject: Hi\n"
            + "Date: Tue, 24 Nov 2026 10:00:00 +0100\nMessage-ID: <1@corp.example>\n\nHello.\n";

    @TempDir
    Path dir;

    private TestDnsServer dns;

    @AfterEach
    void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void keygenWritesTheKeyOwnerOnlyAndTheZoneLineAndPrintsTheContractJson() throws Exception {
        Path keys = dir.resolve("keys");

        Run run = run("dkim", "keygen", "--domain", "corp.example", "--selector", "202611a", "--out", keys.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        Path privateKey = keys.resolve("202611a.private");
        String record = KeyFiles.read(privateKey, null).record().value();
        assertTrue(run.out().startsWith("{\"domain\":\"corp.example\",\"selector\":\"202611a\","
                + "\"name\":\"202611a._domainkey.corp.example\",\"record\":\"" + record + "\","
                + "\"private_key\":\"" + json(privateKey.toString()) + "\","), run.out());
        assertTrue(record.startsWith("v=DKIM1; k=rsa; p=MIIBIjAN"), "RSA 2048 by default");
        assertTrue(Files.readString(keys.resolve("202611a.txt")).startsWith("202611a._domainkey.corp.example. IN TXT \"v=DKIM1; k=rsa; p="));
        if (Files.getFileStore(privateKey).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
            assertTrue(run.out().contains("\"permissions\":\"rw-------\""));
        }
        assertEquals("", run.err());
    }

    @Test
    void keygenNeverReplacesAKeyWithoutForce() throws Exception {
        String[] keygen = {"dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519", "--out", dir.toString()};
        assertEquals(0, run(keygen).exitCode());
        String first = Files.readString(dir.resolve("s1.private"));

        Run again = run(keygen);

        assertEquals(2, again.exitCode());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().startsWith(dir.resolve("s1.private") + " already exists; choose another selector or folder, or add --force"),
                again.err());
        assertEquals(first, Files.readString(dir.resolve("s1.private")));

        String[] forced = java.util.Arrays.copyOf(keygen, keygen.length + 1);
        forced[keygen.length] = "--force";
        assertEquals(0, run(forced).exitCode());
        assertFalse(first.equals(Files.readString(dir.resolve("s1.private"))));
    }

    @Test
    void keygenRefusesImpossibleKeysInOneSentence() {
        Run ed = run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519", "--bits", "2048",
                "--out", dir.toString());
        Run small = run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--bits", "512", "--out", dir.toString());
        Run spanish = run(Locale.forLanguageTag("es"), "dkim", "keygen", "--domain", "corp.example", "--selector", "s1",
                "--type", "dsa", "--out", dir.toString());

        assertEquals(2, ed.exitCode());
        assertTrue(ed.err().startsWith("Ed25519 keys have 256 bits; leave out --bits 2048."), ed.err());
        assertEquals(2, small.exitCode());
        assertTrue(small.err().startsWith("RSA keys can be 1024, 2048, 3072 or 4096 bits, not 512."), small.err());
        assertTrue(spanish.err().startsWith("\"dsa\" no es un tipo de clave; use rsa o ed25519."), spanish.err());
        assertFalse(Files.exists(dir.resolve("s1.private")));
    }

    @Test
    void everyCommandRefusesAnUnderscoreInTheSelectorAsTheWindowDoes() throws Exception {
        Run keygen = run("dkim", "keygen", "--domain", "corp.example", "--selector", "mail_2026", "--out", dir.toString());
        Run spanish = run(Locale.forLanguageTag("es"), "dkim", "keygen", "--domain", "corp.example", "--selector", "mail_2026",
                "--out", dir.toString());

        assertEquals(2, keygen.exitCode());
        assertEquals(1, keygen.err().lines().count(), keygen.err());
        assertTrue(keygen.err().startsWith("Underscores are not allowed in selectors; use a hyphen instead: mail-2026."), keygen.err());
        assertTrue(spanish.err().startsWith("Los selectores no admiten guiones bajos; use un guion en su lugar: mail-2026."),
                spanish.err());
        assertFalse(Files.exists(dir.resolve("mail_2026.private")), "nothing is made under a name DNS readers refuse");

        run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519", "--out", dir.toString());
        Path key = dir.resolve("s1.private");
        Path message = Files.writeString(dir.resolve("hi.eml"), MESSAGE);
        for (String[] command : new String[][] {
            {"dkim", "record", "--key", key.toString(), "--domain", "corp.example", "--selector", "mail_2026"},
            {"dkim", "test", "--key", key.toString(), "--domain", "corp.example", "--selector", "mail_2026"},
            {"dkim", "sign", "--key", key.toString(), "--domain", "corp.example", "--selector", "mail_2026", message.toString()}}) {
            Run run = run(command);
            assertEquals(2, run.exitCode(), command[1]);
            assertTrue(run.err().startsWith("Underscores are not allowed in selectors; use a hyphen instead: mail-2026."),
                    command[1] + ": " + run.err());
        }
        assertTrue(run("dkim", "record", "--key", key.toString(), "--domain", "me@corp.example", "--selector", "s1").err()
                .startsWith("Enter only the domain, the part after the @: corp.example."));
    }

    @Test
    void recordPrintsTheRecordOfAnExistingKey() throws Exception {
        run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519", "--out", dir.toString());
        String record = KeyFiles.read(dir.resolve("s1.private"), null).record().value();

        Run human = run("dkim", "record", "--key", dir.resolve("s1.private").toString(), "--domain", "corp.example", "--selector", "s1");
        Run json = run("dkim", "record", "--key", dir.resolve("s1.private").toString(), "--domain", "corp.example", "--selector", "s1",
                "--json");

        assertEquals(0, human.exitCode());
        assertTrue(human.out().startsWith("Publish this TXT record at s1._domainkey.corp.example:\n" + record + "\n"), human.out());
        assertTrue(json.out().startsWith("{\"domain\":\"corp.example\",\"selector\":\"s1\",\"name\":\"s1._domainkey.corp.example\","
                + "\"record\":\"" + record + "\",\"strings\":[\"" + record + "\"],"), json.out());
    }

    @Test
    void recordSaysWhyAKeyCannotBeRead() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("notes.txt"), "hello");

        Run run = run("dkim", "record", "--key", notAKey.toString(), "--domain", "corp.example", "--selector", "s1");

        assertEquals(2, run.exitCode());
        assertEquals("Could not read the key " + notAKey + ": This is not a PEM private key (nor a base64 Ed25519 key). "
                + "Run 'mailwright dkim record --help' for usage.\n", run.err());
    }

    @Test
    void testMatchesOncePublishedAndFailsBefore() throws Exception {
        run("dkim", "keygen", "--domain", "corp.example", "--selector", "202611a", "--out", dir.toString());
        String zone = """
                $ORIGIN corp.example.
                @    300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @    300 IN NS  ns1
                ns1  300 IN A   127.0.0.1
                """;
        dns = TestDnsServer.start(zone);
        String[] test = {"dkim", "test", "--domain", "corp.example", "--selector", "202611a",
            "--key", dir.resolve("202611a.private").toString(), "--server", dns.address().toString(),
            "--ns-port", String.valueOf(dns.port()), "--json"};

        Run missing = run(test);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.out().startsWith("{\"result\":\"missing\",\"servers\":[{\"source\":\"resolver\","), missing.out());

        dns.replaceZones(zone + Files.readString(dir.resolve("202611a.txt")));
        Run match = run(test);
        assertEquals(0, match.exitCode(), match.out());
        assertTrue(match.out().startsWith("{\"result\":\"match\",\"servers\":[{\"source\":\"resolver\","), match.out());
        assertTrue(match.out().contains("{\"source\":\"authoritative\",\"name_server\":\"ns1.corp.example\",\"server\":\""
                + dns.address() + "\",\"status\":\"ok\",\"result\":\"match\""), match.out());
        assertTrue(match.out().contains("\"sample\":{\"result\":\"pass\",\"reason\":null}"), match.out());
    }

    @Test
    void signedMessagesVerifyAndTamperedOnesDoNot() throws Exception {
        run("dkim", "keygen", "--domain", "corp.example", "--selector", "202611a", "--type", "ed25519", "--out", dir.toString());
        dns = TestDnsServer.start("$ORIGIN corp.example.\n" + Files.readString(dir.resolve("202611a.txt")));
        Path message = Files.writeString(dir.resolve("hi.eml"), MESSAGE);

        Run sign = run("dkim", "sign", "--key", dir.resolve("202611a.private").toString(), "--domain", "corp.example",
                "--selector", "202611a", "--canon", "relaxed/simple", message.toString());
        assertEquals(0, sign.exitCode(), sign.err());
        assertTrue(sign.out().startsWith("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/simple; d=corp.example;"), sign.out());
        assertTrue(sign.out().endsWith("\r\n\r\nHello.\r\n"));
        Path signed = Files.write(dir.resolve("signed.eml"), sign.outBytes());

        Run verify = run("dkim", "verify", signed.toString(), "--server", dns.address().toString(), "--json");
        assertEquals(0, verify.exitCode(), verify.out());
        assertTrue(verify.out().startsWith("{\"signatures\":[{\"domain\":\"corp.example\",\"selector\":\"202611a\","
                + "\"algorithm\":\"ed25519-sha256\",\"result\":\"pass\",\"reason\":null,"), verify.out());

        Path tampered = Files.writeString(dir.resolve("tampered.eml"),
                Files.readString(signed).replace("Hello.", "Goodbye."));
        Run human = run("dkim", "verify", tampered.toString(), "--server", dns.address().toString());
        assertEquals(1, human.exitCode());
        assertTrue(human.out().startsWith("fail: d=corp.example s=202611a a=ed25519-sha256\n"
                + "  The body was changed after signing: its hash does not match bh=.\n"), human.out());
    }

    @Test
    void anUnsignedMessageDoesNotPass() throws Exception {
        Path message = Files.writeString(dir.resolve("plain.eml"), MESSAGE);

        Run json = run("dkim", "verify", message.toString(), "--json");
        Run missingFile = run("dkim", "verify", dir.resolve("nope.eml").toString());

        assertEquals(1, json.exitCode());
        assertEquals("{\"signatures\":[]}\n", json.out());
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.err().startsWith(dir.resolve("nope.eml") + " does not exist."), missingFile.err());
    }

    @Test
    void aFolderGivenAsTheMessageIsNamedAsOneForEveryMessageCommand() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("inbox"));
        for (String[] command : List.of(new String[] {"dkim", "verify", folder.toString()},
                new String[] {"message", "check", folder.toString()})) {
            Run run = run(command);
            assertEquals(2, run.exitCode());
            assertTrue(run.err().startsWith(folder + " is a folder; give the message file itself."), run.err());
        }
    }

    @Test
    void dkimAloneAsksForACommandAndHelpListsThem() {
        Run alone = run("dkim");
        Run help = run("dkim", "--help");

        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().startsWith("Name a dkim command: keygen, record, test, sign or verify."), alone.err());
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"keygen", "record", "test", "sign", "verify"}) {
            assertTrue(Pattern.compile("(?m)^  " + command + " ").matcher(help.out()).find(), help.out());
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\");
    }

    private static Run run(String... args) {
        return run(Locale.ENGLISH, args);
    }

    private static Run run(Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = MailwrightCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("LANG", locale.getLanguage()));
        return new Run(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    private record Run(int exitCode, byte[] outBytes, String err) {
        String out() {
            String text = new String(outBytes, StandardCharsets.UTF_8);
            // Signed messages keep their CRLF; printed lines end with the platform's separator.
            return text.contains("DKIM-Signature:") && text.startsWith("DKIM") ? text : text.replace(System.lineSeparator(), "\n");
        }
    }
}
