package org.mailwright.dns;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * Where a lookup is sent: the system's resolvers, a public resolver, explicit servers (tried in
 * order, the next one when one does not answer), or the authoritative servers of a zone.
 */
public sealed interface ResolverTarget
        permits ResolverTarget.SystemResolvers, PublicResolver, ResolverTarget.Servers, ResolverTarget.Authoritative {

    /** A stable identifier, suitable for settings and cache keys: {@code system}, {@code google}, {@code 127.0.0.1:5353}. */
    String id();

    /** A short English label for the status bar and the CLI, for example {@code Quad9}. */
    String displayName();

    /** The resolvers this machine is configured to use (resolv.conf or the platform equivalent). */
    static ResolverTarget system() {
        return SystemResolvers.INSTANCE;
    }

    /** Explicit servers, tried in the given order. */
    static ResolverTarget servers(List<ServerAddress> servers) {
        return new Servers(servers);
    }

    /**
     * Parses what a user types: {@code system}, {@code google}, {@code cloudflare}, {@code quad9},
     * or one or more {@code HOST[:PORT]} separated by commas or spaces.
     *
     * @throws ProblemException with the sentence that says why, in the reader's language
     */
    static ResolverTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(new Problem("dns.server.no-resolver"));
        }
        String value = text.trim();
        if (value.equalsIgnoreCase(SystemResolvers.INSTANCE.id())) {
            return SystemResolvers.INSTANCE;
        }
        var publicResolver = PublicResolver.byId(value);
        if (publicResolver.isPresent()) {
            return publicResolver.get();
        }
        List<ServerAddress> servers = java.util.Arrays.stream(value.split("[,\\s]+"))
                .filter(part -> !part.isEmpty())
                .map(ServerAddress::parse)
                .toList();
        return new Servers(servers);
    }

    /** The machine's own resolvers. */
    enum SystemResolvers implements ResolverTarget {
        INSTANCE;

        @Override
        public String id() {
            return "system";
        }

        @Override
        public String displayName() {
            return "System resolvers";
        }
    }

    /** Explicit servers, tried in order until one answers. */
    record Servers(List<ServerAddress> servers) implements ResolverTarget {
        public Servers {
            servers = List.copyOf(servers);
            if (servers.isEmpty()) {
                throw new ProblemException(new Problem("dns.server.none"));
            }
        }

        @Override
        public String id() {
            return servers.stream().map(ServerAddress::toString).collect(Collectors.joining(","));
        }

        @Override
        public String displayName() {
            return id();
        }
    }

    /**
     * The authoritative servers of {@code zone}: its NS names and each of their A and AAAA
     * addresses, found through {@code via}. {@code port} is the port they are asked on (53 in
     * the world; the test servers' port on loopback).
     */
    record Authoritative(String zone, ResolverTarget via, int port) implements ResolverTarget {
        public Authoritative {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(via, "via");
            if (via instanceof Authoritative) {
                throw new IllegalArgumentException("Authoritative servers are found through a resolver, not through other authoritative servers.");
            }
        }

        public Authoritative(String zone, ResolverTarget via) {
            this(zone, via, ServerAddress.DNS_PORT);
        }

        @Override
        public String id() {
            return "authoritative:" + zone + "@" + via.id() + (port == ServerAddress.DNS_PORT ? "" : ":" + port);
        }

        @Override
        public String displayName() {
            return "Authoritative servers of " + zone;
        }
    }
}
