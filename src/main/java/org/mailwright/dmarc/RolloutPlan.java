package org.mailwright.dmarc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.mailwright.dns.DomainName;

/**
 * A staged way from monitoring to {@code p=reject} for one domain (RFC 9989 section 5.1):
 * {@code p=none} with reports, then {@code p=quarantine; t=y}, {@code p=quarantine},
 * {@code p=reject; t=y} and {@code p=reject}, each with its exact record, a minimum duration, the
 * criteria to move on, and a date.
 *
 * <p>Names that do not exist send no legitimate mail, so the quarantine stages add
 * {@code np=reject}; in the reject stages it would repeat {@code p}. Subdomains follow {@code p}
 * throughout ({@code sp} is left out).
 *
 * <p>The optional legacy ladder is for receivers still on RFC 7489, which ignore {@code t} and
 * know only {@code pct}: each test stage becomes three, with {@code pct=5}, {@code 25} and
 * {@code 50}, still with {@code t=y}. RFC 7489 receivers then apply the policy to that share of
 * failing mail, while RFC 9989 receivers, which ignore {@code pct}, apply one level less because of
 * {@code t=y}. The full stage that follows is the 100%.
 *
 * @param domain the domain, canonical
 * @param aggregateReports where aggregate reports go, needed from the first stage on
 * @param failureReports where failure reports go ({@code ruf}), the same at every stage; often empty
 * @param start the first stage's start date
 * @param legacyPercentages whether the plan has the RFC 7489 {@code pct} ladder
 * @param stages the stages in order, with their dates
 * @param advice what to know about subdomains, names that do not exist, the ladder and mailing lists
 */
public record RolloutPlan(String domain, List<ReportUri> aggregateReports, List<ReportUri> failureReports, LocalDate start,
                          boolean legacyPercentages, List<RolloutStage> stages, List<PlanText> advice) {

    /** The {@code pct} steps of the legacy ladder; the full stage after them is 100. */
    public static final List<Integer> LADDER = List.of(5, 25, 50);
    /** The share of legitimate mail that must pass DMARC before moving on, in percent. */
    public static final int ALIGNED_PERCENT = 98;
    /** For how many days in a row it must hold. */
    public static final int ALIGNED_DAYS = 14;
    /** The least time at each step of the legacy ladder. */
    public static final int LADDER_DAYS = 7;

    public RolloutPlan {
        Objects.requireNonNull(domain, "domain");
        aggregateReports = List.copyOf(aggregateReports);
        failureReports = List.copyOf(failureReports);
        Objects.requireNonNull(start, "start");
        stages = List.copyOf(stages);
        advice = List.copyOf(advice);
    }

    /**
     * Plans the rollout for {@code domain}, starting on {@code start}.
     *
     * @throws IllegalArgumentException when the domain is not a domain name or there is no report
     *     address (monitoring without reports shows nothing)
     */
    public static RolloutPlan create(String domain, List<ReportUri> aggregateReports, LocalDate start,
                                     boolean legacyPercentages) {
        return create(domain, aggregateReports, List.of(), start, legacyPercentages);
    }

    /**
     * Plans the rollout for {@code domain}, starting on {@code start}, with failure reports going
     * to {@code failureReports} at every stage.
     *
     * @throws IllegalArgumentException when the domain is not a domain name or there is no report
     *     address (monitoring without reports shows nothing)
     */
    public static RolloutPlan create(String domain, List<ReportUri> aggregateReports, List<ReportUri> failureReports,
                                     LocalDate start, boolean legacyPercentages) {
        String name = DomainName.of(domain).ascii();
        if (aggregateReports.isEmpty()) {
            throw new IllegalArgumentException("A rollout plan needs at least one rua address: monitoring shows nothing without reports.");
        }
        List<RolloutStage> stages = new ArrayList<>();
        LocalDate date = start;
        for (RolloutStep step : RolloutStep.values()) {
            List<OptionalInt> percentages = legacyPercentages && step.testing()
                    ? LADDER.stream().map(OptionalInt::of).toList()
                    : List.of(OptionalInt.empty());
            for (OptionalInt percentage : percentages) {
                RolloutStage stage = stage(stages.size() + 1, step, percentage, name, aggregateReports, failureReports, date);
                stages.add(stage);
                date = stage.earliestNext();
            }
        }
        int firstNp = stages.stream().filter(s -> s.record().nonExistentPolicy().isPresent())
                .mapToInt(RolloutStage::number).findFirst().orElseThrow();
        List<PlanText> advice = List.of(
                PlanText.of("dmarc.plan.advice.subdomains", name),
                PlanText.of("dmarc.plan.advice.np", firstNp, name),
                PlanText.of(legacyPercentages ? "dmarc.plan.advice.legacy-on" : "dmarc.plan.advice.legacy-off"),
                PlanText.of("dmarc.plan.advice.mailing-lists", name));
        return new RolloutPlan(name, aggregateReports, failureReports, start, legacyPercentages, stages, advice);
    }

    /** Where every stage's record is published. */
    public String recordName() {
        return PolicyDiscovery.DMARC_PREFIX + domain;
    }

    /** The stage with this number. */
    public RolloutStage stage(int number) {
        if (number < 1 || number > stages.size()) {
            throw new IllegalArgumentException("The plan has stages 1 to " + stages.size() + ", not " + number + ".");
        }
        return stages.get(number - 1);
    }

    /**
     * The stage of this plan where {@code saved} stands now: the same step and {@code pct} rung,
     * else the same step (a plan with or without the ladder numbers its stages differently).
     */
    public RolloutStage stageLike(SavedPlan saved) {
        RolloutStage current = saved.current();
        return stages.stream().filter(stage -> stage.step() == current.step() && stage.percentage().equals(current.percentage()))
                .findFirst()
                .or(() -> stages.stream().filter(stage -> stage.step() == current.step()).findFirst())
                .orElseThrow();
    }

    /**
     * The same plan with stage {@code number} started on {@code since} and the later stages moved
     * to follow it; the earlier stages keep their dates.
     */
    public RolloutPlan rescheduledFrom(int number, LocalDate since) {
        stage(number);
        List<RolloutStage> moved = new ArrayList<>(stages.subList(0, number - 1));
        LocalDate date = since;
        for (RolloutStage stage : stages.subList(number - 1, stages.size())) {
            RolloutStage shifted = new RolloutStage(stage.number(), stage.step(), stage.percentage(), stage.record(),
                    stage.minimumDays(), date, stage.criteria());
            moved.add(shifted);
            date = shifted.earliestNext();
        }
        return new RolloutPlan(domain, aggregateReports, failureReports, start, legacyPercentages, moved, advice);
    }

    private static RolloutStage stage(int number, RolloutStep step, OptionalInt percentage, String domain,
                                      List<ReportUri> aggregateReports, List<ReportUri> failureReports,
                                      LocalDate start) {
        DmarcRecordBuilder record = new DmarcRecordBuilder().policy(step.policy()).testing(step.testing());
        if (step.policy() == Policy.QUARANTINE) {
            record.nonExistentPolicy(Policy.REJECT);
        }
        percentage.ifPresent(record::percentage);
        aggregateReports.forEach(record::aggregateReport);
        failureReports.forEach(record::failureReport);
        int days = percentage.isPresent() ? LADDER_DAYS : step.minimumDays();
        int alignedDays = Math.min(ALIGNED_DAYS, days);
        String mailbox = aggregateReports.get(0).isMailto() ? aggregateReports.get(0).address() : aggregateReports.get(0).uri();
        List<PlanText> criteria = switch (step) {
            case MONITOR -> List.of(
                    PlanText.of("dmarc.plan.criterion.reports-arriving", mailbox),
                    PlanText.of("dmarc.plan.criterion.no-unknown-source", domain),
                    PlanText.of("dmarc.plan.criterion.dkim-everywhere", domain),
                    PlanText.of("dmarc.plan.criterion.aligned", ALIGNED_PERCENT, alignedDays));
            case QUARANTINE_TEST, REJECT_TEST -> percentage.isPresent()
                    ? List.of(PlanText.of("dmarc.plan.criterion.aligned", ALIGNED_PERCENT, alignedDays),
                            PlanText.of("dmarc.plan.criterion.none-held-back", days),
                            PlanText.of("dmarc.plan.criterion.no-complaints", domain, days))
                    : List.of(PlanText.of("dmarc.plan.criterion.aligned", ALIGNED_PERCENT, alignedDays),
                            PlanText.of("dmarc.plan.criterion.no-complaints", domain, days));
            case QUARANTINE -> List.of(
                    PlanText.of("dmarc.plan.criterion.aligned", ALIGNED_PERCENT, alignedDays),
                    PlanText.of("dmarc.plan.criterion.none-held-back", alignedDays),
                    PlanText.of("dmarc.plan.criterion.no-complaints", domain, alignedDays));
            case REJECT -> List.of(PlanText.of("dmarc.plan.criterion.keep-reading"));
        };
        return new RolloutStage(number, step, percentage, record.build(), days, start, criteria);
    }
}
