package org.mailwright.dkim;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Date-based selectors ({@code 202611a}): they sort by age, say when a key was made, and never
 * repeat, so a rotation never has to reuse (and overwrite) a published name.
 */
public final class Selectors {

    /**
     * How many published suggestions are passed over before the next one is offered unasked: a
     * zone that answers every name (a wildcard) would otherwise be asked without end.
     */
    static final int MAX_PUBLISHED_SKIPPED = 26;

    private Selectors() {
    }

    /**
     * The date-based selector for a new key at {@code domain} that has no key record published
     * yet: each suggestion is asked of {@code resolver} now (never from its cache) and passed
     * over while records answer at {@code selector._domainkey.domain}. A lookup that says nothing
     * (a timeout, a refusal) ends the search on that suggestion: only a record seen counts as taken.
     *
     * @param taken selectors known to be in use already (keys made here), never offered
     */
    public static CompletableFuture<String> suggestUnpublished(ResolverService resolver, ResolverTarget target,
                                                               LocalDate date, DomainName domain, Collection<String> taken) {
        ResolverService fresh = resolver.fresh();
        Set<String> skipped = new HashSet<>(taken);
        return firstUnpublished(fresh, target, date, domain, skipped, 0);
    }

    private static CompletableFuture<String> firstUnpublished(ResolverService resolver, ResolverTarget target, LocalDate date,
                                                              DomainName domain, Set<String> skipped, int published) {
        String candidate = suggest(date, skipped);
        if (published >= MAX_PUBLISHED_SKIPPED) {
            return CompletableFuture.completedFuture(candidate);
        }
        return resolver.lookup(Selector.keyName(candidate, domain.ascii()), RecordType.TXT, target).thenCompose(found -> {
            if (!isPublished(found)) {
                return CompletableFuture.completedFuture(candidate);
            }
            skipped.add(candidate);
            return firstUnpublished(resolver, target, date, domain, skipped, published + 1);
        });
    }

    /** A name with any TXT record is in use: a key, a revoked key ({@code p=}) or anything else a new key would collide with. */
    private static boolean isPublished(LookupResult found) {
        return found.outcome() == Outcome.OK && !found.values().isEmpty();
    }

    /** {@code yyyyMM} and the first letter not yet in {@code taken}: 202611a, 202611b... then 202611aa. */
    public static String suggest(LocalDate date, Collection<String> taken) {
        Set<String> used = taken.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String prefix = String.format(Locale.ROOT, "%04d%02d", date.getYear(), date.getMonthValue());
        for (int n = 0; ; n++) {
            String candidate = prefix + letters(n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** 0 -> a, 25 -> z, 26 -> aa, 27 -> ab ... */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        int value = n;
        do {
            out.insert(0, (char) ('a' + value % 26));
            value = value / 26 - 1;
        } while (value >= 0);
        return out.toString();
    }
}
