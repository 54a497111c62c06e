package org.mailwright.spf;

/** The prefix of a mechanism, saying what a match means (RFC 7208 section 4.6.2). */
public enum Qualifier {
    PASS('+', SpfResult.PASS),
    FAIL('-', SpfResult.FAIL),
    SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    Qualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    public char symbol() {
        return symbol;
    }

    /** The result check_host() returns when a mechanism with this qualifier matches. */
    public SpfResult result() {
        return result;
    }

    /** The qualifier a symbol stands for, or null when {@code c} is not one. */
    static Qualifier of(char c) {
        for (Qualifier qualifier : values()) {
            if (qualifier.symbol == c) {
                return qualifier;
            }
        }
        return null;
    }
}
