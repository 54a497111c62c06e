package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/**
 * Which servers a propagation check asks, as the user chose them; {@link WatchPlanner} turns it
 * into columns by one rule, for the command line and the window alike.
 *
 * @param resolver the resolver lookups go through: it finds the zone and its name servers, and
 *     it is the first resolver asked (the command line's first {@code --server}, or this
 *     machine's resolvers; the window's resolver in Settings)
 * @param servers servers named to ask, each on its own as a resolver (the command line's
 *     {@code --server}s; the servers added on the page)
 * @param standardResolvers whether this machine's resolvers and Google, Cloudflare and Quad9 are
 *     asked too (unless the resolver is on loopback): on the command line only without
 *     {@code --server}, which names the servers to ask instead; in the window always, the servers
 *     added on the page joining them
 * @param authoritative whether the zone's name servers are asked besides named servers; without
 *     named servers they always are
 * @param nameServerPort the port the zone's name servers are asked on: 53, or a test set-up's
 */
public record ServerChoice(ResolverTarget resolver, List<ResolverTarget> servers, boolean standardResolvers,
                           boolean authoritative, int nameServerPort) {

    public ServerChoice {
        Objects.requireNonNull(resolver, "resolver");
        servers = List.copyOf(servers);
        if (resolver instanceof ResolverTarget.Authoritative) {
            throw new IllegalArgumentException("The resolver of a check is a resolver, not a zone's name servers.");
        }
        if (nameServerPort < 1 || nameServerPort > 65535) {
            throw new IllegalArgumentException("A port is from 1 to 65535, not " + nameServerPort + ".");
        }
    }

    /** True when the zone's name servers are asked: without named servers, or when asked for. */
    public boolean asksNameServers() {
        return servers.isEmpty() || authoritative;
    }

    /**
     * True when the resolver is a server on this machine's loopback: a test set-up whose zones the
     * public resolvers cannot see, so they are not asked.
     */
    public boolean resolverOnLoopback() {
        return resolver instanceof ResolverTarget.Servers given && given.servers().stream().allMatch(ServerAddress::isLoopback);
    }
}
