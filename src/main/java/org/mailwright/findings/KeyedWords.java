package org.mailwright.findings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Messages;

/**
 * Words of the core bundle ({@code dns.outcome.timeout}: "no answer", "sin respuesta"), said in the
 * language of what shows them. A value: two findings of the same failure are equal, so a list of
 * findings says it once.
 */
public record KeyedWords(String key, List<Object> arguments) implements LocalizedText {

    public KeyedWords {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public KeyedWords(String key) {
        this(key, List.of());
    }

    @Override
    public String text(Locale locale) {
        return Messages.get(locale, key, arguments.toArray());
    }
}
