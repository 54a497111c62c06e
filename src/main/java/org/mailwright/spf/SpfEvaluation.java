package org.mailwright.spf;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of check_host() with everything a person needs to understand it.
 *
 * @param request what was checked
 * @param result the SPF result
 * @param explanation for {@link SpfResult#FAIL}, the explanation for the sender (from the domain's
 *     exp= record, or the default one); empty otherwise
 * @param matched the terms that decided the result, outermost first (for example
 *     {@code include:_spf.example.net} then the {@code ip4:} inside it); empty when no mechanism matched
 * @param lookups how many DNS-querying terms were evaluated (the limit is 10)
 * @param voidLookups how many of their lookups found nothing (the limit is 2)
 * @param trace every step, in order
 */
public record SpfEvaluation(SpfRequest request, SpfResult result, String explanation,
                            List<MatchedTerm> matched, int lookups, int voidLookups, List<TraceStep> trace) {

    public SpfEvaluation {
        matched = List.copyOf(matched);
        trace = List.copyOf(trace);
        explanation = explanation == null ? "" : explanation;
    }

    /** The domain whose record was checked first. */
    public String domain() {
        return request.domain();
    }

    /**
     * The explanation in the domain's own words, from its exp= record; empty when the default
     * stands, which is Mailwright's English wording rather than anything the domain says.
     */
    public Optional<String> domainExplanation() {
        return trace.stream().anyMatch(step -> step.key().equals("explanation")) ? Optional.of(explanation) : Optional.empty();
    }

    /** The term of the checked domain's own record that decided the result, if one did. */
    public Optional<MatchedTerm> mechanism() {
        return matched.stream().findFirst();
    }
}
