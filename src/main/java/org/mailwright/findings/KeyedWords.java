package org.mailwright.findings;

import java.util.Locale;
import java.util.Objects;
import org.mailwright.i18n.Messages;

/**
 * A finding argument that is words of the core bundle ({@code dns.outcome.timeout}: "no answer",
 * "sin respuesta"), said in the finding's language. A value: two findings of the same failure are
 * equal, so a list of findings says it once.
 */
public record KeyedWords(String key) implements LocalizedText {

    public KeyedWords {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String text(Locale locale) {
        return Messages.get(locale, key);
    }
}
