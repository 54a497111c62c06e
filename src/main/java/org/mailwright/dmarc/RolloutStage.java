package org.mailwright.dmarc;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.mailwright.findings.DmarcFinding;
import org.mailwright.findings.Finding;
import org.mailwright.findings.FindingType;
import org.mailwright.i18n.Messages;

/**
 * One stage of a rollout plan: the exact record to publish, from when, for how long at least, and
 * what must be true before moving on.
 *
 * @param number the stage's place in the plan, from 1
 * @param step the policy step
 * @param percentage the legacy RFC 7489 {@code pct} of this stage, when the plan has the ladder
 * @param record the record to publish at {@code _dmarc.<domain>}
 * @param minimumDays the recommended least time at this stage; 0 for the last stage
 * @param start the date the stage starts (planned, or actual once it has started)
 * @param criteria what must hold before moving on to the next stage
 */
public record RolloutStage(int number, RolloutStep step, OptionalInt percentage, DmarcRecord record,
                           int minimumDays, LocalDate start, List<PlanText> criteria) {

    public RolloutStage {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(percentage, "percentage");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(start, "start");
        criteria = List.copyOf(criteria);
    }

    /** The earliest date to move on: the start plus the minimum duration. */
    public LocalDate earliestNext() {
        return start.plusDays(minimumDays);
    }

    public boolean isFinal() {
        return step == RolloutStep.REJECT;
    }

    /**
     * The findings this stage's record causes on purpose, which describe the plan rather than a
     * mistake in it: {@code p=none} while monitoring, {@code t=y} in a test stage, {@code pct} on
     * the legacy ladder.
     */
    public Set<FindingType> intendedFindings() {
        Set<FindingType> intended = new HashSet<>();
        if (step == RolloutStep.MONITOR) {
            intended.add(DmarcFinding.POLICY_NONE);
        }
        if (step.testing()) {
            intended.add(DmarcFinding.TESTING);
        }
        if (percentage.isPresent()) {
            intended.add(DmarcFinding.LEGACY_TAG);
            intended.add(DmarcFinding.PCT_IGNORED);
        }
        return Set.copyOf(intended);
    }

    /** The findings of this stage's record that are not {@linkplain #intendedFindings() intended}. */
    public List<Finding> unintendedFindings(List<Finding> findings) {
        Set<FindingType> intended = intendedFindings();
        return findings.stream().filter(finding -> !intended.contains(finding.type())).toList();
    }

    /** The stage's name, for example "Quarantine in test mode, 25% for RFC 7489 receivers". */
    public String name(Locale locale) {
        String name = Messages.get(locale, "dmarc.plan.stage." + step.id());
        return percentage.isPresent()
                ? Messages.get(locale, "dmarc.plan.stage.with-pct", name, percentage.getAsInt())
                : name;
    }

    /** What receivers do with failing mail during this stage, in one or two sentences. */
    public String effect(Locale locale) {
        return Messages.get(locale, "dmarc.plan.stage." + step.id() + ".effect");
    }
}
