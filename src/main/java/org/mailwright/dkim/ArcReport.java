package org.mailwright.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ARC chain of a message says (RFC 8617).
 *
 * @param result none, pass or fail
 * @param problem why it fails; empty for none and pass
 * @param problemArguments what the problem's sentence mentions (an instance, a field name...)
 * @param sets the sets found, by instance, oldest first; empty when the chain's form is broken
 *     before any set could be told apart
 */
public record ArcReport(ArcResult result, Optional<ArcProblem> problem, List<Object> problemArguments,
                        List<ArcSet> sets) {

    public ArcReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(problem, "problem");
        problemArguments = List.copyOf(problemArguments);
        sets = List.copyOf(sets);
    }

    static ArcReport none() {
        return new ArcReport(ArcResult.NONE, Optional.empty(), List.of(), List.of());
    }

    static ArcReport pass(List<ArcSet> sets) {
        return new ArcReport(ArcResult.PASS, Optional.empty(), List.of(), sets);
    }

    static ArcReport fail(List<ArcSet> sets, ArcProblem problem, Object... arguments) {
        return new ArcReport(ArcResult.FAIL, Optional.of(problem), List.of(arguments), sets);
    }

    /** Why the chain fails, in the given language; empty unless it fails. */
    public String problemText(Locale locale) {
        return problem.map(p -> p.text(locale, problemArguments.toArray())).orElse("");
    }
}
