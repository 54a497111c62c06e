package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.KeyFiles.IfExists;
import org.mailwright.dkim.KeyFiles.KeyFormat;
import org.mailwright.dkim.KeyFiles.SaveOptions;

class KeyFilesTest {

    private static final DkimKey RSA = KeyGenerator.generate(KeySpec.rsa(1024));
    private static final DkimKey ED25519 = KeyGenerator.generate(KeySpec.ed25519());

    @TempDir
    Path dir;

    @Test
    void savesPkcs8ReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("202611a.private");

        KeyFiles.SavedKey saved = KeyFiles.save(RSA, file, SaveOptions.defaults());

        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertPosixOwnerOnly(file, saved);
        assertTrue(RSA.matches(KeyFiles.read(file, null).publicKey()));
    }

    @Test
    void savesPkcs1ForOlderOpenDkim() throws Exception {
        Path file = dir.resolve("old.private");

        KeyFiles.save(RSA, file, new SaveOptions(KeyFormat.PKCS1, null, IfExists.FAIL));

        assertTrue(Files.readString(file).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(RSA.matches(KeyFiles.read(file, null).publicKey()));
    }

    @Test
    void ed25519KeysAreSavedAsPkcs8Only() throws Exception {
        Path file = dir.resolve("ed.private");
        KeyFiles.save(ED25519, file, SaveOptions.defaults());

        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"));
        assertTrue(ED25519.matches(KeyFiles.read(file, null).publicKey()));
        assertProblem(KeyFileException.Problem.PKCS1_NEEDS_RSA,
                () -> KeyFiles.save(ED25519, dir.resolve("ed1.private"), new SaveOptions(KeyFormat.PKCS1, null, IfExists.FAIL)));
    }

    @Test
    void writesEd25519KeysInBase64ForRspamd() throws Exception {
        Path file = dir.resolve("ed.key");
        KeyFiles.save(ED25519, file, new SaveOptions(KeyFormat.ED25519_BASE64, null, IfExists.FAIL));

        byte[] both = Base64.getDecoder().decode(Files.readString(file).strip());
        assertEquals(64, both.length, "seed then public key, as rspamadm dkim_keygen -t ed25519 writes");
        assertEquals(ED25519.record().publicKey(), Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(both, 32, 64)));
        assertTrue(ED25519.matches(KeyFiles.read(file, null).publicKey()));
        assertProblem(KeyFileException.Problem.BASE64_NEEDS_ED25519,
                () -> KeyFiles.save(RSA, dir.resolve("rsa.key"), new SaveOptions(KeyFormat.ED25519_BASE64, null, IfExists.FAIL)));
    }

    @Test
    void aPassphraseEncryptsTheKeyAndIsNeededToReadIt() throws Exception {
        Path file = dir.resolve("locked.private");
        KeyFiles.SavedKey saved = KeyFiles.save(ED25519, file, new SaveOptions(KeyFormat.PKCS8, "correct horse".toCharArray(), IfExists.FAIL));

        assertTrue(Files.readString(file).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assertPosixOwnerOnly(file, saved);
        assertProblem(KeyFileException.Problem.PASSPHRASE_REQUIRED, () -> KeyFiles.read(file, null));
        KeyFileException wrong = assertThrows(KeyFileException.class, () -> KeyFiles.read(file, "battery staple".toCharArray()));
        assertEquals(KeyFileException.Problem.WRONG_PASSPHRASE, wrong.problem());
        assertEquals("The passphrase is wrong (or the encrypted key is damaged).", wrong.getMessage());
        assertEquals("La frase de contraseña es incorrecta (o la clave cifrada está dañada).", wrong.message(Locale.forLanguageTag("es")));
        assertTrue(ED25519.matches(KeyFiles.read(file, "correct horse".toCharArray()).publicKey()));
    }

    @Test
    void aPassphraseWithPkcs1IsRefused() {
        assertProblem(KeyFileException.Problem.PASSPHRASE_NEEDS_PKCS8,
                () -> KeyFiles.save(RSA, dir.resolve("x.private"), new SaveOptions(KeyFormat.PKCS1, "pw".toCharArray(), IfExists.FAIL)));
        assertFalse(Files.exists(dir.resolve("x.private")));
    }

    @Test
    void importsOpenSslEncryptedPkcs1Keys() throws Exception {
        // What "openssl genrsa -aes256" writes: PKCS#1 with Proc-Type and DEK-Info headers.
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaMiscPEMGenerator(RSA.privateKey(),
                    new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(new BouncyCastleProvider()).build("secret".toCharArray())));
        }
        assertTrue(pem.toString().contains("Proc-Type: 4,ENCRYPTED"));

        assertTrue(RSA.matches(KeyFiles.parse(pem.toString(), "secret".toCharArray()).publicKey()));
        assertProblem(KeyFileException.Problem.WRONG_PASSPHRASE, () -> KeyFiles.parse(pem.toString(), "nope".toCharArray()));
    }

    @Test
    void aFolderGivenAsTheKeyIsSaidInPlainWords() {
        KeyFileException folder = assertThrows(KeyFileException.class, () -> KeyFiles.read(dir, null));

        assertEquals(KeyFileException.Problem.IS_FOLDER, folder.problem());
        assertEquals(dir + " is a folder; give the key file itself.", folder.message(Locale.ENGLISH));
        assertEquals(dir + " es una carpeta; indique el archivo de clave.", folder.message(Locale.forLanguageTag("es")));
    }

    @Test
    void neverOverwritesUnlessAskedTo() throws Exception {
        Path file = dir.resolve("202611a.private");
        KeyFiles.save(RSA, file, SaveOptions.defaults());
        String before = Files.readString(file);

        assertProblem(KeyFileException.Problem.FILE_EXISTS, () -> KeyFiles.save(ED25519, file, SaveOptions.defaults()));
        assertEquals(before, Files.readString(file));

        KeyFiles.SavedKey saved = KeyFiles.save(ED25519, file, new SaveOptions(KeyFormat.PKCS8, null, IfExists.REPLACE));
        assertTrue(ED25519.matches(KeyFiles.read(file, null).publicKey()));
        assertPosixOwnerOnly(file, saved);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void readsBareBase64Ed25519Seeds() throws Exception {
        // RFC 8032 section 7.1 TEST 1, the seed dkimpy and RFC 8463 use.
        DkimKey key = KeyFiles.parse("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=\n", null);

        assertEquals("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", key.record().publicKey());
    }

    @Test
    void saysWhatIsWrongWithFilesThatAreNotDkimPrivateKeys() throws Exception {
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(RSA.publicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String ecPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ec.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";

        assertProblem(KeyFileException.Problem.PUBLIC_KEY_ONLY, () -> KeyFiles.parse(publicPem, null));
        assertProblem(KeyFileException.Problem.UNSUPPORTED_KEY, () -> KeyFiles.parse(ecPem, null));
        assertProblem(KeyFileException.Problem.NOT_A_KEY, () -> KeyFiles.parse("hello", null));
        assertProblem(KeyFileException.Problem.NOT_A_KEY, () -> KeyFiles.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", null));
        assertProblem(KeyFileException.Problem.NOT_FOUND, () -> KeyFiles.read(dir.resolve("missing.private"), null));
    }

    @Test
    void keysNeverShowTheirPrivateHalf() throws Exception {
        Path file = dir.resolve("k.private");
        KeyFiles.save(RSA, file, SaveOptions.defaults());
        String body = Files.readString(file).lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertTrue(RSA.toString().matches("RSA 1024-bit DKIM key SHA256:[0-9a-f]{16}"), RSA.toString());
        assertFalse(RSA.toString().contains(body));
        KeyFileException exists = assertThrows(KeyFileException.class, () -> KeyFiles.save(RSA, file, SaveOptions.defaults()));
        assertFalse(exists.getMessage().contains(body.substring(0, 20)));
    }

    @Test
    void anEncryptedKeyAskingForMoreStretchingThanTheBoundIsRefusedBeforeAnyWork() throws Exception {
        String pem = KeyFiles.toPem(ED25519, KeyFormat.PKCS8, "secret".toCharArray());
        EncryptedPrivateKeyInfo encrypted;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            encrypted = ((PKCS8EncryptedPrivateKeyInfo) parser.readObject()).toASN1Structure();
        }
        PBES2Parameters scheme = PBES2Parameters.getInstance(encrypted.getEncryptionAlgorithm().getParameters());
        PBKDF2Params stretching = PBKDF2Params.getInstance(scheme.getKeyDerivationFunc().getParameters());
        PBKDF2Params hostile = new PBKDF2Params(stretching.getSalt(), 1_000_000_000, stretching.getPrf());
        EncryptedPrivateKeyInfo rewritten = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
                new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, hostile), scheme.getEncryptionScheme())),
                encrypted.getEncryptedData());
        String hostilePem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rewritten.getEncoded()) + "\n-----END ENCRYPTED PRIVATE KEY-----\n";

        long start = System.nanoTime();
        KeyFileException refused = assertThrows(KeyFileException.class, () -> KeyFiles.parse(hostilePem, "secret".toCharArray()));

        assertEquals(KeyFileException.Problem.TOO_COSTLY, refused.problem());
        assertEquals("The key is encrypted with 1,000,000,000 rounds of passphrase stretching, more than the 2,000,000 "
                + "Mailwright works through; encrypt it again with fewer.", refused.message(Locale.ENGLISH));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused before any stretching");
    }

    private static void assertPosixOwnerOnly(Path file, KeyFiles.SavedKey saved) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of("rw-------"), saved.permissions());
    }

    private static void assertProblem(KeyFileException.Problem expected, ThrowingRunnable action) {
        assertEquals(expected, assertThrows(KeyFileException.class, action::run).problem());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
