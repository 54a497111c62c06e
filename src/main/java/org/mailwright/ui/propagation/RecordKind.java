package org.mailwright.ui.propagation;

import java.util.Locale;
import java.util.Optional;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;

/** What a watched record is for, which names its row: SPF, a DKIM key, DMARC, MX, or any other record. */
enum RecordKind {
    SPF,
    DKIM,
    DMARC,
    MX,
    OTHER;

    private static final String DOMAINKEY = "._domainkey.";
    private static final String DMARC_PREFIX = "_dmarc.";

    /**
     * The kind a record handed over (or added by hand) shows itself to be: by its name for DKIM
     * and DMARC, by its value for SPF (an SPF record picked without a value says so when picked).
     */
    static RecordKind of(ExpectedRecord record) {
        if (record.type() == RecordType.MX) {
            return MX;
        }
        if (record.type() != RecordType.TXT) {
            return OTHER;
        }
        if (record.name().startsWith(DMARC_PREFIX)) {
            return DMARC;
        }
        if (record.name().contains(DOMAINKEY)) {
            return DKIM;
        }
        boolean spf = record.values().stream()
                .anyMatch(value -> value.strip().toLowerCase(Locale.ROOT).matches("v=spf1(\\s.*)?"));
        return spf ? SPF : OTHER;
    }

    /** The selector of a DKIM key record's name: {@code s1} for {@code s1._domainkey.example.com}. */
    static Optional<String> selectorOf(String name) {
        int at = name.indexOf(DOMAINKEY);
        return at > 0 ? Optional.of(name.substring(0, at)) : Optional.empty();
    }

    /**
     * The domain a record belongs to, as far as its name tells: without the {@code _dmarc.} or
     * {@code selector._domainkey.} in front.
     */
    static String domainOf(String name) {
        if (name.startsWith(DMARC_PREFIX)) {
            return name.substring(DMARC_PREFIX.length());
        }
        int at = name.indexOf(DOMAINKEY);
        return at > 0 ? name.substring(at + DOMAINKEY.length()) : name;
    }

    /** The key of the row title in the window's bundle. */
    String titleKey() {
        return "propagation.kind." + name().toLowerCase(Locale.ROOT);
    }
}
