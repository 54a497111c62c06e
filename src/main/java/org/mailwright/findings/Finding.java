package org.mailwright.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One problem (or confirmation) found about a domain: a {@link FindingType} from the one registry
 * and the values its words mention. The words live in the catalogue's bundles under
 * {@code <id>.message}, {@code <id>.why} and {@code <id>.fix}.
 *
 * @param type what was found, with its id and severity
 * @param arguments the values the words mention (counts, names, the offending term), as declared
 */
public record Finding(FindingType type, List<Object> arguments) {

    public Finding {
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
        if (arguments.size() != type.argumentNames().size()) {
            throw new IllegalArgumentException(type.id() + " takes " + type.argumentNames().size()
                    + " arguments " + type.argumentNames() + ", not " + arguments.size() + ".");
        }
    }

    public String id() {
        return type.id();
    }

    public Severity severity() {
        return type.severity();
    }

    /** The area the finding belongs to: {@code spf}, {@code dkim}, {@code dmarc}... */
    public String area() {
        return type.area();
    }

    /** What was found, in one sentence. */
    public String message(Locale locale) {
        return FindingCatalogue.text(locale, this, FindingCatalogue.Part.MESSAGE);
    }

    /** Why it matters. */
    public String why(Locale locale) {
        return FindingCatalogue.text(locale, this, FindingCatalogue.Part.WHY);
    }

    /** How to fix it. */
    public String fix(Locale locale) {
        return FindingCatalogue.text(locale, this, FindingCatalogue.Part.FIX);
    }

    /**
     * {@code {"id","severity","message","why","fix"}}, the words in {@code locale}'s language: the
     * finding as every JSON output and export writes it.
     */
    public Map<String, Object> json(Locale locale) {
        return json(id(), severity(), message(locale), why(locale), fix(locale));
    }

    /** {@code {"id","severity","message","why","fix"}}: a finding's JSON object, from its words. */
    public static Map<String, Object> json(String id, Severity severity, String message, String why, String fix) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("severity", severity.jsonName());
        json.put(FindingCatalogue.Part.MESSAGE.key(), message);
        json.put(FindingCatalogue.Part.WHY.key(), why);
        json.put(FindingCatalogue.Part.FIX.key(), fix);
        return json;
    }
}
