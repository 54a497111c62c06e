package org.mailwright.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why something a user gave is not what it should be (a domain name, a selector...): a key of
 * the core's bundle and the values its sentence mentions, said in whichever language the reader
 * speaks when it is shown, by the window and the command line alike.
 *
 * @param key the sentence's key in {@link Messages#BUNDLE}, for example {@code dns.name.empty-label}
 * @param arguments the values the sentence mentions
 */
public record Problem(String key, List<Object> arguments) implements LocalizedText {

    public Problem(String key, Object... arguments) {
        this(key, List.of(arguments));
    }

    public Problem {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    /** The most characters of what a user gave that a sentence repeats. */
    public static final int SHOWN_LENGTH = 60;

    /**
     * {@code text} as a sentence repeats it: whole when short, else its first
     * {@value #SHOWN_LENGTH} characters and an ellipsis, so a hostile value never floods a message.
     */
    public static String shown(String text) {
        return shown(text, SHOWN_LENGTH);
    }

    /** {@code text} whole when it has at most {@code most} characters, else its first {@code most} and an ellipsis. */
    public static String shown(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most) + "…";
    }

    /**
     * The problem in one sentence in {@code locale}'s language. An argument that is a problem
     * itself (why a part of the value is wrong) is said in the same language.
     */
    @Override
    public String text(Locale locale) {
        return Messages.get(locale, key, arguments.toArray());
    }
}
