package org.mailwright.spf;

import java.util.Locale;

/** What the record says about every sender it does not list: the all mechanism at its end, or none when a redirect decides. */
public enum Ending {
    /** -all: receivers reject or mark mail from anyone else. Recommended once every sender is listed. */
    FAIL(Qualifier.FAIL),
    /** ~all: accepted but marked as suspicious; while testing. */
    SOFTFAIL(Qualifier.SOFTFAIL),
    /** ?all: no assertion, so it protects nothing. */
    NEUTRAL(Qualifier.NEUTRAL),
    /** +all: everyone passes. Never wise. */
    PASS(Qualifier.PASS),
    /** No all: the record's redirect= hands the decision to another domain's record. */
    REDIRECT(null);

    private final Qualifier qualifier;

    Ending(Qualifier qualifier) {
        this.qualifier = qualifier;
    }

    /** The all term, as in {@code -all}; empty for {@link #REDIRECT}. */
    public String term() {
        return qualifier == null ? "" : qualifier.symbol() + "all";
    }

    /** Its name in lower case, for example {@code softfail}: the key part of its words. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Ending of(Qualifier qualifier) {
        for (Ending ending : values()) {
            if (ending.qualifier == qualifier) {
                return ending;
            }
        }
        throw new IllegalArgumentException("No ending for " + qualifier);
    }
}
