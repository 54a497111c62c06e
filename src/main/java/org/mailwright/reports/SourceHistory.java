package org.mailwright.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the archive knows of a domain's sources over time.
 *
 * @param firstSeen each source address with the beginning of the first report that lists it
 * @param earliest the beginning of the domain's first report; empty when it has none
 * @param latest the beginning of its newest report
 */
public record SourceHistory(Map<String, Instant> firstSeen, Optional<Instant> earliest, Optional<Instant> latest) {

    /** How recent a first sighting is news, and how long the archive must have watched before it can tell. */
    public static final Duration NEW_WITHIN = Duration.ofDays(7);

    public static final SourceHistory NONE = new SourceHistory(Map.of(), Optional.empty(), Optional.empty());

    public SourceHistory {
        firstSeen = Map.copyOf(firstSeen);
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
    }

    /**
     * When {@code address} was first seen, if that is news: within {@link #NEW_WITHIN} of the
     * newest report, and at least as long after the first, so a young archive calls nothing new.
     */
    public Optional<Instant> newSince(String address) {
        Instant first = firstSeen.get(address);
        if (first == null || earliest.isEmpty() || latest.isEmpty()) {
            return Optional.empty();
        }
        boolean recent = !first.isBefore(latest.get().minus(NEW_WITHIN));
        boolean watchedBefore = !first.isBefore(earliest.get().plus(NEW_WITHIN));
        return recent && watchedBefore ? Optional.of(first) : Optional.empty();
    }
}
