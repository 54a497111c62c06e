package org.mailwright.ui.dmarc;

import java.util.List;
import java.util.Optional;
import org.mailwright.findings.Finding;

/**
 * One stage of the rollout plan as the timeline shows it, in the language chosen now.
 *
 * @param number its place in the plan, from 1
 * @param name for example "Quarantine in test mode"
 * @param effect what receivers do with failing mail meanwhile
 * @param record the exact record to publish
 * @param zoneLine the same as a zone-file line
 * @param when when it starts (or since when it is published); empty for a stage already passed
 * @param duration how long it lasts at least
 * @param criteria what must hold before moving on; empty for the last stage
 * @param position where it is in the plan
 * @param due true for the next stage once its date has come
 * @param readinessTitle for the stage published now, the question whether the next may begin;
 *     empty for the other stages and the last
 * @param readiness what the DMARC reports say to it, once read
 * @param readinessNote while they are read, or when they cannot be, a sentence saying so; else empty
 */
public record TimelineStage(int number, String name, String effect, String record, String zoneLine, String when,
                           String duration, List<String> criteria, Position position, boolean due, String readinessTitle,
                           Optional<Finding> readiness, String readinessNote) {

    /** Where a stage is, seen from the stage published now. */
    public enum Position {
        PASSED, CURRENT, NEXT, LATER
    }

    public TimelineStage {
        criteria = List.copyOf(criteria);
    }
}
