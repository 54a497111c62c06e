package org.mailwright.dns;

import java.util.List;
import java.util.Objects;

/**
 * One record of an answer.
 *
 * @param name the owner name, absolute, without the final dot
 * @param type the record type
 * @param ttl the time to live in seconds, as the server gave it (or as left in the cache)
 * @param value the data in presentation form ({@code 10 mail.example.test.}); for TXT, the
 *     character-strings joined with nothing between them, which is the value SPF, DKIM and DMARC
 *     read
 * @param strings for TXT, the character-strings as published; empty for other types
 */
public record DnsRecord(String name, RecordType type, long ttl, String value, List<String> strings) {

    public DnsRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        strings = List.copyOf(strings);
    }

    DnsRecord withTtl(long remaining) {
        return new DnsRecord(name, type, remaining, value, strings);
    }
}
