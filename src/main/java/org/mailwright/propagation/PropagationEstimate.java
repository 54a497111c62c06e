package org.mailwright.propagation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When every server should show every expected record.
 *
 * @param status done, estimated, or unknown (some server failed to answer, or an authoritative
 *     server lacks the record without being behind: it was never published there)
 * @param at the estimated moment; for done, when it was seen; empty when unknown
 */
public record PropagationEstimate(Status status, Optional<Instant> at) {

    public enum Status {
        /** Every server matches already. */
        DONE,
        /** Every difference should clear by {@link #at()}, as caches expire and secondaries refresh. */
        ESTIMATED,
        /** Nothing says when it will be complete. */
        UNKNOWN
    }

    public PropagationEstimate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (status == Status.UNKNOWN == at.isPresent()) {
            throw new IllegalArgumentException("An estimate has a moment exactly when it is not unknown.");
        }
    }

    public static PropagationEstimate done(Instant seen) {
        return new PropagationEstimate(Status.DONE, Optional.of(seen));
    }

    public static PropagationEstimate estimated(Instant at) {
        return new PropagationEstimate(Status.ESTIMATED, Optional.of(at));
    }

    public static PropagationEstimate unknown() {
        return new PropagationEstimate(Status.UNKNOWN, Optional.empty());
    }
}
