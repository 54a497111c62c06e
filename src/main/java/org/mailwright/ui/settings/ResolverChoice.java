package org.mailwright.ui.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/** Which resolver the window asks: the machine's own, a public one, or a server the user names. */
public enum ResolverChoice {
    SYSTEM("system"),
    GOOGLE("google"),
    CLOUDFLARE("cloudflare"),
    QUAD9("quad9"),
    CUSTOM("custom");

    private final String id;

    ResolverChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The target this choice stands for; {@code customServer} ({@code host[:port]}) is read only
     * for {@link #CUSTOM}.
     *
     * @throws IllegalArgumentException with a sentence fit for the user when the custom server is
     *     not an address
     */
    public ResolverTarget target(String customServer) {
        return switch (this) {
            case SYSTEM -> ResolverTarget.system();
            case GOOGLE -> PublicResolver.GOOGLE;
            case CLOUDFLARE -> PublicResolver.CLOUDFLARE;
            case QUAD9 -> PublicResolver.QUAD9;
            case CUSTOM -> ResolverTarget.servers(List.of(ServerAddress.parse(customServer)));
        };
    }

    public static Optional<ResolverChoice> byId(String id) {
        return Arrays.stream(values()).filter(choice -> choice.id.equals(id)).findFirst();
    }
}
