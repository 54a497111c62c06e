package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/**
 * One column of the propagation grid: a server asked on its own.
 *
 * @param role authoritative (asked without recursion) or resolver
 * @param target where the questions go: for an authoritative server exactly one address; for a
 *     resolver its addresses in order, the next one asked when one does not answer
 * @param label what the column is called: the name server's host name, or the resolver's name
 */
public record ProbeServer(Role role, ResolverTarget target, String label) {

    public ProbeServer {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
        if (target instanceof ResolverTarget.Authoritative) {
            throw new IllegalArgumentException("Give each authoritative server's address as its own column.");
        }
        if (role == Role.AUTHORITATIVE
                && !(target instanceof ResolverTarget.Servers servers && servers.servers().size() == 1)) {
            throw new IllegalArgumentException("An authoritative column is exactly one address.");
        }
    }

    /** One address of the name server {@code host}. */
    public static ProbeServer authoritative(String host, ServerAddress address) {
        return new ProbeServer(Role.AUTHORITATIVE, ResolverTarget.servers(List.of(address)), host);
    }

    /** A recursive resolver: the system's, a public one or servers given as {@code host:port}. */
    public static ProbeServer resolver(ResolverTarget target) {
        return new ProbeServer(Role.RESOLVER, target, target.displayName());
    }

    /** The resolvers a propagation check compares by default: this machine's, Google, Cloudflare and Quad9. */
    public static List<ProbeServer> standardResolvers() {
        return List.of(resolver(ResolverTarget.system()), resolver(PublicResolver.GOOGLE),
                resolver(PublicResolver.CLOUDFLARE), resolver(PublicResolver.QUAD9));
    }

    /** Stable across probes, to tell the same column in two snapshots: a name server by its name and address. */
    public String id() {
        return role == Role.AUTHORITATIVE ? role.jsonName() + ":" + label + "@" + target.id() : role.jsonName() + ":" + target.id();
    }
}
