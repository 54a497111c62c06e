package org.mailwright.dkim;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.mailwright.findings.DkimFinding;
import org.mailwright.findings.Finding;

/**
 * A DKIM key pair made or read on this machine. The private half never leaves this object except
 * into a key file or a signature: {@link #toString()} shows only the type, size and fingerprint.
 */
public final class DkimKey {

    /** RFC 8301: receivers ignore signatures by shorter RSA keys, so Mailwright never signs with one. */
    public static final int MINIMUM_RSA_BITS = 1024;
    /** RFC 8301 recommends at least this much for RSA keys; shorter ones are warned about. */
    public static final int RECOMMENDED_RSA_BITS = 2048;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final KeyType type;

    private DkimKey(PrivateKey privateKey, PublicKey publicKey, KeyType type) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.type = type;
    }

    /**
     * @throws IllegalArgumentException when the two halves are not of one key pair
     */
    static DkimKey of(PrivateKey privateKey, PublicKey publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        KeyType type = switch (publicKey.getAlgorithm()) {
            case "RSA" -> KeyType.RSA;
            case "Ed25519", "EdDSA" -> KeyType.ED25519;
            default -> throw new IllegalArgumentException("DKIM keys are RSA or Ed25519, not " + publicKey.getAlgorithm() + ".");
        };
        if (privateKey instanceof RSAPrivateCrtKey rsa && publicKey instanceof RSAPublicKey rsaPublic
                && !rsa.getModulus().equals(rsaPublic.getModulus())) {
            throw new IllegalArgumentException("The private and public keys are not one pair.");
        }
        return new DkimKey(privateKey, publicKey, type);
    }

    /** The key pair of an RSA private key, whose public half it carries (modulus and exponent). */
    static DkimKey ofRsa(RSAPrivateCrtKey privateKey) throws InvalidKeySpecException {
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new DkimKey(privateKey, publicKey, KeyType.RSA);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks RSA.", e);
        }
    }

    public KeyType type() {
        return type;
    }

    /** The size in bits: the RSA modulus length, 256 for Ed25519. */
    public int bits() {
        return PublicKeys.bits(publicKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * What is wrong with the strength of this key: {@link DkimFinding#KEY_TOO_SHORT} for an RSA key
     * receivers ignore, {@link DkimFinding#KEY_SHORT} for one shorter than recommended; none else.
     */
    public List<Finding> strengthFindings() {
        if (type != KeyType.RSA || bits() >= RECOMMENDED_RSA_BITS) {
            return List.of();
        }
        return List.of(bits() < MINIMUM_RSA_BITS ? DkimFinding.KEY_TOO_SHORT.of(bits()) : DkimFinding.KEY_SHORT.of(bits()));
    }

    /** The key record that publishes this key: {@code v=DKIM1; k=...; p=...}. */
    public DkimKeyRecord record() {
        return DkimKeyRecord.of(publicKey);
    }

    /** True when {@code other} is this key's public half. */
    public boolean matches(PublicKey other) {
        return other != null && other.getAlgorithm().equals(publicKey.getAlgorithm())
                && Arrays.equals(PublicKeys.recordData(other), PublicKeys.recordData(publicKey));
    }

    /** {@code SHA256:} and the first 16 hex digits of the SHA-256 of the public key, to tell keys apart. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(PublicKeys.recordData(publicKey));
            return "SHA256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks SHA-256.", e);
        }
    }

    @Override
    public String toString() {
        return type + " " + bits() + "-bit DKIM key " + fingerprint();
    }
}
