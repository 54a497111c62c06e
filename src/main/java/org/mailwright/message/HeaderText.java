package org.mailwright.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The structured-field syntax shared by From, Received and Authentication-Results (RFC 5322
 * section 3.2): quoted strings, nested comments and angle brackets, read in one pass without
 * recursion, so a field of ten thousand open parentheses costs one walk.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** The text with every comment removed (each replaced by one space); quoted strings kept. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < text.length()) {
                if (depth == 0) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                if (depth++ == 0) {
                    out.append(' ');
                }
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text cut at each {@code separator} outside quoted strings and angle brackets (comments
     * must be gone already), at most {@code maxParts} parts: the rest stays in the last one.
     */
    static List<String> split(String text, char separator, int maxParts) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        boolean angle = false;
        int start = 0;
        for (int i = 0; i < text.length() && parts.size() < maxParts - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle = true;
            } else if (!quoted && c == '>') {
                angle = false;
            } else if (!quoted && !angle && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The value without the quotes around it and with its backslash escapes resolved. */
    static String unquoted(String value) {
        String text = value.strip();
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
