package org.mailwright.propagation;

import java.util.Locale;

/** What one server says about one expected record. */
public enum CellState {
    /** The server publishes the expected record. */
    MATCH,
    /** The server answers with something else (an old value, another key or policy). */
    MISMATCH,
    /** The server says there is no such record (NXDOMAIN or NODATA). */
    MISSING,
    /** The server did not answer usefully: timeout, SERVFAIL, REFUSED or a network error. */
    ERROR,
    /** An authoritative server without the record whose zone serial is behind the others': it has not caught up yet. */
    STALE;

    /** {@code match}, {@code mismatch}, ... as in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
