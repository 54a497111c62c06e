package org.mailwright.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Messages;

/**
 * One step of an evaluation, for people: what was looked up, what came back and what it meant.
 * The words live in the core bundle under {@code spf.trace.<key>}; when the step made a lookup,
 * a short summary of its answer is the pattern's last argument.
 *
 * @param depth 0 for the checked domain's record, one more for each include or redirect
 * @param key the kind of step, for example {@code lookup} or {@code match}
 * @param arguments the names, terms and results the words mention
 * @param lookup the DNS answer this step is about, when there was one
 */
public record TraceStep(int depth, String key, List<Object> arguments, Optional<LookupResult> lookup) {

    public TraceStep {
        arguments = List.copyOf(arguments);
    }

    static TraceStep of(int depth, String key, Object... arguments) {
        return new TraceStep(depth, key, List.of(arguments), Optional.empty());
    }

    static TraceStep of(int depth, String key, LookupResult lookup, Object... arguments) {
        return new TraceStep(depth, key, List.of(arguments), Optional.of(lookup));
    }

    /** The step in one sentence, in the given language. */
    public String text(Locale locale) {
        List<Object> all = new ArrayList<>(arguments);
        lookup.ifPresent(result -> all.add(summary(result, locale)));
        return Messages.get(locale, "spf.trace." + key, all.toArray());
    }

    /** The answer in a few words: the values found, or what happened instead. */
    static String summary(LookupResult result, Locale locale) {
        if (result.outcome() != Outcome.OK) {
            return Messages.get(locale, "dns.outcome." + result.outcome().jsonName());
        }
        List<String> values = result.type() == RecordType.TXT
                ? result.values().stream().map(value -> "\"" + value + "\"").toList()
                : result.values().stream().map(SpfNames::withoutFinalDot).toList();
        return String.join(", ", values);
    }
}
