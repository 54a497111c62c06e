package org.mailwright.check;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.mailwright.check.DnssecValidator.Status;
import org.mailwright.check.DnssecValidator.Verdict;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/**
 * DNSSEC validation that does not blame a domain for its resolver: a bogus or failed answer from
 * the first resolver is asked of the second (where the target has one) before it is believed,
 * and a secure answer from either wins, as a broken or non-DNSSEC resolver is the likelier fault.
 * One validator per resolver, kept for the whole run, so the keys it has proven are reused.
 */
final class SecondOpinion {

    private final Clock clock;
    private final Map<ServerAddress, DnssecValidator> validators = new ConcurrentHashMap<>();

    SecondOpinion(Clock clock) {
        this.clock = clock;
    }

    /**
     * The verdict on {@code name} {@code type} through the context's resolvers.
     *
     * @throws IllegalArgumentException (in the future) when the target is a zone's own servers, which do not validate
     */
    CompletableFuture<Verdict> validate(CheckContext context, DomainName name, RecordType type) {
        if (context.target() instanceof ResolverTarget.Authoritative) {
            return CompletableFuture.completedFuture(new Verdict(Status.FAILED, "", List.of()));
        }
        return context.resolver().serversOf(context.target()).thenCompose(servers -> {
            if (servers.isEmpty()) {
                return CompletableFuture.completedFuture(new Verdict(Status.FAILED, "", List.of()));
            }
            return ask(context, servers.get(0), name, type).thenCompose(first -> {
                boolean doubtful = first.status() == Status.BOGUS || first.status() == Status.FAILED
                        || first.status() == Status.RESOLVER_BLIND;
                if (!doubtful || servers.size() < 2) {
                    return CompletableFuture.completedFuture(first);
                }
                return ask(context, servers.get(1), name, type).thenApply(second -> second.status() == Status.FAILED
                        || second.status() == Status.RESOLVER_BLIND ? first : second);
            });
        });
    }

    private CompletableFuture<Verdict> ask(CheckContext context, ServerAddress server, DomainName name, RecordType type) {
        DnssecValidator validator;
        try {
            validator = validators.computeIfAbsent(server, address -> {
                try {
                    return DnssecValidator.of(address, context.resolver().options().timeout(), context.settings().trustAnchor(),
                            clock, ForkJoinPool.commonPool());
                } catch (IOException unreadable) {
                    throw new AnchorUnreadable(unreadable);
                }
            });
        } catch (AnchorUnreadable unreadable) {
            return CompletableFuture.completedFuture(new Verdict(Status.FAILED, "", List.of()));
        }
        return validator.validate(name, type);
    }

    /** The trust anchor file could not be read: nothing can be validated. */
    private static final class AnchorUnreadable extends RuntimeException {
        AnchorUnreadable(IOException cause) {
            super(cause);
        }
    }
}
