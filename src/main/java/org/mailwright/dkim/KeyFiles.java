package org.mailwright.dkim;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
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

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final int PBKDF2_ITERATIONS = 600_000;

    private KeyFiles() {
    }

    /** Writes the private key to {@code file}, readable by the owner only (mode 0600 on POSIX). */
    public static SavedKey save(DkimKey key, Path file, SaveOptions options) throws KeyFileException {
        byte[] pem = toPem(key, options.format(), options.passphrase()).getBytes(StandardCharsets.US_ASCII);
        Path target = file.toAbsolutePath();
        try {
            Path directory = target.getParent();
            Files.createDirectories(directory);
            boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            if (options.ifExists() == IfExists.FAIL) {
                writeNew(target, pem, attributes);
            } else {
                Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", attributes);
                try {
                    write(temporary, pem, StandardOpenOption.WRITE);
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(target, OWNER_ONLY);
                return new SavedKey(target, Optional.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))));
            }
            return new SavedKey(target, Optional.empty());
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(KeyFileException.Problem.FILE_EXISTS, e, target);
        } catch (IOException e) {
            throw failure(e, target);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** Reads a private key file; {@code passphrase} may be null for an unencrypted key. */
    public static DkimKey read(Path file, char[] passphrase) throws KeyFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_FOUND, e, file);
        } catch (IOException e) {
            throw failure(e, file);
        }
        try {
            return parse(new String(bytes, StandardCharsets.US_ASCII), passphrase);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Reads a private key from PEM text (or a bare base64 Ed25519 seed). */
    public static DkimKey parse(String text, char[] passphrase) throws KeyFileException {
        if (!text.contains("-----BEGIN")) {
            return fromSeed(text);
        }
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            object = parser.readObject();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
        }
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassphrase(passphrase);
            try {
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(Bc.PROVIDER).build(passphrase));
            } catch (PKCSException | OperatorCreationException e) {
                throw new KeyFileException(KeyFileException.Problem.WRONG_PASSPHRASE, e);
            }
        } else if (object instanceof PEMEncryptedKeyPair encrypted) {
            requirePassphrase(passphrase);
            try {
                info = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase))
                        .getPrivateKeyInfo();
            } catch (PEMException e) {
                throw new KeyFileException(KeyFileException.Problem.WRONG_PASSPHRASE, e);
            } catch (IOException e) {
                throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, e);
            }
        } else if (object instanceof SubjectPublicKeyInfo) {
            throw new KeyFileException(KeyFileException.Problem.PUBLIC_KEY_ONLY, null);
        } else {
            throw new KeyFileException(KeyFileException.Problem.NOT_A_KEY, null);
        }
        return fromPrivateKeyInfo(info);
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
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
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
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return DkimKey.of(privateKey, PublicKeys.fromRecordData(KeyType.ED25519, publicKey));
    }

    private static void requirePassphrase(char[] passphrase) throws KeyFileException {
        if (passphrase == null) {
            throw new KeyFileException(KeyFileException.Problem.PASSPHRASE_REQUIRED, null);
        }
    }

    private static void writeNew(Path target, byte[] content, FileAttribute<?>[] attributes) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            channel.write(ByteBuffer.wrap(content));
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private static void write(Path file, byte[] content, StandardOpenOption option) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, option)) {
            channel.write(ByteBuffer.wrap(content));
        }
    }

    /** The failure in the user's words: the system's own text is no sentence to show anyone. */
    private static KeyFileException failure(IOException e, Path file) {
        return new KeyFileException(e instanceof AccessDeniedException ? KeyFileException.Problem.ACCESS_DENIED
                : KeyFileException.Problem.IO, e, file);
    }

    /** One BouncyCastle provider, made when a passphrase is first used, never registered globally. */
    private static final class Bc {
        static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    }
}
