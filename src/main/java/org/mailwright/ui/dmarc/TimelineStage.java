package org.mailwright.ui.dmarc;

import java.util.List;

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
 */
public record TimelineStage(int number, String name, String effect, String record, String zoneLine, String when,
                           String duration, List<String> criteria, Position position, boolean due) {

    /** Where a stage is, seen from the stage published now. */
    public enum Position {
        PASSED, CURRENT, NEXT, LATER
    }

    public TimelineStage {
        criteria = List.copyOf(criteria);
    }
}
