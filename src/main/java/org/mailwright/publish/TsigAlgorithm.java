package org.mailwright.publish;

import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** The TSIG algorithms Mailwright signs updates with (RFC 8945 section 6: SHA-256 is mandatory, SHA-512 common). */
public enum TsigAlgorithm {
    HMAC_SHA256("hmac-sha256", TSIG.HMAC_SHA256, 32),
    HMAC_SHA512("hmac-sha512", TSIG.HMAC_SHA512, 64);

    private final String id;
    private final Name wireName;
    private final int outputOctets;

    TsigAlgorithm(String id, Name wireName, int outputOctets) {
        this.id = id;
        this.wireName = wireName;
        this.outputOctets = outputOctets;
    }

    /** The length of the hash's output, the shortest secret RFC 8945 recommends. */
    public int outputOctets() {
        return outputOctets;
    }

    /** The name BIND, Knot and nsupdate write: {@code hmac-sha256}. */
    public String id() {
        return id;
    }

    Name wireName() {
        return wireName;
    }

    /** Accepts {@code hmac-sha256} or {@code hmac-sha512} in any case. */
    public static Optional<TsigAlgorithm> parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (TsigAlgorithm algorithm : values()) {
            if (algorithm.id.equals(wanted) || (algorithm.id + ".").equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
