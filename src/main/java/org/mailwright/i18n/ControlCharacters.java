package org.mailwright.i18n;

import java.util.List;

/**
 * The characters that must never reach a terminal as themselves when they come from a stranger (a
 * report, a mail message, a DNS answer, a file name): control characters a terminal may act on
 * (C0 but tab, line feed and carriage return; DEL; C1, whose U+009B starts an escape sequence in
 * some terminals) and the Unicode controls that reorder the text shown around them (bidirectional
 * embeddings, overrides and isolates, as in "Trojan Source").
 */
public final class ControlCharacters {

    /** What an unsafe character is shown as: U+FFFD, the replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private ControlCharacters() {
    }

    /** {@code text} with each unsafe character as {@link #REPLACEMENT}: what the window and the command line show. */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        char[] shown = null;
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                if (shown == null) {
                    shown = text.toCharArray();
                }
                shown[i] = REPLACEMENT;
            }
        }
        return shown == null ? text : new String(shown);
    }

    /** Each of {@code texts} {@linkplain #shown(String) as shown}, in an unmodifiable list. */
    public static List<String> shownAll(List<String> texts) {
        return texts.stream().map(ControlCharacters::shown).toList();
    }

    /** True when {@code c} must be escaped or replaced before it is shown. */
    public static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }
}
