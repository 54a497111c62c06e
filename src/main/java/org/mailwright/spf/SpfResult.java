package org.mailwright.spf;

import java.util.Locale;

/** The seven results of check_host() (RFC 7208 section 2.6). */
public enum SpfResult {
    /** The client is authorized to send for the domain. */
    PASS,
    /** The client is explicitly not authorized. */
    FAIL,
    /** Probably not authorized, but the domain does not want a strong statement. */
    SOFTFAIL,
    /** The domain makes no assertion about the client. */
    NEUTRAL,
    /** No SPF record, or no valid domain to check. */
    NONE,
    /** A permanent problem with the domain's published records. */
    PERMERROR,
    /** A transient (usually DNS) problem; trying again later may succeed. */
    TEMPERROR;

    /** The lower-case name used in JSON and Received-SPF headers, for example {@code softfail}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
