package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.testdns.TestDnsServer;

/**
 * The cases of issue 11 in the dkim commands: hostile messages and key records give results or one
 * sentence naming the bound passed, broken or weak keys never get a record silently, and keygen
 * never writes through a symbolic link.
 */
class DkimHostileInputCommandsTest {

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
    void verifyReportsTheValidSignatureBesideOneWhoseKeyRecordIsNoKey() throws Exception {
        keygen("s1", "ed25519");
        keygen("s2", "rsa");
        dns = TestDnsServer.start("$ORIGIN corp.example.\n" + Files.readString(dir.resolve("s1.txt"))
                + "s2._domainkey 300 IN TXT \"v=DKIM1; p=5DgogEEAAAAAAEL\"\n");
        Path once = signed(Files.writeString(dir.resolve("hi.eml"), MESSAGE), "s1", "once.eml");
        Path twice = signed(once, "s2", "twice.eml");

        CommandRun human = CommandRun.run("dkim", "verify", twice.toString(), "--server", dns.address().toString());
        CommandRun json = CommandRun.run("dkim", "verify", twice.toString(), "--server", dns.address().toString(), "--json");

        assertEquals(0, human.exitCode(), human.err());
        assertEquals("", human.err());
        assertTrue(human.out().startsWith("permerror: d=corp.example s=s2 a=rsa-sha256\n"
                + "  The p= of the key record is not a valid key: the key data is not an RSA public key.\n"), human.out());
        assertTrue(human.out().contains("pass: d=corp.example s=s1 a=ed25519-sha256\n"), human.out());
        assertTrue(json.out().contains("\"result\":\"permerror\",\"reason\":\"key-data\""), json.out());
    }

    @Test
    void verifyOfDevZeroStopsAtTheBoundInOneSentence() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

        CommandRun run = CommandRun.run("dkim", "verify", "/dev/zero");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("/dev/zero is larger than 67108864 octets, the most Mailwright reads; "
                + "give --max-bytes N to read more."), run.err());
    }

    @Test
    void verifyRefusesAHundredMegabyteMessageBeforeReadingItAndMaxBytesRaisesTheBound() throws Exception {
        Path huge = dir.resolve("huge.eml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024);
        }
        Path small = Files.writeString(dir.resolve("small.eml"), MESSAGE);

        CommandRun refused = CommandRun.run(Locale.forLanguageTag("es"), "dkim", "verify", huge.toString());
        CommandRun tooSmallABound = CommandRun.run("dkim", "verify", small.toString(), "--max-bytes", "100");
        CommandRun read = CommandRun.run("dkim", "verify", small.toString(), "--max-bytes", "1000", "--json");
        CommandRun beyondTheCeiling = CommandRun.run("dkim", "verify", small.toString(), "--max-bytes", "2000000000");

        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().startsWith(huge + " tiene más de 67108864 octetos, lo máximo que lee Mailwright; "
                + "indique --max-bytes N para leer más."), refused.err());
        assertEquals(2, tooSmallABound.exitCode());
        assertTrue(tooSmallABound.err().startsWith(small + " is larger than 100 octets"), tooSmallABound.err());
        assertEquals(1, read.exitCode(), read.err());
        assertEquals("{\"signatures\":[]}\n", read.out());
        assertEquals(2, beyondTheCeiling.exitCode());
        assertTrue(beyondTheCeiling.err().startsWith("--max-bytes must be from 1 to 1073741824, not 2000000000."),
                beyondTheCeiling.err());
    }

    @Test
    void theIssuesTwentySignatureMessageIsRefusedAtTheHeaderFieldBoundInOneSentence() throws Exception {
        String names = "from" + ":x".repeat(19_999);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append("DKIM-Signature: v=1; a=rsa-sha256; d=corp.example; s=s").append(i).append("; h=").append(names)
                    .append("; bh=AAAA; b=AAAA\n");
        }
        Path message = Files.writeString(dir.resolve("many.eml"), text + "X: y\n".repeat(20_000) + MESSAGE);

        long start = System.nanoTime();
        CommandRun run = CommandRun.run("dkim", "verify", message.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(message + ": The message has more than 10000 header fields, the most Mailwright reads."),
                run.err());
        assertTrue(millis < 5_000, millis + " ms");
    }

    @Test
    void aKeyWithOneCorruptDerByteGetsNoRecordAndSignsNothing() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        byte[] der = key.getEncoded();
        byte[] prime = key.getPrimeP().toByteArray();
        int at = indexOf(der, prime) + prime.length / 2;
        der[at] ^= 0x01;
        Path corrupt = pem(der, "corrupt.pem");
        Path message = Files.writeString(dir.resolve("hi.eml"), MESSAGE);

        CommandRun record = CommandRun.run("dkim", "record", "--key", corrupt.toString(), "--domain", "corp.example", "--selector", "s1");
        CommandRun sign = CommandRun.run("dkim", "sign", "--key", corrupt.toString(), "--domain", "corp.example", "--selector", "s1",
                message.toString());

        for (CommandRun run : new CommandRun[] {record, sign}) {
            assertEquals(2, run.exitCode());
            assertEquals("", run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("Could not read the key " + corrupt + ": The key in this file cannot sign: its numbers "
                    + "do not make a working key pair, so the file is damaged."), run.err());
        }
    }

    @Test
    void aKeyOf512BitsGetsItsRecordOnlyWithTheErrorAndSignsNothing() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        Path weak = pem(generator.generateKeyPair().getPrivate().getEncoded(), "weak.pem");
        Path message = Files.writeString(dir.resolve("hi.eml"), MESSAGE);

        CommandRun record = CommandRun.run("dkim", "record", "--key", weak.toString(), "--domain", "corp.example", "--selector", "s1");
        CommandRun json = CommandRun.run("dkim", "record", "--key", weak.toString(), "--domain", "corp.example", "--selector", "s1",
                "--json");
        CommandRun sign = CommandRun.run(Locale.forLanguageTag("es"), "dkim", "sign", "--key", weak.toString(),
                "--domain", "corp.example", "--selector", "s1", message.toString());

        assertEquals(1, record.exitCode());
        assertTrue(record.out().startsWith("Publish this TXT record at s1._domainkey.corp.example:\nv=DKIM1; k=rsa; p="), record.out());
        assertTrue(record.out().contains("ERROR   dkim.key-too-short\n        The RSA key has 512 bits."), record.out());
        assertTrue(json.out().contains("\"findings\":[{\"id\":\"dkim.key-too-short\",\"severity\":\"error\""), json.out());
        assertEquals(2, sign.exitCode());
        assertEquals("", sign.out());
        assertTrue(sign.err().startsWith("La clave RSA tiene 512 bits; los receptores ignoran las firmas de claves de menos de "
                + "1024 bits (RFC 8301), así que Mailwright no firma con ella."), sign.err());
    }

    @Test
    void aKeyOf1024BitsIsWarnedAbout() throws Exception {
        CommandRun keygen = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--bits", "1024",
                "--out", dir.toString());
        CommandRun record = CommandRun.run("dkim", "record", "--key", dir.resolve("s1.private").toString(),
                "--domain", "corp.example", "--selector", "s1");

        assertEquals(0, keygen.exitCode(), keygen.err());
        assertTrue(keygen.out().contains("WARNING dkim.key-short\n        The RSA key has 1024 bits, fewer than the 2048 recommended."),
                keygen.out());
        assertEquals(0, record.exitCode(), record.err());
        assertTrue(record.out().contains("WARNING dkim.key-short"), record.out());
    }

    @Test
    void keygenNeverWritesThroughADanglingSymbolicLink() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectory(elsewhere);
        Path keys = Files.createDirectory(dir.resolve("keys"));
        Files.createSymbolicLink(keys.resolve("s1.txt"), elsewhere.resolve("zone.txt"));
        Files.createSymbolicLink(keys.resolve("s2.private"), elsewhere.resolve("stolen.private"));

        CommandRun zoneLink = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--out", keys.toString());
        CommandRun zoneLinkForced = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1",
                "--out", keys.toString(), "--force");
        CommandRun keyLink = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s2", "--out", keys.toString(),
                "--force");

        for (CommandRun run : new CommandRun[] {zoneLink, zoneLinkForced}) {
            assertEquals(2, run.exitCode());
            assertTrue(run.err().startsWith(keys.resolve("s1.txt") + " is a symbolic link; Mailwright never writes through one: "
                    + "remove it or choose another name."), run.err());
        }
        assertEquals(2, keyLink.exitCode());
        assertTrue(keyLink.err().startsWith(keys.resolve("s2.private") + " is a symbolic link;"), keyLink.err());
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "nothing was written where the links lead");
        }
        assertFalse(Files.exists(keys.resolve("s1.private")), "no key is made for files that cannot be written");
    }

    @Test
    void keygenNeverWritesIntoAFolderThatIsASymbolicLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("keys"), real);

        CommandRun run = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--out", link.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith(link.toAbsolutePath() + " is a symbolic link;"), run.err());
        try (Stream<Path> left = Files.list(real)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void keygenWritesWholeFilesTheKeyOwnerOnlyAndLeavesNothingElse() throws Exception {
        CommandRun first = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519",
                "--out", dir.toString());
        String key = Files.readString(dir.resolve("s1.private"));
        CommandRun replaced = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", "s1", "--type", "ed25519",
                "--out", dir.toString(), "--force");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertFalse(key.equals(Files.readString(dir.resolve("s1.private"))));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.Set.of("s1.private", "s1.txt"),
                    files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no temporary file is left behind");
        }
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s1.private"))));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s1.txt"))));
        }
    }

    @Test
    void keyAndPassphraseFilesAreReadOnlyUpToTheirBound() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        keygen("s1", "ed25519");

        CommandRun key = CommandRun.run("dkim", "record", "--key", "/dev/zero", "--domain", "corp.example", "--selector", "s1");
        CommandRun passphrase = CommandRun.run("dkim", "record", "--key", dir.resolve("s1.private").toString(),
                "--passphrase-file", "/dev/zero", "--domain", "corp.example", "--selector", "s1");

        assertEquals(2, key.exitCode());
        assertTrue(key.err().startsWith("Could not read the key /dev/zero: /dev/zero is larger than 65,536 octets, "
                + "more than a key or passphrase file ever is."), key.err());
        assertEquals(2, passphrase.exitCode());
        assertTrue(passphrase.err().startsWith("/dev/zero is larger than 4,096 octets"), passphrase.err());
    }

    // ---- helpers ----

    private void keygen(String selector, String type) {
        CommandRun run = CommandRun.run("dkim", "keygen", "--domain", "corp.example", "--selector", selector, "--type", type,
                "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    /** The message signed with the key made for {@code selector}, as {@code dkim sign} writes it. */
    private Path signed(Path message, String selector, String name) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = MailwrightCommand.execute(new String[] {"dkim", "sign", "--key", dir.resolve(selector + ".private").toString(),
            "--domain", "corp.example", "--selector", selector, message.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                java.util.Map.of());
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private Path pem(byte[] pkcs8, String name) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
        return Files.writeString(dir.resolve(name), "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("the prime is in the key's DER");
    }
}
