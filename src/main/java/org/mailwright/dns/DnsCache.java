package org.mailwright.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept for as long as their TTL allows: positive answers for their smallest record TTL,
 * NXDOMAIN and NODATA for the zone's negative-caching time. Failures are never kept.
 */
public final class DnsCache {

    /** No answer is kept longer than a day, whatever its TTL says (RFC 2181 section 8 allows capping). */
    static final long MAX_TTL_SECONDS = Duration.ofDays(1).toSeconds();

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public DnsCache(Clock clock) {
        this.clock = clock;
    }

    Optional<LookupResult> get(ResolverTarget target, String name, RecordType type) {
        String key = key(target, name, type);
        Entry entry = entries.get(key);
        if (entry == null) {
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
            entries.put(key(target, result.name(), result.type()), new Entry(result, expires));
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

    private record Entry(LookupResult result, Instant expires) {
    }
}
