package org.mailwright.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailwright.findings.Finding;
import org.mailwright.findings.FindingCatalogue;
import org.mailwright.findings.FindingCatalogue.Part;
import org.mailwright.findings.FindingType;
import org.mailwright.findings.Severity;

/**
 * A finding as every command shows it, in one language: for scripts the JSON object
 * {@code {"id","severity","message","why","fix"}}, for people a block of the severity word and the
 * id, then the message, why it matters and how to fix it. Every command that reports findings
 * goes through here, so they read the same everywhere.
 */
record FindingText(String id, Severity severity, String message, String why, String fix) {

    /** A finding made about a domain, its values put into the words. */
    static FindingText of(Finding finding, Locale locale) {
        return new FindingText(finding.id(), finding.severity(), finding.message(locale), finding.why(locale),
                finding.fix(locale));
    }

    /** A type of finding from the catalogue, each value shown by its name ({@code ‹domain›}). */
    static FindingText template(FindingType type, Locale locale) {
        return new FindingText(type.id(), type.severity(), FindingCatalogue.template(type, locale, Part.MESSAGE),
                FindingCatalogue.template(type, locale, Part.WHY), FindingCatalogue.template(type, locale, Part.FIX));
    }

    /** Each finding as its JSON object, the words in {@code locale}'s language. */
    static List<Map<String, Object>> json(List<Finding> findings, Locale locale) {
        return findings.stream().map(finding -> finding.json(locale)).toList();
    }

    /** Each finding as a block for people, every line starting with {@code indent}. */
    static void print(PrintWriter out, List<Finding> findings, Texts texts, String indent) {
        findings.forEach(finding -> of(finding, texts.locale()).print(out, texts, indent));
    }

    /** {@code {"id","severity","message","why","fix"}}. */
    Map<String, Object> json() {
        return Finding.json(id, severity, message, why, fix);
    }

    /** {@code {"message","why","fix"}}: the words alone. */
    Map<String, Object> words() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(Part.MESSAGE.key(), message);
        json.put(Part.WHY.key(), why);
        json.put(Part.FIX.key(), fix);
        return json;
    }

    /**
     * The block for people: the severity word and the id, then the message, why and fix under the
     * id, so a list of findings reads as a column of ids.
     */
    void print(PrintWriter out, Texts texts, String indent) {
        int width = severityWidth(texts);
        String under = indent + " ".repeat(width + 1);
        out.println(indent + pad(severityWord(severity, texts), width) + " " + id);
        out.println(under + message);
        out.println(under + texts.get("cli.finding.why", why));
        out.println(under + texts.get("cli.finding.fix", fix));
    }

    /** The word for {@code severity} in the user's language: ERROR, WARNING, INFO, PASS. */
    static String severityWord(Severity severity, Texts texts) {
        return texts.get("cli.severity." + severity.jsonName());
    }

    /** The widest severity word in the user's language, so ids line up whatever their severity. */
    static int severityWidth(Texts texts) {
        return Arrays.stream(Severity.values()).mapToInt(severity -> severityWord(severity, texts).length()).max().orElse(0);
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
