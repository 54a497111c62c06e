package org.mailwright.propagation;

import java.util.Locale;

/** Whether a server holds the zone itself or looks it up for others and caches it. */
public enum Role {
    /** One address of one of the zone's name servers, asked about its own data (no recursion). */
    AUTHORITATIVE,
    /** A recursive resolver, which answers from its cache until the TTL runs out. */
    RESOLVER;

    /** {@code authoritative} or {@code resolver}, as in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
