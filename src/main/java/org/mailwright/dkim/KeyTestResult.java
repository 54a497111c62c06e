package org.mailwright.dkim;

import java.util.Locale;

/** What a server publishes for a selector, compared with the private key. */
public enum KeyTestResult {
    /** The published key is this key's public half. */
    MATCH,
    /** A DKIM key is published, but another one. */
    MISMATCH,
    /**
     * This key is published, but in a record with other options than the one written for it
     * ({@code t=}, {@code h=}, {@code s=}, {@code n=}); only when the test is given that record.
     */
    OTHER_OPTIONS,
    /** Nothing is published at the name (NXDOMAIN or no TXT record). */
    MISSING,
    /** A record is there but is not a usable DKIM key record. */
    MALFORMED,
    /** The record is there with an empty p=: the key was withdrawn. */
    REVOKED,
    /** The server could not be asked (timeout, SERVFAIL, REFUSED): nothing is known. */
    ERROR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
