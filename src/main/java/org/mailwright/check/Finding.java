package org.mailwright.check;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One problem (or confirmation) found about a domain, from the one catalogue every area shares.
 * The words live in the catalogue's bundles under {@code <id>.message}, {@code <id>.why} and
 * {@code <id>.fix}; {@code arguments} fill their {@link java.text.MessageFormat} placeholders.
 *
 * @param id stable identifier {@code area.kebab-name}, for example {@code spf.too-many-lookups}
 * @param severity how much it matters
 * @param arguments the values the words mention (counts, names, the offending term)
 */
public record Finding(String id, Severity severity, List<Object> arguments) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Finding id \"" + id + "\" is not area.kebab-name.");
        }
        arguments = List.copyOf(arguments);
    }

    public static Finding of(String id, Severity severity, Object... arguments) {
        return new Finding(id, severity, List.of(arguments));
    }

    /** The area the finding belongs to: {@code spf}, {@code dkim}, {@code dmarc}... */
    public String area() {
        return id.substring(0, id.indexOf('.'));
    }

    /** What was found, in one sentence. */
    public String message(Locale locale) {
        return FindingCatalogue.text(locale, this, "message");
    }

    /** Why it matters. */
    public String why(Locale locale) {
        return FindingCatalogue.text(locale, this, "why");
    }

    /** How to fix it. */
    public String fix(Locale locale) {
        return FindingCatalogue.text(locale, this, "fix");
    }
}
