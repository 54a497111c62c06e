package org.mailwright.dkim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailwright.findings.KeyedWords;

/**
 * The {@code tag=value; tag=value} syntax of DKIM signatures and key records (RFC 6376 section
 * 3.2). Tag names are case-sensitive; whitespace around names, the equals sign and values is
 * insignificant; a final semicolon is allowed; a tag given twice makes the whole list invalid.
 * Values keep the whitespace inside them (base64 values drop it where they are decoded).
 */
final class TagList {

    private final Map<String, String> tags;

    private TagList(Map<String, String> tags) {
        this.tags = Collections.unmodifiableMap(tags);
    }

    /**
     * @throws TagSyntaxException when a part is not {@code name=value}, a name is not
     *     {@code ALPHA *(ALPHA / DIGIT / "_")}, or a tag repeats
     */
    static TagList parse(String text) throws TagSyntaxException {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isBlank()) {
                // Only the end may be empty: "a=1;" is fine, "a=1;;b=2" is not.
                if (i == parts.length - 1) {
                    continue;
                }
                throw new TagSyntaxException("empty");
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new TagSyntaxException("not-name-value", part.strip());
            }
            String name = stripFws(part.substring(0, equals));
            if (!validName(name)) {
                throw new TagSyntaxException("bad-name", name);
            }
            String value = stripFws(part.substring(equals + 1));
            if (tags.putIfAbsent(name, value) != null) {
                throw new TagSyntaxException("twice", name);
            }
        }
        return new TagList(tags);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    boolean has(String name) {
        return tags.containsKey(name);
    }

    Map<String, String> asMap() {
        return tags;
    }

    /** The first tag's name, which for a key record must be {@code v} when v= is present. */
    Optional<String> firstName() {
        return tags.keySet().stream().findFirst();
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Removes folding whitespace (space, tab, CR, LF) from both ends. */
    static String stripFws(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isFws(text.charAt(start))) {
            start++;
        }
        while (end > start && isFws(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The text without any folding whitespace, as base64 values and h= lists are read. */
    static String removeFws(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isFws(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** A tag list that is not one, and why in words of the core bundle ({@code dkim.tag-syntax.*}). */
    static final class TagSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient KeyedWords why;

        TagSyntaxException(String key, Object... arguments) {
            this(new KeyedWords("dkim.tag-syntax." + key, List.of(arguments)));
        }

        private TagSyntaxException(KeyedWords why) {
            super(why.text(Locale.ENGLISH));
            this.why = why;
        }

        /** Why, as a value said in any language. */
        KeyedWords why() {
            return why;
        }
    }
}
