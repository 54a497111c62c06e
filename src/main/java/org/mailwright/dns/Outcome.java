package org.mailwright.dns;

import java.util.Locale;

/**
 * How a lookup ended. The first five are answers a server gave; {@link #TIMEOUT} and {@link #ERROR}
 * mean no answer came back at all.
 */
public enum Outcome {
    /** The name exists and has records of the asked type. */
    OK,
    /** The name does not exist (RCODE 3). */
    NXDOMAIN,
    /** The name exists but has no records of the asked type (RCODE 0, empty answer). */
    NODATA,
    /** The server failed to answer (RCODE 2), often a broken delegation or DNSSEC failure. */
    SERVFAIL,
    /** The server refused the query (RCODE 5), usually because it does not serve that zone. */
    REFUSED,
    /** No answer arrived within the timeout, after every retry. */
    TIMEOUT,
    /** The query could not be made or the answer was unusable (network error, malformed reply). */
    ERROR;

    /** The lower-case name used in JSON output, for example {@code nxdomain}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the answer says what is published: records, or that there are none (NXDOMAIN,
     * NODATA). A server failure, a refusal or silence says nothing about the records.
     */
    public boolean isConclusive() {
        return this == OK || this == NXDOMAIN || this == NODATA;
    }

    /** True when a server answered, whatever its response code. */
    public boolean isAnswer() {
        return this != TIMEOUT && this != ERROR;
    }
}
