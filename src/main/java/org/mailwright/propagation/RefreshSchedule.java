package org.mailwright.propagation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long to wait before probing again: the minimum after a change, doubling each time nothing
 * changed up to the maximum (15 s growing to 5 min by default), but never waiting past the next
 * moment a cache is expected to run out, so a cell turns green soon after it can.
 *
 * @param minimum the shortest wait, and the wait after a change
 * @param maximum the longest wait
 * @param current the wait as backed off so far
 */
public record RefreshSchedule(Duration minimum, Duration maximum, Duration current) {

    public static final Duration DEFAULT_MINIMUM = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAXIMUM = Duration.ofMinutes(5);
    /** A cache that expires at a moment is asked a little after it, not at the edge. */
    static final Duration AFTER_EXPIRY = Duration.ofSeconds(1);

    public RefreshSchedule {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(current, "current");
        if (minimum.isNegative() || minimum.isZero() || maximum.compareTo(minimum) < 0
                || current.compareTo(minimum) < 0 || current.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("A schedule needs 0 < minimum <= current <= maximum.");
        }
    }

    public static RefreshSchedule standard() {
        return new RefreshSchedule(DEFAULT_MINIMUM, DEFAULT_MAXIMUM, DEFAULT_MINIMUM);
    }

    /** The schedule after a probe: back to the minimum when something changed, otherwise twice as long (up to the maximum). */
    public RefreshSchedule after(SnapshotDiff diff) {
        if (!diff.isEmpty()) {
            return new RefreshSchedule(minimum, maximum, minimum);
        }
        Duration doubled = current.multipliedBy(2);
        return new RefreshSchedule(minimum, maximum, doubled.compareTo(maximum) > 0 ? maximum : doubled);
    }

    /**
     * The wait before the next probe, seen at {@code now}: the current wait, or less when a cell
     * of {@code snapshot} is expected to change sooner, but never less than the minimum.
     */
    public Duration delay(Snapshot snapshot, Instant now) {
        Optional<Instant> nextChange = snapshot.rows().stream()
                .flatMap(row -> row.cells().stream())
                .filter(cell -> cell.state() != CellState.MATCH)
                .flatMap(cell -> cell.expectedBy().stream())
                .filter(at -> at.isAfter(now))
                .min(Instant::compareTo);
        Duration wait = current;
        if (nextChange.isPresent()) {
            Duration untilChange = Duration.between(now, nextChange.get()).plus(AFTER_EXPIRY);
            if (untilChange.compareTo(wait) < 0) {
                wait = untilChange;
            }
        }
        return wait.compareTo(minimum) < 0 ? minimum : wait;
    }
}
