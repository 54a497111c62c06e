package org.mailwright.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The well-known public recursive resolvers admins compare against. */
public enum PublicResolver implements ResolverTarget {
    GOOGLE("Google Public DNS", "8.8.8.8", "8.8.4.4"),
    CLOUDFLARE("Cloudflare 1.1.1.1", "1.1.1.1", "1.0.0.1"),
    QUAD9("Quad9", "9.9.9.9", "149.112.112.112");

    private final String displayName;
    private final List<ServerAddress> servers;

    PublicResolver(String displayName, String primary, String secondary) {
        this.displayName = displayName;
        this.servers = List.of(
                new ServerAddress(primary, ServerAddress.DNS_PORT),
                new ServerAddress(secondary, ServerAddress.DNS_PORT));
    }

    public List<ServerAddress> servers() {
        return servers;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String displayName() {
        return displayName;
    }

    static Optional<PublicResolver> byId(String id) {
        for (PublicResolver resolver : values()) {
            if (resolver.id().equalsIgnoreCase(id)) {
                return Optional.of(resolver);
            }
        }
        return Optional.empty();
    }
}
