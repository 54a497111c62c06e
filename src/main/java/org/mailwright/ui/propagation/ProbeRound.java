package org.mailwright.ui.propagation;

import java.util.Objects;
import org.mailwright.propagation.Snapshot;
import org.mailwright.propagation.WatchPlan;

/** One check of a watch: the servers it asked and what they said. */
record ProbeRound(WatchPlan plan, Snapshot snapshot) {

    ProbeRound {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
