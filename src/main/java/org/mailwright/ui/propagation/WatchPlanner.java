package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.PropagationProbe;

/**
 * Finds the servers a watch asks. The resolver chosen in Settings is the first resolver column;
 * the public resolvers and this machine's follow, so a change can be seen reaching each of them,
 * except when the chosen resolver is on this machine's loopback: that is a test setup whose
 * zones the public resolvers cannot see. On such a setup the name servers listen on the
 * resolver's port rather than 53 ({@link ResolverTarget#nameServerPort()}), as on the command line.
 * Servers the user adds are asked as resolvers, after those.
 */
final class WatchPlanner {

    private WatchPlanner() {
    }

    /**
     * The plan for watching records of {@code domain}: its zone (through {@code resolver}), each
     * address of the zone's name servers, then the resolvers.
     */
    static CompletableFuture<WatchPlan> plan(PropagationProbe probe, String domain, ResolverTarget resolver,
                                             List<ServerAddress> added) {
        List<ProbeServer> resolvers = resolverColumns(resolver, added);
        return probe.zoneOf(domain, resolver).thenCompose(zone -> {
            if (zone.isEmpty()) {
                return CompletableFuture.completedFuture(new WatchPlan(domain, false, resolvers));
            }
            return probe.authoritativeServers(zone.get(), resolver, resolver.nameServerPort())
                    .thenApply(nameServers -> new WatchPlan(zone.get(), true, columns(nameServers, resolvers)));
        });
    }

    /** The resolver columns: the one in Settings first, then the standard ones unless it is on loopback, then the added ones. */
    static List<ProbeServer> resolverColumns(ResolverTarget resolver, List<ServerAddress> added) {
        Map<String, ProbeServer> columns = new LinkedHashMap<>();
        columns.put(resolver.id(), ProbeServer.resolver(resolver));
        if (loopbackAddress(resolver).isEmpty()) {
            ProbeServer.standardResolvers().forEach(standard -> columns.putIfAbsent(standard.target().id(), standard));
        }
        for (ServerAddress address : added) {
            ResolverTarget target = ResolverTarget.servers(List.of(address));
            columns.putIfAbsent(target.id(), ProbeServer.resolver(target));
        }
        return List.copyOf(columns.values());
    }

    /** The resolver's address when it is a server on this machine's loopback: a development setup. */
    static Optional<ServerAddress> loopbackAddress(ResolverTarget resolver) {
        return resolver instanceof ResolverTarget.Servers servers && servers.servers().get(0).isLoopback()
                ? Optional.of(servers.servers().get(0))
                : Optional.empty();
    }

    /** A resolver that is also one of the name server addresses is asked once, as a name server. */
    private static List<ProbeServer> columns(List<ProbeServer> nameServers, List<ProbeServer> resolvers) {
        List<ProbeServer> columns = new ArrayList<>(nameServers);
        List<String> asked = nameServers.stream().map(server -> server.target().id()).toList();
        resolvers.stream().filter(resolver -> !asked.contains(resolver.target().id())).forEach(columns::add);
        return columns;
    }
}
