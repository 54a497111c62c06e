package org.mailwright.ui.dkim;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.mailwright.ui.Texts;

/**
 * Something to say, worded only when shown: a view model keeps phrases rather than sentences, so
 * a language switch rewords what is already on the page (a failed save, a cancelled check).
 */
@FunctionalInterface
interface Phrase {

    /** Nothing to say. */
    Phrase NONE = (words, locale) -> "";

    /** The phrase in the window's words ({@code words}) or the core's ({@code locale}). */
    String in(ResourceBundle words, Locale locale);

    /** A key of the window's bundle, with its arguments. */
    static Phrase of(String key, Object... arguments) {
        List<Object> kept = List.of(arguments);
        return (words, locale) -> Texts.format(words, key, kept.toArray());
    }

    /** A sentence of the core's, such as a key file problem, in the given language. */
    static Phrase core(Function<Locale, String> sentence) {
        return (words, locale) -> sentence.apply(locale);
    }
}
