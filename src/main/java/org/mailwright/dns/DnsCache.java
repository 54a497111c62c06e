package org.mailwright.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers kept for as long as their TTL allows: positive answers for their smallest record TTL,
 * NXDOMAIN and NODATA for the zone's negative-caching time. Failures are never kept. The answers
 * kept weigh at most {@link #MAX_WEIGHT} characters in all: past it, the expired ones go, then the
 * oldest, so a batch over a million domains keeps its memory bounded.
 */
public final class DnsCache {

    /** No answer is kept longer than a day, whatever its TTL says (RFC 2181 section 8 allows capping). */
    static final long MAX_TTL_SECONDS = Duration.ofDays(1).toSeconds();

    /**
     * What the answers kept may weigh in all, in characters of their names and values with their
     * objects counted: some 50 MB of heap, room for a few hundred thousand ordinary answers or
     * several hundred of the largest a server can send.
     */
    static final long MAX_WEIGHT = 32_000_000;
    /** What an answer weighs besides its records' characters: the objects that hold it. */
    private static final int ENTRY_OVERHEAD = 200;
    /** What each record weighs besides its characters. */
    private static final int RECORD_OVERHEAD = 100;

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong weight = new AtomicLong();
    /** Orders the entries by when they were stored, so a fresh view can skip what was there before it. */
    private final AtomicLong stamps = new AtomicLong();
    /** The lookups on their way, so a question asked again before its answer is back waits for it instead. */
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    /** A lookup on its way, and the stamp of when it was started. */
    private record Pending(CompletableFuture<LookupResult> answer, long stamp) {
    }

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
            forget(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.result().fromCache(remaining));
    }

    /**
     * The lookup of the question already on its way when it was started at or after
     * {@code storedSince}; otherwise the one {@code ask} starts now, which later askers share until
     * it is answered. Many domains of a batch that name the same include or mail host then cost
     * one query, not one each.
     */
    CompletableFuture<LookupResult> shared(ResolverTarget target, String name, RecordType type, long storedSince,
                                           Supplier<CompletableFuture<LookupResult>> ask) {
        String key = key(target, name, type);
        while (true) {
            Pending existing = pending.get(key);
            if (existing != null && existing.stamp() >= storedSince) {
                return existing.answer();
            }
            Pending mine = new Pending(new CompletableFuture<>(), nextStamp());
            boolean placed = existing == null ? pending.putIfAbsent(key, mine) == null : pending.replace(key, existing, mine);
            if (!placed) {
                continue;
            }
            CompletableFuture<LookupResult> asked;
            try {
                asked = ask.get();
            } catch (RuntimeException failed) {
                asked = CompletableFuture.failedFuture(failed);
            }
            asked.whenComplete((result, failure) -> {
                pending.remove(key, mine);
                if (failure != null) {
                    mine.answer().completeExceptionally(failure);
                } else {
                    mine.answer().complete(result);
                }
            });
            return mine.answer();
        }
    }

    void put(ResolverTarget target, LookupResult result) {
        boolean cacheable = switch (result.outcome()) {
            case OK, NXDOMAIN, NODATA -> result.ttl() > 0;
            default -> false;
        };
        if (cacheable) {
            Instant expires = clock.instant().plusSeconds(Math.min(result.ttl(), MAX_TTL_SECONDS));
            Entry entry = new Entry(result, expires, stamps.incrementAndGet(), weightOf(result));
            if (weight.get() + entry.weight() > MAX_WEIGHT) {
                makeRoom(entry.weight());
            }
            Entry replaced = entries.put(key(target, result.name(), result.type()), entry);
            weight.addAndGet(entry.weight() - (replaced == null ? 0 : replaced.weight()));
        }
    }

    /** Forgets everything, for when the user asks to look again now. */
    public void clear() {
        entries.forEach(this::forget);
    }

    /** The characters the answers kept weigh, their objects counted ({@link #MAX_WEIGHT} at most). */
    long weight() {
        return weight.get();
    }

    /**
     * Room for {@code needed} more: the expired answers go first, then the oldest, until a tenth of
     * the bound is free, so the next answers do not each have to make room again.
     */
    private synchronized void makeRoom(long needed) {
        long target = MAX_WEIGHT - Math.max(needed, MAX_WEIGHT / 10);
        if (weight.get() <= target) {
            return;
        }
        Instant now = clock.instant();
        entries.forEach((key, entry) -> {
            if (!entry.expires().isAfter(now)) {
                forget(key, entry);
            }
        });
        List<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().stream()
                .sorted(Comparator.comparingLong(stored -> stored.getValue().stamp()))
                .toList();
        for (Map.Entry<String, Entry> stored : oldestFirst) {
            if (weight.get() <= target) {
                return;
            }
            forget(stored.getKey(), stored.getValue());
        }
    }

    private void forget(String key, Entry entry) {
        if (entries.remove(key, entry)) {
            weight.addAndGet(-entry.weight());
        }
    }

    /** A TXT record's value is held twice: joined, and as its character-strings. */
    private static long weightOf(LookupResult result) {
        long weight = ENTRY_OVERHEAD + result.name().length();
        for (List<DnsRecord> records : List.of(result.records(), result.aliases())) {
            for (DnsRecord record : records) {
                weight += RECORD_OVERHEAD + record.name().length() + 2L * record.value().length();
            }
        }
        return weight;
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

    private record Entry(LookupResult result, Instant expires, long stamp, long weight) {
    }
}
