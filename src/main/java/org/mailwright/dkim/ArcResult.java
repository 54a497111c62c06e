package org.mailwright.dkim;

import java.util.Locale;

/** The chain validation status of a message's ARC sets (RFC 8617 section 4.4). */
public enum ArcResult {
    /** The message carries no ARC set. */
    NONE,
    /** Every seal and the newest message signature verify, and the chain is well formed. */
    PASS,
    /** The chain is malformed, was already broken, or a signature in it does not verify. */
    FAIL;

    /** The name used in JSON and in Authentication-Results ({@code arc=pass}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
