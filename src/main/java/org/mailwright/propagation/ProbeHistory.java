package org.mailwright.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A small history of what changed and when, across a series of snapshots: the latest snapshot,
 * what the last one changed, and up to {@code limit} non-empty changes, oldest first.
 */
public record ProbeHistory(Optional<Snapshot> latest, Optional<SnapshotDiff> lastDiff, List<SnapshotDiff> changes,
                           int limit) {

    /** How many changes a history keeps by default. */
    public static final int DEFAULT_LIMIT = 50;

    public ProbeHistory {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(lastDiff, "lastDiff");
        changes = List.copyOf(changes);
        if (limit < 1) {
            throw new IllegalArgumentException("A history keeps at least one change.");
        }
    }

    public static ProbeHistory empty() {
        return new ProbeHistory(Optional.empty(), Optional.empty(), List.of(), DEFAULT_LIMIT);
    }

    /** This history with {@code snapshot} as the latest, and what it changed added when it changed anything. */
    public ProbeHistory record(Snapshot snapshot) {
        SnapshotDiff diff = SnapshotDiff.between(latest, snapshot);
        List<SnapshotDiff> kept = new ArrayList<>(changes);
        if (!diff.isEmpty()) {
            kept.add(diff);
        }
        while (kept.size() > limit) {
            kept.remove(0);
        }
        return new ProbeHistory(Optional.of(snapshot), Optional.of(diff), kept, limit);
    }
}
