package org.mailwright.dmarc;

import java.util.Locale;
import java.util.Optional;

/** A Domain Owner Assessment Policy: the value of {@code p}, {@code sp} and {@code np}, weakest first. */
public enum Policy {
    NONE,
    QUARANTINE,
    REJECT;

    /** The value as written in a record: {@code none}, {@code quarantine}, {@code reject}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a receiver applies under test mode ({@code t=y}, RFC 9989 section 4.7): one level less,
     * so reject becomes quarantine and quarantine becomes none.
     */
    public Policy oneLevelLess() {
        return this == NONE ? NONE : values()[ordinal() - 1];
    }

    public boolean weakerThan(Policy other) {
        return compareTo(other) < 0;
    }

    /** The RFC's literals are case-insensitive (RFC 5234 quoted strings), so {@code Reject} counts. */
    public static Optional<Policy> parse(String value) {
        for (Policy policy : values()) {
            if (policy.tagValue().equalsIgnoreCase(value)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
