package org.mailwright.propagation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mailwright.dns.RecordType;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A record that should be published: one row of the propagation grid.
 *
 * @param name the owner name, without the final dot, in lower case
 * @param type the record type
 * @param values the values that should be there (TXT as its joined strings); empty when the
 *     most common answer among the servers is to be taken as the reference
 */
public record ExpectedRecord(String name, RecordType type, List<String> values) {

    /** @throws IllegalArgumentException when the name is not a valid domain name */
    public ExpectedRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        name = normalizedName(name);
        values = List.copyOf(values);
    }

    /**
     * The name in lower case without the final dot.
     *
     * @throws IllegalArgumentException when it is not a valid domain name, in a sentence for the user
     */
    static String normalizedName(String name) {
        String trimmed = name.strip();
        try {
            Name.fromString(trimmed, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid domain name: " + e.getMessage() + ".");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.length() > 1 && lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    public static ExpectedRecord of(String name, RecordType type, String... values) {
        return new ExpectedRecord(name, type, List.of(values));
    }

    /** A row whose reference is whatever most servers answer. */
    public static ExpectedRecord mostCommonAnswer(String name, RecordType type) {
        return new ExpectedRecord(name, type, List.of());
    }

    public boolean hasExpectedValues() {
        return !values.isEmpty();
    }
}
