package org.mailwright.dkim;

import java.util.List;
import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.TxtStrings;

/**
 * A key record with the name it is published at, in the forms admins paste: the value alone
 * (DNS web panels) and a zone-file line; the CLI adds the JSON form.
 *
 * @param selector the selector, for example {@code 202611a}, in lower case
 * @param domain the signing domain, for example {@code example.com}, in lower case, international
 *     labels as A-labels
 * @param record the key record
 */
public record DkimDnsRecord(String selector, String domain, DkimKeyRecord record) {

    /**
     * @throws org.mailwright.dns.InvalidDomainNameException when the domain is not a domain name
     * @throws InvalidSelectorException when the selector is not a selector under it ({@link Selector})
     */
    public DkimDnsRecord {
        DomainName signingDomain = DomainName.of(Objects.requireNonNull(domain, "domain"));
        selector = Selector.of(Objects.requireNonNull(selector, "selector"), signingDomain).value();
        domain = signingDomain.ascii();
        Objects.requireNonNull(record, "record");
    }

    /** {@code selector._domainkey.domain}. */
    public String name() {
        return Selector.keyName(selector, domain);
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
}
