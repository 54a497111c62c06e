package org.mailwright.ui.dkim;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a selector as typed: one or more DNS labels of letters, digits and hyphens, which
 * {@code selector._domainkey.domain} must keep within DNS's 253 characters.
 */
final class SelectorName {

    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;
    private static final Pattern FORBIDDEN = Pattern.compile("[^a-z0-9\\-.]");

    private SelectorName() {
    }

    /** The selector in lower case, as it is published. */
    static String normalized(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Why {@code typed} cannot be the selector of a key published under {@code domain} (or empty
     * when it can); {@code suggestion} is shown as an example when the field is empty.
     */
    static Optional<Phrase> problem(String typed, String domain, String suggestion) {
        String selector = normalized(typed);
        if (selector.isEmpty()) {
            return Optional.of(Phrase.of("dkim.selector.problem.empty", suggestion));
        }
        Matcher forbidden = FORBIDDEN.matcher(selector);
        if (forbidden.find()) {
            String character = forbidden.group().isBlank() ? "␣" : forbidden.group();
            return Optional.of(Phrase.of("dkim.selector.problem.character", character));
        }
        for (String label : selector.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of(Phrase.of("dkim.selector.problem.emptyLabel"));
            }
            if (label.length() > MAX_LABEL) {
                return Optional.of(Phrase.of("dkim.selector.problem.labelTooLong", label));
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of(Phrase.of("dkim.selector.problem.hyphen", label));
            }
        }
        int length = (selector + "._domainkey." + domain).length();
        if (length > MAX_NAME) {
            return Optional.of(Phrase.of("dkim.selector.problem.tooLong", length));
        }
        return Optional.empty();
    }
}
