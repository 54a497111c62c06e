package org.mailwright.dns;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one check may still ask of the DNS: the queries left and the moment it must end
 * ({@link ResolverOptions#maxQueries()}, {@link ResolverOptions#deadline()}). Shared by a service
 * and its {@link ResolverService#fresh()} views; {@link ResolverService#newCheck()} starts anew.
 */
final class CheckBounds {

    private final int maxQueries;
    private final AtomicLong sent = new AtomicLong();
    private final Optional<Duration> deadline;
    /** When the deadline passes, in {@link System#nanoTime()}'s terms; unused without a deadline. */
    private final long endsAt;

    CheckBounds(ResolverOptions options) {
        this.maxQueries = options.maxQueries();
        this.deadline = options.deadline();
        this.endsAt = System.nanoTime() + deadline.map(Duration::toNanos).orElse(0L);
    }

    /**
     * Takes one query from what is left, or says why none may be sent: the deadline passed, or
     * every query was sent.
     */
    Optional<DnsTransport.Exchange.Failed> spend() {
        if (passed()) {
            return Optional.of(new DnsTransport.Exchange.Failed(Outcome.DEADLINE, deadlineDetail()));
        }
        if (sent.incrementAndGet() > maxQueries) {
            return Optional.of(new DnsTransport.Exchange.Failed(Outcome.QUERY_LIMIT, Detail.of("query-limit", maxQueries)));
        }
        return Optional.empty();
    }

    /** True once the deadline has passed. */
    boolean passed() {
        return deadline.isPresent() && System.nanoTime() - endsAt >= 0;
    }

    /** When an attempt started now must end ({@link System#nanoTime()}): after {@code timeout}, or at the deadline if sooner. */
    long until(Duration timeout) {
        long byTimeout = System.nanoTime() + timeout.toNanos();
        return deadline.isPresent() && endsAt - byTimeout < 0 ? endsAt : byTimeout;
    }

    Detail deadlineDetail() {
        return Detail.of("deadline", deadline.map(Duration::toMillis).orElse(0L));
    }
}
