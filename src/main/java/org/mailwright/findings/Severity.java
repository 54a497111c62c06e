package org.mailwright.findings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** How much a finding matters, most serious first. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    PASS;

    /** The most serious severity among {@code findings}; empty when there are none. */
    public static Optional<Severity> worstOf(Collection<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
    }

    /** The lower-case name used in JSON, for example {@code warning}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
