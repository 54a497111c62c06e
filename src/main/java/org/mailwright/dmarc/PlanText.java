package org.mailwright.dmarc;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mailwright.i18n.Messages;

/**
 * One sentence of a rollout plan (a criterion to move on, a piece of advice), kept as a key of the
 * core bundle and its arguments so it can be shown in any language.
 *
 * @param key the bundle key, under {@code dmarc.plan.}
 * @param arguments the values the sentence mentions
 */
public record PlanText(String key, List<Object> arguments) {

    public PlanText {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    static PlanText of(String key, Object... arguments) {
        return new PlanText(key, List.of(arguments));
    }

    /** The sentence in {@code locale}'s language. */
    public String text(Locale locale) {
        return Messages.get(locale, key, arguments.toArray());
    }
}
