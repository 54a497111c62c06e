package org.mailwright.dkim;

import java.util.Locale;

/** The result of checking one signature, with the names RFC 8601 gives them. */
public enum DkimResult {
    /** The signature verifies with the published key. */
    PASS,
    /** The signature was checked and does not hold, or its key or time rules it out. */
    FAIL,
    /** The signature was not evaluated (a legacy DomainKeys signature, or one too many). */
    NEUTRAL,
    /** The key could not be fetched for now (DNS timeout or server failure); try again later. */
    TEMPERROR,
    /** The signature or its key record is broken and cannot be checked. */
    PERMERROR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
