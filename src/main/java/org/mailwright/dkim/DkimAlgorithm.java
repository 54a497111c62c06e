package org.mailwright.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Optional;
import java.util.function.Consumer;

/** The signing algorithms of the {@code a=} tag (RFC 6376, 8301, 8463). */
public enum DkimAlgorithm {
    RSA_SHA256("rsa-sha256", KeyType.RSA, "sha256", "SHA-256", "SHA256withRSA"),
    ED25519_SHA256("ed25519-sha256", KeyType.ED25519, "sha256", "SHA-256", "Ed25519"),
    /** Verified for old mail only and reported as weak: RFC 8301 retired it. Never used to sign. */
    RSA_SHA1("rsa-sha1", KeyType.RSA, "sha1", "SHA-1", "SHA1withRSA");

    private final String tagValue;
    private final KeyType keyType;
    private final String hashName;
    private final String digest;
    private final String jcaSignature;

    DkimAlgorithm(String tagValue, KeyType keyType, String hashName, String digest, String jcaSignature) {
        this.tagValue = tagValue;
        this.keyType = keyType;
        this.hashName = hashName;
        this.digest = digest;
        this.jcaSignature = jcaSignature;
    }

    public String tagValue() {
        return tagValue;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The hash as key records name it in {@code h=}: {@code sha256} or {@code sha1}. */
    public String hashName() {
        return hashName;
    }

    public boolean isWeak() {
        return this == RSA_SHA1;
    }

    /** The algorithm that signs with a key of this type. */
    public static DkimAlgorithm forSigning(KeyType type) {
        return type == KeyType.RSA ? RSA_SHA256 : ED25519_SHA256;
    }

    public static Optional<DkimAlgorithm> fromTagValue(String value) {
        for (DkimAlgorithm algorithm : values()) {
            if (algorithm.tagValue.equalsIgnoreCase(value)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The hash as Java names it ({@code SHA-256}, {@code SHA-1}), which body hashes are made with. */
    String digestName() {
        return digest;
    }

    MessageDigest newDigest() {
        return newDigest(digest);
    }

    static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks " + name + ".", e);
        }
    }

    /** Signs what {@code data} writes, piece by piece: nothing signed is gathered into one array. */
    byte[] sign(PrivateKey key, Consumer<ByteSink> data) throws GeneralSecurityException {
        Signature signature = newSignature();
        signature.initSign(key);
        feed(signature, data);
        return signature.sign();
    }

    private Signature newSignature() throws NoSuchAlgorithmException {
        return keyType == KeyType.ED25519 ? Ed25519Provider.signature() : Signature.getInstance(jcaSignature);
    }

    /** Checks {@code value} over what {@code data} writes, piece by piece. */
    boolean verify(PublicKey key, Consumer<ByteSink> data, byte[] value) throws GeneralSecurityException {
        Signature signature = newSignature();
        signature.initVerify(key);
        feed(signature, data);
        return signature.verify(value);
    }

    /**
     * Checks a message's signature: one of the wrong length or form is simply not a valid one.
     *
     * @throws DkimException a failure ({@link Reason#SIGNATURE}) when {@code value} does not verify
     */
    void requireValid(PublicKey key, Consumer<ByteSink> data, byte[] value) throws DkimException {
        boolean valid;
        try {
            valid = verify(key, data, value);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw DkimException.fail(Reason.SIGNATURE);
        }
    }

    /** RFC 8463 section 3: Ed25519 signs the SHA-256 hash of the data, RSA hashes the data itself. */
    private void feed(Signature signature, Consumer<ByteSink> data) throws SignatureException {
        if (this == ED25519_SHA256) {
            MessageDigest hash = newDigest();
            data.accept(hash::update);
            signature.update(hash.digest());
            return;
        }
        data.accept((bytes, offset, length) -> {
            try {
                signature.update(bytes, offset, length);
            } catch (SignatureException notInitialized) {
                // Only thrown for a Signature not yet initialized, and this one is.
                throw new IllegalStateException(notInitialized);
            }
        });
    }
}
