package org.mailwright.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.mailwright.dns.TxtStrings;

/**
 * One TXT record's data as DNS carries it: its character-strings. Kept as published, because a
 * dynamic update deletes a record only when every string matches, and the same value cut
 * differently is a different record to the server.
 *
 * @param strings the character-strings, each at most 255 octets of UTF-8
 */
public record TxtData(List<String> strings) {

    /** The most octets a TXT record's data can hold: the RDLENGTH field is 16 bits. */
    public static final int MAX_OCTETS = 65_535;

    public TxtData {
        strings = List.copyOf(strings);
        if (strings.isEmpty()) {
            throw new IllegalArgumentException("A TXT record has at least one character-string.");
        }
        int octets = 0;
        for (String string : strings) {
            int length = Objects.requireNonNull(string, "string").getBytes(StandardCharsets.UTF_8).length;
            if (length > TxtStrings.MAX_STRING_OCTETS) {
                throw new IllegalArgumentException("A character-string holds at most 255 octets.");
            }
            octets += length + 1;
        }
        if (octets > MAX_OCTETS) {
            throw new IllegalArgumentException("A TXT record holds at most 65,535 octets.");
        }
    }

    /** {@code value} as Mailwright publishes it: cut into strings of at most 255 octets. */
    public static TxtData of(String value) {
        return new TxtData(TxtStrings.split(value));
    }

    /** The strings joined with nothing between them: the value SPF, DKIM and DMARC read. */
    public String value() {
        return String.join("", strings);
    }

    /** The strings as a zone file writes them, quoted and escaped. */
    public String presentation() {
        return TxtStrings.presentation(strings);
    }

    /** True when the strings are the ones {@link #of} would cut: the value alone says how it is published. */
    public boolean isCutAsUsual() {
        return strings.equals(TxtStrings.split(value()));
    }
}
