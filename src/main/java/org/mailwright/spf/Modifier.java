package org.mailwright.spf;

/**
 * A modifier (RFC 7208 section 6): {@code redirect=}, {@code exp=} or one this program does not
 * know, which is kept and otherwise ignored.
 *
 * @param name the name in lower case
 * @param value the value; a domain-spec for redirect and exp
 * @param text the term as written
 * @param position where the term starts in the record, 1-based
 */
public record Modifier(String name, MacroString value, String text, int position) implements Term {

    public static final String REDIRECT = "redirect";
    public static final String EXPLANATION = "exp";

    public boolean isRedirect() {
        return REDIRECT.equals(name);
    }

    public boolean isExplanation() {
        return EXPLANATION.equals(name);
    }
}
