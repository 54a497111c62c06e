package org.mailwright.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mailwright.i18n.ControlCharacters;

/**
 * The one JSON writer of the command line and of the exports (RFC 8259). Writes nested {@link Map}s (keys in the
 * map's order, so use a {@link java.util.LinkedHashMap}), {@link List}s, strings, numbers,
 * booleans and {@code null} on one line. Non-ASCII characters are written as themselves (the
 * output is UTF-8); what RFC 8259 requires is escaped, and the C1 and bidirectional controls too
 * ({@link ControlCharacters}), which RFC 8259 allows to be.
 */
public final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * @throws IllegalArgumentException for a value JSON cannot hold: another type, a non-string
     *     key, or a non-finite number
     */
    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof CharSequence text) {
            appendString(json, text);
        } else if (value instanceof Boolean bool) {
            json.append(bool.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("JSON has no " + number + ".");
            }
            json.append(number);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.append(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            appendObject(json, map);
        } else if (value instanceof Iterable<?> items) {
            appendArray(json, items.iterator());
        } else {
            throw new IllegalArgumentException("JSON cannot hold a " + value.getClass().getSimpleName() + ".");
        }
    }

    private static void appendObject(StringBuilder json, Map<?, ?> map) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("A JSON object's keys are strings, not " + entry.getKey() + ".");
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, key);
            json.append(':');
            append(json, entry.getValue());
        }
        json.append('}');
    }

    private static void appendArray(StringBuilder json, Iterator<?> items) {
        json.append('[');
        while (items.hasNext()) {
            append(json, items.next());
            if (items.hasNext()) {
                json.append(',');
            }
        }
        json.append(']');
    }

    private static void appendString(StringBuilder json, CharSequence text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (ControlCharacters.unsafe(c) || Character.isSurrogate(c) && !isPairedSurrogate(text, i)) {
                        // Control characters below U+0020 must be escaped (tab and line ends are above), and C1 and
                        // bidirectional controls are, so that JSON shown in a terminal is as safe as text; a lone
                        // surrogate has no UTF-8 form.
                        appendUnicodeEscape(json, c);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean isPairedSurrogate(CharSequence text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }

    private static void appendUnicodeEscape(StringBuilder json, char c) {
        json.append("\\u")
                .append(HEX[c >> 12 & 0xF])
                .append(HEX[c >> 8 & 0xF])
                .append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
