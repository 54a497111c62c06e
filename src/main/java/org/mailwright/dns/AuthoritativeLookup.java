package org.mailwright.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a name's own zone publishes, asked of the zone's name servers now, past every cache: the
 * records and the TTL as the zone file or the DNS host's panel holds them, not what a resolver
 * has left of them. A wizard writes a zone-file line with that TTL when it edits a record.
 */
public final class AuthoritativeLookup {

    private final ResolverService resolver;
    private final ResolverTarget via;
    private final int port;

    /**
     * @param resolver the service to ask through; every answer is asked now ({@link ResolverService#fresh()})
     * @param via the resolver that finds the zone and its name servers
     * @param port the port the name servers are asked on (53 in the world)
     */
    public AuthoritativeLookup(ResolverService resolver, ResolverTarget via, int port) {
        this.resolver = Objects.requireNonNull(resolver, "resolver").fresh();
        this.via = Objects.requireNonNull(via, "via");
        this.port = port;
    }

    /**
     * The zone that holds {@code name}: the closest enclosing name (itself included) with NS
     * records of its own, as {@code via} answers; empty when there is none or the answers fail.
     */
    public CompletableFuture<Optional<DomainName>> zoneOf(DomainName name) {
        return walk(name).thenApply(Walk::zone);
    }

    /**
     * {@code name}'s records of {@code type}, as the zone's name servers answer without recursion
     * (each server in turn until one gives a conclusive answer). When the zone or its servers
     * cannot be found, an {@link Outcome#ERROR} that says so.
     */
    public CompletableFuture<LookupResult> lookup(DomainName name, RecordType type) {
        long started = System.nanoTime();
        return walk(name).thenCompose(walk -> walk.zone()
                .map(zone -> resolver.lookup(name.ascii(), type, new ResolverTarget.Authoritative(zone.ascii(), via, port)))
                .orElseGet(() -> CompletableFuture.completedFuture(new LookupResult(name.ascii(), type, Outcome.ERROR,
                        List.of(), List.of(), LookupResult.NO_TTL, walk.lastAnswer().server(),
                        Detail.of("nameservers-not-found", name.ascii(), walk.lastAnswer().outcome()),
                        false, Duration.ofNanos(System.nanoTime() - started)))));
    }

    private CompletableFuture<Walk> walk(DomainName candidate) {
        return resolver.lookup(candidate.ascii(), RecordType.NS, via).thenCompose(ns -> {
            // An NS answer reached through a CNAME belongs to the alias's target, not to this name.
            boolean apex = ns.outcome() == Outcome.OK && ns.aliases().isEmpty()
                    && ns.records().stream().anyMatch(record -> record.name().equalsIgnoreCase(candidate.ascii()));
            if (apex) {
                return CompletableFuture.completedFuture(new Walk(Optional.of(candidate), ns));
            }
            Optional<DomainName> parent = candidate.parent();
            if (!ns.outcome().isConclusive() || parent.isEmpty()) {
                return CompletableFuture.completedFuture(new Walk(Optional.empty(), ns));
            }
            return walk(parent.get());
        });
    }

    /** Where the walk up the tree ended: the zone, or the last NS answer that stopped it. */
    private record Walk(Optional<DomainName> zone, LookupResult lastAnswer) {
    }
}
