package org.mailwright.dns;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How patient the resolver service is, and how much one check may ask of the DNS.
 *
 * <p>The overall bounds ({@code maxQueries}, {@code deadline}) hold for one check: a command of
 * the command line, or one round of a long-running one ({@link ResolverService#newCheck()}). A
 * service that lives as long as the window has none ({@link #defaults()}); each lookup there is
 * still bounded by its timeout, retries and servers, and the user can cancel.
 *
 * @param timeout how long to wait for one server's answer to one attempt
 * @param retries how many more attempts after the first before a server counts as silent
 * @param cacheEnabled whether answers are kept for their TTL and reused
 * @param maxQueries how many queries one check may send; past them a lookup ends as {@link Outcome#QUERY_LIMIT}
 * @param deadline how long one check may take; past it a lookup ends as {@link Outcome#DEADLINE}
 */
public record ResolverOptions(Duration timeout, int retries, boolean cacheEnabled, int maxQueries, Optional<Duration> deadline) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);
    public static final int DEFAULT_RETRIES = 1;
    /**
     * The queries a command may send: a domain's full check needs a few dozen (SPF stops at 10
     * lookups, each with its addresses), so only a runaway (a hostile name-server list, a batch
     * gone wrong) comes near it.
     */
    public static final int COMMAND_MAX_QUERIES = 2_000;
    /** How long a command may take: a minute, enough for every healthy check, even over slow servers. */
    public static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);
    /** No bound on the number of queries. */
    public static final int UNLIMITED_QUERIES = Integer.MAX_VALUE;

    public ResolverOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadline, "deadline");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be longer than zero.");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("Retries cannot be negative.");
        }
        if (maxQueries < 1) {
            throw new IllegalArgumentException("A check must be allowed at least one query.");
        }
        if (deadline.isPresent() && (deadline.get().isNegative() || deadline.get().isZero())) {
            throw new IllegalArgumentException("The deadline must be longer than zero.");
        }
    }

    /** Without overall bounds: each lookup bounded by its timeout and retries only. */
    public ResolverOptions(Duration timeout, int retries, boolean cacheEnabled) {
        this(timeout, retries, cacheEnabled, UNLIMITED_QUERIES, Optional.empty());
    }

    /** For a service that lives as long as the window: the default timeout and retries, a cache, no overall bounds. */
    public static ResolverOptions defaults() {
        return new ResolverOptions(DEFAULT_TIMEOUT, DEFAULT_RETRIES, true);
    }

    /** For one command: the defaults, with {@link #COMMAND_MAX_QUERIES} and {@link #COMMAND_DEADLINE}. */
    public static ResolverOptions forCommand() {
        return defaults().withMaxQueries(COMMAND_MAX_QUERIES).withDeadline(COMMAND_DEADLINE);
    }

    public ResolverOptions withTimeout(Duration newTimeout) {
        return new ResolverOptions(newTimeout, retries, cacheEnabled, maxQueries, deadline);
    }

    public ResolverOptions withRetries(int newRetries) {
        return new ResolverOptions(timeout, newRetries, cacheEnabled, maxQueries, deadline);
    }

    public ResolverOptions withCache(boolean enabled) {
        return new ResolverOptions(timeout, retries, enabled, maxQueries, deadline);
    }

    public ResolverOptions withMaxQueries(int newMaxQueries) {
        return new ResolverOptions(timeout, retries, cacheEnabled, newMaxQueries, deadline);
    }

    public ResolverOptions withDeadline(Duration newDeadline) {
        return new ResolverOptions(timeout, retries, cacheEnabled, maxQueries, Optional.of(newDeadline));
    }
}
