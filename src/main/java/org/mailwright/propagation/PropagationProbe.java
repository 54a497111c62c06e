package org.mailwright.propagation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.Detail;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ServerAddress;

/**
 * Asks every server, each on its own and bypassing any cache, for every expected record and for
 * the zone's SOA, all at once, and compares the answers: one {@link Snapshot} per run.
 * Authoritative servers are asked without recursion, about their own data; resolvers with it,
 * trying the target's next address only when one does not answer.
 */
public final class PropagationProbe {

    private final ResolverService resolver;
    private final Clock clock;

    public PropagationProbe(ResolverService resolver, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What each of {@code servers} says about each of {@code records} now, and each server's
     * serial of {@code zone}. Completes normally whatever the servers do.
     */
    public CompletableFuture<Snapshot> probe(String zone, List<ExpectedRecord> records, List<ProbeServer> servers) {
        Objects.requireNonNull(zone, "zone");
        List<ExpectedRecord> rows = List.copyOf(records);
        List<ProbeServer> columns = List.copyOf(servers);
        Instant takenAt = clock.instant();
        Map<ProbeServer, CompletableFuture<List<ServerAddress>>> addresses = new LinkedHashMap<>();
        for (ProbeServer server : columns) {
            addresses.put(server, resolver.serversOf(server.target()));
        }
        List<CompletableFuture<ServerStatus>> statuses = columns.stream()
                .map(server -> ask(server, addresses.get(server), zone, RecordType.SOA)
                        .thenApply(soa -> new ServerStatus(server, soa)))
                .toList();
        List<List<CompletableFuture<LookupResult>>> answers = rows.stream()
                .map(row -> columns.stream()
                        .map(server -> ask(server, addresses.get(server), row.name(), row.type()))
                        .toList())
                .toList();
        List<CompletableFuture<?>> all = new ArrayList<>(statuses);
        answers.forEach(all::addAll);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(done -> SnapshotAssembler.assemble(zone, takenAt,
                        statuses.stream().map(CompletableFuture::join).toList(), rows,
                        answers.stream().map(row -> row.stream().map(CompletableFuture::join).toList()).toList()));
    }

    private CompletableFuture<LookupResult> ask(ProbeServer server, CompletableFuture<List<ServerAddress>> addresses,
                                               String name, RecordType type) {
        boolean recursive = server.role() == Role.RESOLVER;
        return addresses.thenCompose(list -> list.isEmpty()
                ? CompletableFuture.completedFuture(noAddress(name, type, server))
                : askInTurn(list, 0, name, type, recursive));
    }

    private CompletableFuture<LookupResult> askInTurn(List<ServerAddress> addresses, int index, String name,
                                                     RecordType type, boolean recursive) {
        return resolver.query(name, type, addresses.get(index), recursive).thenCompose(answer ->
                answer.outcome().isAnswer() || index + 1 == addresses.size()
                        ? CompletableFuture.completedFuture(answer)
                        : askInTurn(addresses, index + 1, name, type, recursive));
    }

    private static LookupResult noAddress(String name, RecordType type, ProbeServer server) {
        return new LookupResult(name, type, Outcome.ERROR, List.of(), List.of(), LookupResult.NO_TTL,
                server.label(), new Detail("network", List.of("no server address is configured")), false, Duration.ZERO);
    }
}
