package org.mailwright.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers kept for as long as their TTL allows: positive answers for their smallest record TTL,
 * NXDOMAIN and NODATA for the zone's negative-caching time. Failures are never kept.
 */
public final class DnsCache {

    /** No answer is kept longer than a day, whatever its TTL says (RFC 2181 section 8 allows capping). */
    static final long MAX_TTL_SECONDS = Duration.ofDays(1).toSeconds();

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Orders the entries by when they were stored, so a fresh view can skip what was there before it. */
    private final AtomicLong stamps = new AtomicLong();

    public DnsCache(Clock clock) {
        this.clock = clock;
    }

    /** The answer kept for the question, if it is still fresh and was stored at or after {@code storedSince}. */
    Optional<LookupResult> get(ResolverTarget target, String name, RecordType type, long storedSince) {
        String key = key(target, name, type);
        Entry entry = entries.get(key);
        if (entry == null || entry.stamp() < storedSince) {
            return Optional.empty();
        }
        long remaining = Duration.between(clock.instant(), entry.expires()).toSeconds();
        if (remaining <= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.result().fromCache(remaining));
    }

    void put(ResolverTarget target, LookupResult result) {
        boolean cacheable = switch (result.outcome()) {
            case OK, NXDOMAIN, NODATA -> result.ttl() > 0;
            default -> false;
        };
        if (cacheable) {
            Instant expires = clock.instant().plusSeconds(Math.min(result.ttl(), MAX_TTL_SECONDS));
            entries.put(key(target, result.name(), result.type()), new Entry(result, expires, stamps.incrementAndGet()));
        }
    }

    /** Forgets everything, for when the user asks to look again now. */
    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    private static String key(ResolverTarget target, String name, RecordType type) {
        return target.id() + '|' + name.toLowerCase(Locale.ROOT) + '|' + type.name();
    }

    /** The stamp the next entry stored will have. */
    long nextStamp() {
        return stamps.get() + 1;
    }

    private record Entry(LookupResult result, Instant expires, long stamp) {
    }
}
