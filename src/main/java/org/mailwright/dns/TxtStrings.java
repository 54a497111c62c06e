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

    /** The strings of {@code value} in zone-file presentation form: see {@link #presentation(List)}. */
    public static String quoted(String value) {
        return presentation(split(value));
    }

    /**
     * Character-strings as a zone file writes them: each in double quotes, separated by spaces,
     * {@code "} and {@code \\} escaped, and every octet outside printable ASCII written as
     * {@code \\DDD} (RFC 1035 section 5.1), so any server's zone parser reads back the same octets.
     */
    public static String presentation(List<String> strings) {
        return quotedStrings(strings, false);
    }

    /**
     * Character-strings as a person reads them, as {@link #presentation} but with letters beyond
     * ASCII left as they are ({@code "año"}); control characters are still escaped.
     */
    public static String readable(List<String> strings) {
        return quotedStrings(strings, true);
    }

    private static String quotedStrings(List<String> strings, boolean keepLetters) {
        StringBuilder text = new StringBuilder();
        for (String string : strings) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append('"');
            string.codePoints().forEach(codePoint -> {
                if (codePoint == '"' || codePoint == '\\') {
                    text.append('\\').appendCodePoint(codePoint);
                } else if (codePoint >= 0x20 && codePoint < 0x7f || keepLetters && codePoint > 0x9f) {
                    text.appendCodePoint(codePoint);
                } else {
                    for (byte octet : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                        text.append(String.format("\\%03d", octet & 0xff));
                    }
                }
            });
            text.append('"');
        }
        return text.toString();
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
