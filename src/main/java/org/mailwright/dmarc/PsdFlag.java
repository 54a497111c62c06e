package org.mailwright.dmarc;

import java.util.Optional;

/**
 * The value of {@code psd} (RFC 9989 section 4.7): whether the record's domain is a public suffix
 * ({@code y}), an organizational domain that is not one ({@code n}), or not said ({@code u}, the
 * default). A {@code y} or {@code n} ends the DNS tree walk.
 */
public enum PsdFlag {
    YES("y"),
    NO("n"),
    UNSPECIFIED("u");

    private final String tagValue;

    PsdFlag(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tagValue() {
        return tagValue;
    }

    /** True for {@code y} and {@code n}, which stop the tree walk. */
    public boolean stopsTreeWalk() {
        return this != UNSPECIFIED;
    }

    public static Optional<PsdFlag> parse(String value) {
        for (PsdFlag flag : values()) {
            if (flag.tagValue.equalsIgnoreCase(value)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
