package org.mailwright.dns;

import java.util.Locale;
import java.util.Optional;

/**
 * One SOA record's data, typed (RFC 1035 section 3.3.13).
 *
 * @param primary the primary name server, without the final dot
 * @param mailbox the zone's contact, as a name ({@code hostmaster.example.com})
 * @param serial the zone's version, compared with RFC 1982 arithmetic
 * @param refresh how often secondaries ask for a newer serial, in seconds
 * @param retry how soon a secondary tries again after a failed refresh, in seconds
 * @param expire how long a secondary serves the zone without reaching the primary, in seconds
 * @param minimum the negative-caching time (RFC 2308), in seconds
 */
public record SoaData(String primary, String mailbox, long serial, long refresh, long retry, long expire, long minimum) {

    /** The data of an SOA record as dnsjava writes it: {@code ns1.example. hostmaster.example. 2026120601 3600 600 86400 300} */
    public static Optional<SoaData> parse(String value) {
        String[] fields = value == null ? new String[0] : value.strip().split("\\s+");
        if (fields.length != 7) {
            return Optional.empty();
        }
        try {
            long[] numbers = new long[5];
            for (int i = 0; i < 5; i++) {
                numbers[i] = Long.parseLong(fields[i + 2]);
                if (numbers[i] < 0 || numbers[i] > 0xFFFF_FFFFL) {
                    return Optional.empty();
                }
            }
            return Optional.of(new SoaData(name(fields[0]), name(fields[1]), numbers[0], numbers[1], numbers[2], numbers[3],
                    numbers[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String name(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return lower.length() > 1 && lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
