package org.mailwright.dmarc;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's rollout plan and how far it has got: the stage published now and since when.
 *
 * @param plan the plan, its dates following the current stage's real start
 * @param currentStage the number of the stage published now
 * @param currentSince when it was published
 */
public record SavedPlan(RolloutPlan plan, int currentStage, LocalDate currentSince) {

    public SavedPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(currentSince, "currentSince");
        plan = plan.rescheduledFrom(currentStage, currentSince);
    }

    /** A new plan, at its first stage from its start date. */
    public static SavedPlan started(RolloutPlan plan) {
        return new SavedPlan(plan, 1, plan.start());
    }

    public String domain() {
        return plan.domain();
    }

    public RolloutStage current() {
        return plan.stage(currentStage);
    }

    /** The stage after the current one, unless the current one is the last. */
    public Optional<RolloutStage> next() {
        return currentStage < plan.stages().size() ? Optional.of(plan.stage(currentStage + 1)) : Optional.empty();
    }

    /** When the next stage may begin, if its criteria hold; empty at the last stage. */
    public Optional<LocalDate> nextDueOn() {
        return next().map(RolloutStage::start);
    }

    /** True when the current stage has lasted its minimum: time to check the criteria and move on. */
    public boolean nextIsDue(LocalDate today) {
        return nextDueOn().map(due -> !today.isBefore(due)).orElse(false);
    }

    /**
     * The plan moved on to the next stage, published on {@code on}.
     *
     * @throws IllegalStateException at the last stage
     */
    public SavedPlan advance(LocalDate on) {
        if (next().isEmpty()) {
            throw new IllegalStateException("The plan for " + domain() + " is at its last stage.");
        }
        return new SavedPlan(plan, currentStage + 1, on);
    }
}
