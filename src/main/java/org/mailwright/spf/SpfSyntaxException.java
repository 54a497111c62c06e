package org.mailwright.spf;

import java.util.List;
import java.util.Locale;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Messages;

/**
 * A record that does not follow the grammar of RFC 7208: says where (1-based position in the
 * record), which term, and why, in English ({@link #getMessage()}) or the user's language
 * ({@link #message(Locale)}). The reason is a key under {@code spf.syntax.} in the core bundle.
 */
public final class SpfSyntaxException extends IllegalArgumentException {

    private final String reason;
    private final List<Object> arguments;
    private final int position;
    private final String term;

    SpfSyntaxException(String reason, Object... arguments) {
        this(reason, List.of(arguments), 0, "");
    }

    private SpfSyntaxException(String reason, List<Object> arguments, int position, String term) {
        super(text(Locale.ENGLISH, reason, arguments, position, term));
        this.reason = reason;
        this.arguments = List.copyOf(arguments);
        this.position = position;
        this.term = term;
    }

    /** The same problem, placed in a record: {@code position} is 1-based, where {@code term} starts. */
    SpfSyntaxException at(int position, String term) {
        return new SpfSyntaxException(reason, arguments, position, term);
    }

    /** Where the offending term starts in the record, 1-based; 0 when not placed in a record. */
    public int position() {
        return position;
    }

    /** The offending term as written; empty when not placed in a record. */
    public String term() {
        return term;
    }

    /** Why, as a key under {@code spf.syntax.} (for example {@code bad-cidr}). */
    public String reason() {
        return reason;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** What is wrong, without the position, in the given language. */
    public String reason(Locale locale) {
        return Messages.get(locale, "spf.syntax." + reason, arguments.toArray());
    }

    /** The reason as words a finding can carry and say in its own language. */
    public LocalizedText reasonText() {
        return this::reason;
    }

    /** The whole sentence (position, term and reason) in the given language. */
    public String message(Locale locale) {
        return text(locale, reason, arguments, position, term);
    }

    private static String text(Locale locale, String reason, List<Object> arguments, int position, String term) {
        String why = Messages.get(locale, "spf.syntax." + reason, arguments.toArray());
        return position == 0 ? why : Messages.get(locale, "spf.syntax.at", term, position, why);
    }
}
