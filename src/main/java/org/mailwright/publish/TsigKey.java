package org.mailwright.publish;

import java.util.Arrays;
import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A TSIG key: its name, algorithm and shared secret. The secret never appears in
 * {@link #toString()}, a message or a log; only {@link #fingerprint()} may be shown.
 */
public final class TsigKey {

    /** Longer secrets are refused: no server makes them, and a file that long is not a key. */
    public static final int MAX_SECRET_OCTETS = 512;

    private final DomainName name;
    private final TsigAlgorithm algorithm;
    private final byte[] secret;

    public TsigKey(DomainName name, TsigAlgorithm algorithm, byte[] secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (secret.length == 0 || secret.length > MAX_SECRET_OCTETS) {
            throw new IllegalArgumentException("A TSIG secret has between 1 and 512 octets.");
        }
        this.secret = secret.clone();
    }

    public DomainName name() {
        return name;
    }

    public TsigAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * True when the secret is shorter than the algorithm's hash output, which RFC 8945 section 6
     * asks for at least: such a key still works, and the user is told to make a longer one.
     */
    public boolean isShort() {
        return secret.length < algorithm.outputOctets();
    }

    /**
     * The first 8 hex digits of the secret's SHA-256: enough to tell two keys apart, and nothing of
     * the secret itself (a few of its Base64 characters would be a few of its bits).
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(secret);
            return "sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256.", impossible);
        }
    }

    /** The secret in Base64 ASCII, for the protected store only: bytes the caller zeroes, never a string that lingers. */
    byte[] secretBase64() {
        return java.util.Base64.getEncoder().encode(secret);
    }

    TSIG signer() {
        try {
            return new TSIG(algorithm.wireName(), Name.fromString(name.ascii() + "."), secret.clone());
        } catch (TextParseException impossible) {
            throw new IllegalStateException("A checked domain name is a DNS name.", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TsigKey key && key.name.equals(name) && key.algorithm == algorithm
                && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, algorithm);
    }

    @Override
    public String toString() {
        return name.ascii() + " (" + algorithm.id() + ", secret " + fingerprint() + ")";
    }
}
