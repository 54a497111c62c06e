package org.mailwright.ui.domain;

import java.util.Locale;
import org.mailwright.dns.RecordType;

/** One thing the domain overview looks up. */
public enum Aspect {
    NS(RecordType.NS, ""),
    SOA(RecordType.SOA, ""),
    MX(RecordType.MX, ""),
    A(RecordType.A, ""),
    AAAA(RecordType.AAAA, ""),
    SPF(RecordType.TXT, ""),
    DMARC(RecordType.TXT, "_dmarc.");

    private final RecordType type;
    private final String prefix;

    Aspect(RecordType type, String prefix) {
        this.type = type;
        this.prefix = prefix;
    }

    public RecordType type() {
        return type;
    }

    /** The name asked about for {@code domain}: the domain itself, or {@code _dmarc.} in front of it. */
    public String nameFor(String domain) {
        return prefix + domain;
    }

    /** The key of this aspect's title in the window's bundle. */
    public String titleKey() {
        return "domain.aspect." + name().toLowerCase(Locale.ROOT);
    }
}
