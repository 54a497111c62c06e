package org.mailwright.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.findings.ReportFinding;

/**
 * What the archive knows of a domain's sources over time.
 *
 * <p>Only the reports that began before they were imported count here: one dated ahead (a wrong
 * clock, a forger) would make every real source old news and every window end in the future.
 *
 * @param firstSeen each source address with the beginning of the first report that lists it
 * @param earliest the beginning of the domain's first report; empty when it has none
 * @param latest the beginning of its newest report
 * @param ahead the domain's reports that begin after they were imported, left out of the above;
 *     empty when it has none
 */
public record SourceHistory(Map<String, Instant> firstSeen, Optional<Instant> earliest, Optional<Instant> latest,
                            Optional<DatedAhead> ahead) {

    /** How recent a first sighting is news, and how long the archive must have watched before it can tell. */
    public static final Duration NEW_WITHIN = Duration.ofDays(7);

    public static final SourceHistory NONE = new SourceHistory(Map.of(), Optional.empty(), Optional.empty());

    /**
     * Reports that begin after they were imported (with a day's grace for clocks).
     *
     * @param reports how many, at least one
     * @param latest the latest beginning of them
     */
    public record DatedAhead(long reports, Instant latest) {
        public DatedAhead {
            Objects.requireNonNull(latest, "latest");
        }
    }

    public SourceHistory {
        firstSeen = Map.copyOf(firstSeen);
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(ahead, "ahead");
    }

    public SourceHistory(Map<String, Instant> firstSeen, Optional<Instant> earliest, Optional<Instant> latest) {
        this(firstSeen, earliest, latest, Optional.empty());
    }

    /** The warning that {@code domain} has reports dated ahead, left out of what tells new from old; empty when none. */
    public Optional<Finding> datedAheadWarning(String domain) {
        return ahead.map(dated -> ReportFinding.DATED_AHEAD.of(domain, dated.reports(),
                dated.latest().atZone(ZoneOffset.UTC).toLocalDate().toString()));
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
