package org.mailwright.propagation;

import java.util.List;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.spf.SpfRecord;

/**
 * What a watched record is for, which names its row: SPF, a DKIM key, DMARC, MX, or any other
 * record. Decided by its name for DKIM and DMARC and by its value for SPF, as receivers find them.
 */
public enum RecordKind {
    SPF,
    DKIM,
    DMARC,
    MX,
    OTHER;

    private static final String DOMAINKEY = "_domainkey";
    private static final String DMARC_LABEL = "_dmarc";

    /**
     * The kind a record handed over (or added by hand) shows itself to be; an SPF record picked
     * without a value is named by whoever picked it.
     */
    public static RecordKind of(ExpectedRecord record) {
        if (record.type() == RecordType.MX) {
            return MX;
        }
        if (record.type() != RecordType.TXT) {
            return OTHER;
        }
        List<String> labels = labels(record.name());
        if (labels.size() > 1 && labels.get(0).equals(DMARC_LABEL)) {
            return DMARC;
        }
        if (domainKeyAt(labels) > 0) {
            return DKIM;
        }
        return record.values().stream().anyMatch(SpfRecord::isSpfRecord) ? SPF : OTHER;
    }

    /** The selector of a DKIM key record's name: {@code s1} for {@code s1._domainkey.example.com}. */
    public static Optional<String> selectorOf(String name) {
        List<String> labels = labels(name);
        int at = domainKeyAt(labels);
        return at > 0 ? Optional.of(String.join(".", labels.subList(0, at))) : Optional.empty();
    }

    /**
     * The domain a record belongs to, as far as its name tells: without the {@code _dmarc.} or
     * {@code selector._domainkey.} in front.
     */
    public static String domainOf(String name) {
        List<String> labels = labels(name);
        int at = domainKeyAt(labels);
        if (at > 0) {
            return String.join(".", labels.subList(at + 1, labels.size()));
        }
        if (labels.size() > 1 && labels.get(0).equals(DMARC_LABEL)) {
            return String.join(".", labels.subList(1, labels.size()));
        }
        return String.join(".", labels);
    }

    /** Where {@code _domainkey} stands among the labels, with a selector before it and a domain after; -1 when it does not. */
    private static int domainKeyAt(List<String> labels) {
        int at = labels.indexOf(DOMAINKEY);
        return at > 0 && at < labels.size() - 1 ? at : -1;
    }

    private static List<String> labels(String name) {
        return DomainName.parse(name).name().map(DomainName::labels).orElse(List.of(name));
    }
}
