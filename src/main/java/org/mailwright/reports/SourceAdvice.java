package org.mailwright.reports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.findings.ReportFinding;
import org.mailwright.i18n.Messages;
import org.mailwright.spf.MatchedTerm;
import org.mailwright.spf.SpfEvaluation;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfProvider;
import org.mailwright.spf.SpfRequest;
import org.mailwright.spf.SpfResult;
import org.mailwright.spf.TraceStep;

/**
 * What a domain's reports say to change: each source checked against the domain's SPF record as
 * it is published now (evaluated as a receiver would, so the term that authorizes it is known),
 * and the suggestions that follow: a known provider the record leaves out, mail that is forwarded
 * rather than spoofed, sources that fail everything, and sources the reports had not shown before.
 */
public final class SourceAdvice {

    private final ResolverService resolver;
    private final ResolverTarget target;

    /**
     * @param spfTerms for each source named, the term of the domain's SPF record that passes it (such
     *     as {@code include:_spf.google.com}); empty when the record does not pass it
     * @param suggestions the findings, most serious first, then by messages
     */
    public record Advice(Map<String, Optional<String>> spfTerms, List<Finding> suggestions) {
        public Advice {
            spfTerms = Map.copyOf(spfTerms);
            suggestions = List.copyOf(suggestions);
        }
    }

    public SourceAdvice(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * The advice on {@code domain}'s sources, the {@value SourceNames#MAX_NAMED} largest, with what
     * {@code history} tells of which are new; the future completes normally.
     */
    public CompletableFuture<Advice> advise(String domain, Summary summary, Map<String, SourceNames.Named> names,
                                            SourceHistory history) {
        SpfEvaluator evaluator = new SpfEvaluator(resolver.newCheck(), target);
        Map<Summary.Source, CompletableFuture<Optional<SpfEvaluation>>> evaluated = new LinkedHashMap<>();
        summary.sources().stream().limit(SourceNames.MAX_NAMED).forEach(source -> evaluated.put(source, evaluate(evaluator, source, domain)));
        return CompletableFuture.allOf(evaluated.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Optional<String>> terms = new LinkedHashMap<>();
            List<Finding> suggestions = new ArrayList<>();
            evaluated.forEach((source, evaluation) -> {
                Optional<SpfEvaluation> result = evaluation.join();
                boolean passes = result.map(e -> e.result() == SpfResult.PASS).orElse(false);
                terms.put(source.ip(), passes ? result.flatMap(SpfEvaluation::mechanism).map(MatchedTerm::term) : Optional.empty());
                // A temporary DNS error says nothing of the record: no advice is built on it.
                SourceNames.Named named = names.getOrDefault(source.ip(), SourceNames.Named.UNKNOWN);
                history.newSince(source.ip()).ifPresent(since -> suggestions.add(ReportFinding.NEW_SOURCE.of(source.ip(),
                        shownName(named), since.atZone(ZoneOffset.UTC).toLocalDate().toString(), source.count(), source.dmarcFail(),
                        domain)));
                if (result.isPresent() && !passes && result.get().result() != SpfResult.TEMPERROR) {
                    suggestion(domain, source, named).ifPresent(suggestions::add);
                }
            });
            suggestions.sort(Comparator.comparing(Finding::severity));
            unevaluated(domain, evaluated.values()).ifPresent(warning -> suggestions.add(0, warning));
            return new Advice(terms, suggestions);
        });
    }

    /**
     * The warning that {@code domain}'s record could not be evaluated (a temporary DNS error), with
     * the step where it failed: without it, a source with no SPF term and no advice would look like
     * one the record leaves out.
     */
    private static Optional<Finding> unevaluated(String domain, Collection<CompletableFuture<Optional<SpfEvaluation>>> evaluated) {
        return evaluated.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                .filter(evaluation -> evaluation.result() == SpfResult.TEMPERROR)
                // The step that ended the evaluation: the last but the result's own.
                .flatMap(evaluation -> evaluation.trace().stream().filter(step -> !step.key().equals("result"))
                        .reduce((first, second) -> second).stream())
                .findFirst()
                .map(failed -> ReportFinding.SPF_UNANSWERED.of(domain, (LocalizedText) failed::text));
    }

    private static CompletableFuture<Optional<SpfEvaluation>> evaluate(SpfEvaluator evaluator, Summary.Source source, String domain) {
        try {
            return evaluator.evaluate(SpfRequest.of(source.ip(), "postmaster@" + domain, ""))
                    .thenApply(Optional::of).exceptionally(failure -> Optional.empty());
        } catch (IllegalArgumentException notAnAddress) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    /**
     * The source as a sentence names it: its sender, else its reverse name, else words that say it has
     * none, or that it is not known when its lookup failed.
     */
    private static Object shownName(SourceNames.Named named) {
        String unnamed = named.unanswered().isPresent() ? "reports.source.name-unknown" : "reports.source.unnamed";
        return named.label().or(named::ptr).<Object>map(text -> text)
                .orElse((LocalizedText) locale -> Messages.get(locale, unnamed));
    }

    /** What a source that the domain's SPF record does not pass calls for, if anything. */
    private static Optional<Finding> suggestion(String domain, Summary.Source source, SourceNames.Named named) {
        Object name = shownName(named);
        Optional<SpfProvider> provider = named.label().flatMap(label -> Arrays.stream(SpfProvider.values())
                .filter(known -> known.displayName().equals(label)).findFirst());
        if (provider.isPresent() && source.spfAlignedPass() < source.count()) {
            return Optional.of(ReportFinding.PROVIDER_NOT_IN_SPF.of(provider.get().displayName(), source.ip(), source.count(),
                    provider.get().include(), domain));
        }
        if (source.spfAlignedPass() == 0 && source.dkimAlignedPass() == source.count() && source.count() > 0) {
            return Optional.of(ReportFinding.FORWARDED.of(source.ip(), name, source.count()));
        }
        if (source.dmarcFail() == source.count() && source.count() > 0) {
            return Optional.of(ReportFinding.UNKNOWN_SOURCE_FAILING.of(source.ip(), name, source.count(), domain));
        }
        return Optional.empty();
    }
}
