package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;

/**
 * A record that should be published: one row of the propagation grid.
 *
 * @param name the owner name as {@link DomainName} writes it: lower case, A-labels, no final dot
 * @param type the record type
 * @param values the values that should be there (TXT as its joined strings); empty when the
 *     reference is what the zone publishes now (see {@link Row.Reference})
 */
public record ExpectedRecord(String name, RecordType type, List<String> values) {

    /** @throws org.mailwright.dns.InvalidDomainNameException when the name is not a domain name */
    public ExpectedRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        name = DomainName.of(name).ascii();
        values = List.copyOf(values);
    }

    public static ExpectedRecord of(String name, RecordType type, String... values) {
        return new ExpectedRecord(name, type, List.of(values));
    }

    /** A row without values to expect: compared with what the zone publishes now. */
    public static ExpectedRecord asPublished(String name, RecordType type) {
        return new ExpectedRecord(name, type, List.of());
    }

    public boolean hasExpectedValues() {
        return !values.isEmpty();
    }
}
