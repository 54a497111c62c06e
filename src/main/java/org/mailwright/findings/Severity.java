package org.mailwright.findings;

import java.util.Locale;

/** How much a finding matters, most serious first. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    PASS;

    /** The lower-case name used in JSON, for example {@code warning}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
