package org.mailwright.dkim;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.mailwright.files.AtomicFiles;
import org.mailwright.files.LinkRefusedException;

/**
 * Private key files: PEM, PKCS#8 by default or PKCS#1 for older readers (or, for rspamd, an
 * Ed25519 key in base64), optionally encrypted with a passphrase, written readable by the owner only. Reading takes any PEM private
 * key (RSA or Ed25519, PKCS#1 or PKCS#8, encrypted or not) and the bare base64 Ed25519 seed that
 * dkimpy and Exim use.
 */
public final class KeyFiles {

    /** The layout of a private key file. */
    public enum KeyFormat {
        /** PEM {@code BEGIN PRIVATE KEY}: any key type; what current tools expect. */
        PKCS8,
        /** PEM {@code BEGIN RSA PRIVATE KEY}: RSA only, for amavisd, older OpenDKIM and other old readers. */
        PKCS1,
        /** Ed25519 only: seed and public key in base64 on one line, the form rspamd reads. */
        ED25519_BASE64
    }

    /** What to do when the file is already there. */
    public enum IfExists {
        /** Leave it and fail: a key in use must not vanish by accident. */
        FAIL,
        /** Replace it (the user chose to), atomically. */
        REPLACE
    }

    /**
     * @param format PEM layout
     * @param passphrase encrypts the key (PKCS#8 with PBKDF2-HMAC-SHA256 and AES-256-CBC) when
     *     not null; the caller clears it afterwards
     * @param ifExists what to do with an existing file
     */
    public record SaveOptions(KeyFormat format, char[] passphrase, IfExists ifExists) {
        public SaveOptions {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(ifExists, "ifExists");
        }

        /** PKCS#8, no passphrase, never replace. */
        public static SaveOptions defaults() {
            return new SaveOptions(KeyFormat.PKCS8, null, IfExists.FAIL);
        }
    }

    /**
     * Where the key went and who may read it.
     *
     * @param path the file
     * @param permissions the POSIX mode, such as {@code rw-------}; empty on file systems without
     *     POSIX permissions (Windows), where the user protects the file
     */
    public record SavedKey(Path path, Optional<String> permissions) {
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = AtomicFiles.OWNER_ONLY;
    /** What a record file may be: anyone may read a public record. */
    private static final Set<PosixFilePermission> WORLD_READABLE = AtomicFiles.WORLD_READABLE;
    private static final int PBKDF2_ITERATIONS = 600_000;
    /** About a second or two of work: three times what Mailwright writes, a thousand times OpenSSL's default. */
    public static final int MAX_PASSPHRASE_ITERATIONS = 2_000_000;

    /** A 4096-bit RSA key in PEM is about 3.3 KB, encrypted a little more: anything this large is no key. */
    public static final int MAX_KEY_FILE_BYTES = 64 * 1024;
    /** The first line of a passphrase file is the passphrase; the file may not be larger than this. */
    public static final int MAX_PASSPHRASE_FILE_BYTES = 4 * 1024;

    private KeyFiles() {
    }

    /**
     * Writes the private key to {@code file}, readable by the owner only (mode 0600 on POSIX),
     * atomically: the file appears whole or not at all. Never through a symbolic link.
     */
    public static SavedKey save(DkimKey key, Path file, SaveOptions options) throws KeyFileException {
        byte[] pem = toPem(key, options.format(), options.passphrase()).getBytes(StandardCharsets.US_ASCII);
        try {
            return writeAtomically(file, pem, OWNER_ONLY, options.ifExists());
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** Writes a public text beside a key (the record's zone-file line): atomically, never through a symbolic link. */
    public static void saveText(Path file, String text, IfExists ifExists) throws KeyFileException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8), WORLD_READABLE, ifExists);
    }

    /**
     * Whether {@code file} may be written, checked before any work is done for it.
     *
     * @throws KeyFileException when the file or its folder is a symbolic link (even one that leads
     *     nowhere), or the file exists and {@code ifExists} is {@link IfExists#FAIL}
     */
    public static void checkWritable(Path file, IfExists ifExists) throws KeyFileException {
        try {
            AtomicFiles.checkWritable(file, ifExists == IfExists.REPLACE);
        } catch (IOException e) {
            throw failure(e, file.toAbsolutePath());
        }
    }

    /** Writes {@code content} with {@link AtomicFiles}: whole or not at all, never through a link, in {@code mode} from the start. */
    private static SavedKey writeAtomically(Path file, byte[] content, Set<PosixFilePermission> mode, IfExists ifExists)
            throws KeyFileException {
        Path target = file.toAbsolutePath();
        try {
            return new SavedKey(target, AtomicFiles.write(target, content, mode, ifExists == IfExists.REPLACE));
        } catch (IOException e) {
            throw failure(e, target);
        }
    }

    /** Reads a private key file; {@code passphrase} may be null for an unencrypted key. */
    public static DkimKey read(Path file, char[] passphrase) throws KeyFileException {
        byte[] bytes = readBounded(file, MAX_KEY_FILE_BYTES);
        try {
            return parse(new String(bytes, StandardCharsets.US_ASCII), passphrase);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The first line of a passphrase file; the caller clears it after use. */
    public static char[] readPassphrase(Path file) throws KeyFileException {
        byte[] bytes = readBounded(file, MAX_PASSPHRASE_FILE_BYTES);
        try {
            String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new KeyFileException(KeyFileException.Problem.PASSPHRASE_EMPTY, null, file);
            }
            return first.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] readBounded(Path file, int maxBytes) throws KeyFileException {
        try {
            return BoundedFiles.read(file, maxBytes)
                    .orElseThrow(() -> new KeyFileException(KeyFileException.Problem.TOO_LARGE, null, file, maxBytes));
        } catch (NoSuchFileException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_FOUND, e, file);
        } catch (IOException e) {
            throw failure(e, file);
        }
    }

    /**
     * Reads a private key from PEM text (or a bare base64 Ed25519 seed), and proves it: it signs a
     * sample that its public half then verifies, so a key whose numbers were damaged in the file
     * is refused here, before a record is made for it or a message signed with it.
     */
    public static DkimKey parse(String text, char[] passphrase) throws KeyFileException {
        DkimKey key = text.contains("-----BEGIN") ? fromPem(text, passphrase) : fromSeed(text);
        return proven(key);
    }

    private static DkimKey fromPem(String text, char[] passphrase) throws KeyFileException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed PEM and DER with whichever unchecked exception the bad
            // octet leads to (IllegalStateException, ClassCastException...): each means "no key".
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        }
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassphrase(passphrase);
            checkPassphraseWork(encrypted.getEncryptionAlgorithm());
            try {
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(Bc.PROVIDER).build(passphrase));
            } catch (PKCSException | OperatorCreationException | RuntimeException e) {
                throw new KeyFileException(KeyFileException.Problem.WRONG_PASSPHRASE, e);
            }
        } else if (object instanceof PEMEncryptedKeyPair encrypted) {
            requirePassphrase(passphrase);
            try {
                info = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase))
                        .getPrivateKeyInfo();
            } catch (PEMException e) {
                throw new KeyFileException(KeyFileException.Problem.WRONG_PASSPHRASE, e);
            } catch (IOException | RuntimeException e) {
                throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
            }
        } else if (object instanceof SubjectPublicKeyInfo) {
            throw new KeyFileException(KeyFileException.Problem.PUBLIC_KEY_ONLY, null);
        } else {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, null);
        }
        return fromPrivateKeyInfo(info);
    }

    /**
     * Refuses an encrypted key that asks for more passphrase stretching than
     * {@link #MAX_PASSPHRASE_ITERATIONS}: the count is written in the file, and a damaged or
     * hostile one would keep the command busy for hours.
     */
    private static void checkPassphraseWork(AlgorithmIdentifier scheme) throws KeyFileException {
        BigInteger iterations;
        try {
            if (PKCSObjectIdentifiers.id_PBES2.equals(scheme.getAlgorithm())) {
                KeyDerivationFunc function = PBES2Parameters.getInstance(scheme.getParameters()).getKeyDerivationFunc();
                if (!PKCSObjectIdentifiers.id_PBKDF2.equals(function.getAlgorithm())) {
                    // Not one BouncyCastle decrypts: it refuses it without any work.
                    return;
                }
                iterations = PBKDF2Params.getInstance(function.getParameters()).getIterationCount();
            } else {
                // PKCS#5 scheme 1 and PKCS#12 both give SEQUENCE { salt, iterations }.
                iterations = ASN1Integer.getInstance(ASN1Sequence.getInstance(scheme.getParameters()).getObjectAt(1)).getValue();
            }
        } catch (RuntimeException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        }
        if (iterations.compareTo(BigInteger.valueOf(MAX_PASSPHRASE_ITERATIONS)) > 0) {
            throw new KeyFileException(KeyFileException.Problem.TOO_COSTLY, null, iterations, MAX_PASSPHRASE_ITERATIONS);
        }
    }

    /** @throws KeyFileException ({@code UNUSABLE}) when the key does not verify what it signs */
    private static DkimKey proven(DkimKey key) throws KeyFileException {
        byte[] sample = "Mailwright checks that this key signs what its public half verifies.".getBytes(StandardCharsets.US_ASCII);
        DkimAlgorithm algorithm = DkimAlgorithm.forSigning(key.type());
        Exception failure = null;
        try {
            byte[] signature = algorithm.sign(key.privateKey(), sink -> sink.write(sample));
            if (algorithm.verify(key.publicKey(), sink -> sink.write(sample), signature)) {
                return key;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // The runtime's RSA refuses numbers that make no key pair with either kind of exception
            // ("RSA private key operation failed", ArithmeticException...).
            failure = e;
        }
        throw new KeyFileException(KeyFileException.Problem.UNUSABLE, failure);
    }

    /** The PEM text of the private key (package use only: key material stays in files). */
    static String toPem(DkimKey key, KeyFormat format, char[] passphrase) throws KeyFileException {
        PemObject pem;
        try {
            if (format == KeyFormat.ED25519_BASE64) {
                return ed25519Base64(key, passphrase);
            }
            if (format == KeyFormat.PKCS1) {
                if (key.type() != KeyType.RSA) {
                    throw new KeyFileException(KeyFileException.Problem.PKCS1_NEEDS_RSA, null);
                }
                if (passphrase != null) {
                    throw new KeyFileException(KeyFileException.Problem.PASSPHRASE_NEEDS_PKCS8, null);
                }
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.privateKey().getEncoded());
                pem = new PemObject("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            } else if (passphrase != null) {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(Bc.PROVIDER)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setRandom(new SecureRandom())
                        .setPassword(passphrase)
                        .build();
                pem = new JcaPKCS8Generator(key.privateKey(), encryptor).generate();
            } else {
                pem = new PemObject("PRIVATE KEY", key.privateKey().getEncoded());
            }
            StringWriter out = new StringWriter();
            try (PemWriter writer = new PemWriter(out)) {
                writer.writeObject(pem);
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not encode the private key as PEM.", e);
        }
    }

    private static String ed25519Base64(DkimKey key, char[] passphrase) throws KeyFileException, IOException {
        if (key.type() != KeyType.ED25519) {
            throw new KeyFileException(KeyFileException.Problem.BASE64_NEEDS_ED25519, null);
        }
        if (passphrase != null) {
            throw new KeyFileException(KeyFileException.Problem.PASSPHRASE_NEEDS_PKCS8, null);
        }
        byte[] seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(key.privateKey().getEncoded()).parsePrivateKey())
                .getOctets();
        byte[] both = Arrays.copyOf(seed, 64);
        System.arraycopy(PublicKeys.recordData(key.publicKey()), 0, both, 32, 32);
        try {
            return Base64.getEncoder().encodeToString(both) + "\n";
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(both, (byte) 0);
        }
    }

    private static DkimKey fromPrivateKeyInfo(PrivateKeyInfo info) throws KeyFileException {
        var algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                RSAPrivateKey rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                        rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(), rsa.getPrime1(),
                        rsa.getPrime2(), rsa.getExponent1(), rsa.getExponent2(), rsa.getCoefficient()));
                return DkimKey.ofRsa((RSAPrivateCrtKey) key);
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                try {
                    return fromSeedBytes(seed);
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // BouncyCastle's getInstance and parsePrivateKey throw unchecked exceptions for bad DER.
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        }
        throw new KeyFileException(KeyFileException.Problem.UNSUPPORTED_KEY, null, algorithm.getId());
    }

    /** A bare base64 Ed25519 key: the 32-octet seed, or seed and public key (64 octets). */
    private static DkimKey fromSeed(String text) throws KeyFileException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(TagList.removeFws(text));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        }
        try {
            if (bytes.length != 32 && bytes.length != 64) {
                throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, null);
            }
            return fromSeedBytes(Arrays.copyOf(bytes, 32));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static DkimKey fromSeedBytes(byte[] seed) throws GeneralSecurityException {
        if (seed.length != 32) {
            throw new GeneralSecurityException("an Ed25519 seed has 32 octets, not " + seed.length);
        }
        PrivateKey privateKey = Ed25519Provider.keyFactory()
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return DkimKey.of(privateKey, PublicKeys.fromRecordData(KeyType.ED25519, publicKey));
    }

    private static void requirePassphrase(char[] passphrase) throws KeyFileException {
        if (passphrase == null) {
            throw new KeyFileException(KeyFileException.Problem.PASSPHRASE_REQUIRED, null);
        }
    }

    /** The failure in the user's words: the system's own text is no sentence to show anyone. */
    private static KeyFileException failure(IOException e, Path file) {
        if (e instanceof LinkRefusedException link) {
            return new KeyFileException(KeyFileException.Problem.SYMBOLIC_LINK, null, link.link());
        }
        if (e instanceof FileAlreadyExistsException) {
            return new KeyFileException(KeyFileException.Problem.FILE_EXISTS, null, file);
        }
        if (Files.isDirectory(file)) {
            return new KeyFileException(KeyFileException.Problem.IS_FOLDER, null, file);
        }
        return new KeyFileException(e instanceof AccessDeniedException ? KeyFileException.Problem.ACCESS_DENIED
                : KeyFileException.Problem.IO, e, file);
    }

    /** One BouncyCastle provider, made when a passphrase is first used, never registered globally. */
    private static final class Bc {
        static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    }
}
