package org.mailwright.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.dns.AuthoritativeLookup;
import org.mailwright.dns.AuthoritativeServers;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/**
 * Finds the servers a check asks, by one rule for the command line and the window: the zone's
 * name servers, each address on its own (unless servers are named without asking for them), then
 * the resolver, then (when the choice asks for them) this machine's resolvers and Google,
 * Cloudflare and Quad9, except when the resolver is on loopback (a test set-up whose zones the
 * public resolvers cannot see), then the servers named. A server is asked once: as a name server
 * when it is one.
 */
public final class WatchPlanner {

    private WatchPlanner() {
    }

    /**
     * The plan for checking records at or under {@code name}: its zone and the servers to ask,
     * found now through {@code choice}'s resolver (never from answers cached before).
     *
     * @throws org.mailwright.dns.InvalidDomainNameException when {@code name} is not a domain name
     */
    public static CompletableFuture<WatchPlan> plan(ResolverService resolver, String name, ServerChoice choice) {
        ResolverService fresh = resolver.fresh();
        String start = DomainName.of(name).ascii();
        List<ProbeServer> resolvers = resolverColumns(choice);
        return new AuthoritativeLookup(fresh, choice.resolver(), choice.nameServerPort()).zoneOf(DomainName.of(start))
                .thenApply(found -> found.map(DomainName::ascii)).thenCompose(zone -> {
            if (zone.isEmpty()) {
                return CompletableFuture.completedFuture(new WatchPlan(start, false, resolvers));
            }
            if (!choice.asksNameServers()) {
                return CompletableFuture.completedFuture(new WatchPlan(zone.get(), true, resolvers));
            }
            return fresh.authoritativeServers(new ResolverTarget.Authoritative(zone.get(), choice.resolver(),
                            choice.nameServerPort()))
                    .thenApply(found -> new WatchPlan(zone.get(), true, columns(nameServerColumns(found), resolvers)));
        });
    }

    /** The resolver columns of {@code choice}, in order, each once; known before any name server is found. */
    public static List<ProbeServer> resolverColumns(ServerChoice choice) {
        Map<String, ProbeServer> columns = new LinkedHashMap<>();
        columns.put(choice.resolver().id(), ProbeServer.resolver(choice.resolver()));
        if (choice.standardResolvers() && !choice.resolverOnLoopback()) {
            ProbeServer.standardResolvers().forEach(standard -> columns.putIfAbsent(standard.target().id(), standard));
        }
        choice.servers().forEach(server -> columns.putIfAbsent(server.id(), ProbeServer.resolver(server)));
        return List.copyOf(columns.values());
    }

    /**
     * Each address of each of the zone's name servers as its own column, by name and address: two
     * names on one address are two columns, so the delegation the zone claims is what is shown.
     */
    private static List<ProbeServer> nameServerColumns(AuthoritativeServers servers) {
        Map<String, ProbeServer> columns = new LinkedHashMap<>();
        for (AuthoritativeServers.NameServer nameServer : servers.nameServers()) {
            for (ServerAddress address : nameServer.addresses()) {
                ProbeServer column = ProbeServer.authoritative(nameServer.host(), address);
                columns.putIfAbsent(column.id(), column);
            }
        }
        return List.copyOf(columns.values());
    }

    /** A resolver that is also one of the name server addresses is asked once, as a name server. */
    private static List<ProbeServer> columns(List<ProbeServer> nameServers, List<ProbeServer> resolvers) {
        List<ProbeServer> columns = new ArrayList<>(nameServers);
        Set<String> asked = nameServers.stream().map(server -> server.target().id()).collect(Collectors.toSet());
        resolvers.stream().filter(resolver -> !asked.contains(resolver.target().id())).forEach(columns::add);
        return columns;
    }
}
