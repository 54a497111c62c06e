package org.mailwright.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Problem;

/**
 * A DKIM selector as RFC 6376 section 3.1 defines it: {@code sub-domain *("." sub-domain)}, each
 * sub-domain (RFC 5321) of letters, digits and hyphens, neither starting nor ending with a hyphen,
 * so no underscore; in lower case, international labels as A-labels (section 3.5); and short
 * enough that {@code selector._domainkey.domain} fits in DNS's 253 characters. The one rule by
 * which the CLI and the window accept a selector.
 */
public final class Selector {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** What a hyphen replaces in a suggestion: underscores and runs of spaces. */
    private static final Pattern HYPHEN_INSTEAD = Pattern.compile("[_\\s]+");
    private static final String KEY_LABEL = "._domainkey.";

    private final String ascii;

    private Selector(String ascii) {
        this.ascii = ascii;
    }

    /**
     * Where the key of {@code selector} for {@code domain} is published,
     * {@code selector._domainkey.domain}: for a signature's, a seal's or a DomainKeys key alike,
     * and for the names the pages show and ask for.
     */
    public static String keyName(String selector, String domain) {
        return selector + KEY_LABEL + domain;
    }

    /**
     * The selector {@code text} stands for, or why it is none, on its own: a caller that knows
     * the domain uses {@link #parse(String, DomainName)}, which also checks the record's name.
     */
    public static Parsed parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Parsed.problem(new Problem("dkim.selector.empty"));
        }
        if (SPACES.matcher(value).find()) {
            return withHyphens(value, "spaces", "␣");
        }
        List<String> labels = new ArrayList<>();
        for (String label : value.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Parsed.problem(new Problem("dkim.selector.empty-label"));
            }
            Optional<String> asciiLabel = DomainName.asciiLabel(label);
            if (asciiLabel.isEmpty()) {
                return Parsed.problem(new Problem("dkim.selector.international", label));
            }
            labels.add(asciiLabel.get());
        }
        for (String label : labels) {
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c == '_') {
                    return withHyphens(value, "underscore", "_");
                }
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return Parsed.problem(new Problem("dkim.selector.character", Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c)));
                }
            }
            if (label.length() > DomainName.MAX_LABEL) {
                return Parsed.problem(new Problem("dkim.selector.label-too-long", label, label.length()));
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Parsed.problem(new Problem("dkim.selector.hyphen", label));
            }
        }
        return new Parsed(Optional.of(new Selector(String.join(".", labels))), Optional.empty());
    }

    /** The selector {@code text} stands for under {@code domain}, or why it cannot be one there. */
    public static Parsed parse(String text, DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        Parsed parsed = parse(text);
        if (parsed.selector().isEmpty()) {
            return parsed;
        }
        int length = parsed.selector().get().ascii.length() + KEY_LABEL.length() + domain.ascii().length();
        return length > DomainName.MAX_LENGTH ? Parsed.problem(new Problem("dkim.selector.too-long", length)) : parsed;
    }

    /**
     * The selector {@code text} stands for under {@code domain}.
     *
     * @throws InvalidSelectorException saying in the user's words what is wrong
     */
    public static Selector of(String text, DomainName domain) {
        return parse(text, domain).orElseThrow();
    }

    /** The selector as it is published and compared: lower case, A-labels. */
    public String value() {
        return ascii;
    }

    /** {@code selector._domainkey.domain}, where the key record is published. */
    public DomainName recordName(DomainName domain) {
        return DomainName.of(keyName(ascii, domain.ascii()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selector selector && selector.ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return ascii;
    }

    /**
     * Underscores and spaces are the usual slips ({@code mail_2026}): the problem offers the
     * selector with hyphens instead, when that one is a selector; otherwise it names the character.
     */
    private static Parsed withHyphens(String value, String key, String character) {
        String hyphenated = HYPHEN_INSTEAD.matcher(value).replaceAll("-");
        Optional<Selector> suggestion = hyphenated.equals(value) ? Optional.empty() : parse(hyphenated).selector();
        return Parsed.problem(suggestion.map(s -> new Problem("dkim.selector." + key, s.value())).orElseGet(() -> new Problem("dkim.selector.character", character)));
    }

    /** Exactly one of a selector and the problem that keeps the text from being one. */
    public record Parsed(Optional<Selector> selector, Optional<Problem> problem) {
        static Parsed problem(Problem problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }

        public boolean isValid() {
            return selector.isPresent();
        }

        /** @throws InvalidSelectorException when the text was no selector */
        public Selector orElseThrow() {
            return selector.orElseThrow(() -> new InvalidSelectorException(problem.orElseThrow()));
        }
    }
}
