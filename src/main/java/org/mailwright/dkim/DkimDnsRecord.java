package org.mailwright.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mailwright.dns.TxtStrings;

/**
 * A key record with the name it is published at, in the forms admins paste: the value alone
 * (DNS web panels) and a zone-file line; the CLI adds the JSON form.
 *
 * @param selector the selector, for example {@code 202611a}
 * @param domain the signing domain, for example {@code example.com}
 * @param record the key record
 */
public record DkimDnsRecord(String selector, String domain, DkimKeyRecord record) {

    public DkimDnsRecord {
        selector = Objects.requireNonNull(selector, "selector").strip().toLowerCase(Locale.ROOT);
        domain = withoutFinalDot(Objects.requireNonNull(domain, "domain").strip().toLowerCase(Locale.ROOT));
        Objects.requireNonNull(record, "record");
        if (!DkimSignature.isDomain(selector) || selector.endsWith(".")) {
            throw new IllegalArgumentException("\"" + selector + "\" is not a valid selector (letters, digits, hyphens, dots).");
        }
        if (!DkimSignature.isDomain(domain)) {
            throw new IllegalArgumentException("\"" + domain + "\" is not a domain name.");
        }
    }

    /** {@code selector._domainkey.domain}. */
    public String name() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT value as one string, for DNS panels that split it themselves. */
    public String value() {
        return record.value();
    }

    /** The value cut into character-strings of at most 255 octets (the value is ASCII). */
    public List<String> strings() {
        return TxtStrings.split(value());
    }

    /** {@code name. IN TXT "..." "..."}, for a zone file. */
    public String zoneLine() {
        return TxtStrings.zoneLine(name(), value());
    }

    /** {@code name. TTL IN TXT "..." "..."}. */
    public String zoneLine(long ttl) {
        return TxtStrings.zoneLine(name(), ttl, value());
    }

    private static String withoutFinalDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
