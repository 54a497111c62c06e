package org.mailwright.dns;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the resolver service is.
 *
 * @param timeout how long to wait for one server's answer to one attempt
 * @param retries how many more attempts after the first before a server counts as silent
 * @param cacheEnabled whether answers are kept for their TTL and reused
 */
public record ResolverOptions(Duration timeout, int retries, boolean cacheEnabled) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);
    public static final int DEFAULT_RETRIES = 1;

    public ResolverOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be longer than zero.");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("Retries cannot be negative.");
        }
    }

    public static ResolverOptions defaults() {
        return new ResolverOptions(DEFAULT_TIMEOUT, DEFAULT_RETRIES, true);
    }

    public ResolverOptions withTimeout(Duration newTimeout) {
        return new ResolverOptions(newTimeout, retries, cacheEnabled);
    }

    public ResolverOptions withRetries(int newRetries) {
        return new ResolverOptions(timeout, newRetries, cacheEnabled);
    }

    public ResolverOptions withCache(boolean enabled) {
        return new ResolverOptions(timeout, retries, enabled);
    }
}
