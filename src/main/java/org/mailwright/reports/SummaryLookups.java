package org.mailwright.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;

/**
 * What a summary's DNS lookups add to it, as {@code mailwright reports summary} prints it and the
 * Reports page shows it: who the sources are, and for a summary of one domain the SPF term that
 * passes each source and the suggestions.
 *
 * @param names each source looked up, by address
 * @param spfTerms for a summary of one domain, the term of its SPF record that passes each source
 * @param suggestions first the warnings that some of the domain's reports are dated ahead and that
 *     some sources' names could not be learnt, then the advice
 *     (led by the warning that the domain's SPF record could not be evaluated, then most serious
 *     first), then the readiness for the next DMARC stage
 */
public record SummaryLookups(Map<String, SourceNames.Named> names, Optional<Map<String, Optional<String>>> spfTerms,
                             List<Finding> suggestions) {

    /** Nothing looked up. */
    public static final SummaryLookups NONE = new SummaryLookups(Map.of(), Optional.empty(), List.of());

    public SummaryLookups {
        names = Map.copyOf(names);
        suggestions = List.copyOf(suggestions);
    }

    /**
     * Looks up {@code summary}'s sources and, when {@code domain} is not null, advises on them;
     * the future completes normally.
     *
     * @param history which sources are new, for the domain
     * @param readiness the domain's readiness for the next DMARC stage, listed last
     */
    public static CompletableFuture<SummaryLookups> of(ResolverService resolver, ResolverTarget target, Summary summary,
                                                       String domain, SourceHistory history, Optional<Finding> readiness) {
        return new SourceNames(resolver, target).name(summary.sources().stream().map(Summary.Source::ip).toList())
                .thenCompose(names -> {
                    List<Finding> first = new ArrayList<>(datedAhead(domain, history));
                    SourceNames.unanswered(names).ifPresent(first::add);
                    if (domain == null) {
                        return CompletableFuture.completedFuture(new SummaryLookups(names, Optional.empty(),
                                suggestions(first, List.of(), readiness)));
                    }
                    return new SourceAdvice(resolver, target).advise(domain.strip(), summary, names, history)
                            .thenApply(advice -> new SummaryLookups(names, Optional.of(advice.spfTerms()),
                                    suggestions(first, advice.suggestions(), readiness)));
                });
    }

    /**
     * What a summary shows without any lookup: for one domain, the warning that some of its reports
     * are dated ahead and its readiness.
     */
    public static SummaryLookups without(String domain, SourceHistory history, Optional<Finding> readiness) {
        return new SummaryLookups(Map.of(), Optional.empty(), suggestions(datedAhead(domain, history), List.of(), readiness));
    }

    /** For a summary of one domain, the warning that some of its reports are dated ahead. */
    private static List<Finding> datedAhead(String domain, SourceHistory history) {
        return domain == null ? List.of() : history.datedAheadWarning(domain.strip()).stream().toList();
    }

    private static List<Finding> suggestions(List<Finding> first, List<Finding> advice, Optional<Finding> readiness) {
        List<Finding> all = new ArrayList<>(first);
        all.addAll(advice);
        readiness.ifPresent(all::add);
        return all;
    }
}
