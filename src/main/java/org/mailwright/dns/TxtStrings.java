package org.mailwright.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TXT values as DNS carries them: a character-string holds at most 255 octets (RFC 1035 section
 * 3.3), so a longer value is published as several strings that receivers join again. One place
 * cuts, quotes and writes the zone-file line, for every record Mailwright writes.
 */
public final class TxtStrings {

    /** The most octets one character-string can hold. */
    public static final int MAX_STRING_OCTETS = 255;

    private TxtStrings() {
    }

    /**
     * {@code value} cut into strings of at most 255 octets of UTF-8, never inside a character;
     * an empty value is one empty string, since a TXT record has at least one.
     */
    public static List<String> split(String value) {
        List<String> strings = new ArrayList<>();
        int start = 0;
        int octets = 0;
        for (int index = 0; index < value.length(); ) {
            int codePoint = value.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_STRING_OCTETS) {
                strings.add(value.substring(start, index));
                start = index;
                octets = 0;
            }
            octets += size;
            index += Character.charCount(codePoint);
        }
        strings.add(value.substring(start));
        return strings;
    }

    /** The strings of {@code value}, each in double quotes with {@code "} and {@code \} escaped, separated by spaces. */
    public static String quoted(String value) {
        return String.join(" ", split(value).stream()
                .map(string -> "\"" + string.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList());
    }

    /** {@code name. IN TXT "..." "..."}: the line a zone file needs, with the zone's default TTL. */
    public static String zoneLine(String name, String value) {
        return absolute(name) + " IN TXT " + quoted(value);
    }

    /** {@code name. TTL IN TXT "..." "..."}. */
    public static String zoneLine(String name, long ttl, String value) {
        return absolute(name) + " " + ttl + " IN TXT " + quoted(value);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
