package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.Finding;

/** The staged rollout: exact records, durations, dates, criteria and advice. */
class RolloutPlanTest {

    private static final List<ReportUri> RUA = List.of(ReportUri.parse("mailto:dmarc@example.com").orElseThrow());
    private static final LocalDate JUNE_FIRST = LocalDate.of(2026, 6, 1);

    @Test
    void failureReportAddressesAreInEveryStage() {
        List<ReportUri> ruf = List.of(ReportUri.parse("mailto:forensic@example.com").orElseThrow());
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, ruf, JUNE_FIRST, false);

        assertEquals(ruf, plan.failureReports());
        assertTrue(records(plan).stream().allMatch(record -> record.endsWith("; rua=mailto:dmarc@example.com; ruf=mailto:forensic@example.com")),
                records(plan).toString());
        assertEquals(ruf, plan.rescheduledFrom(3, JUNE_FIRST).stage(4).record().failureReportUris());
    }

    @Test
    void eachStageHasNoFindingsButTheOnesItMeans() {
        for (boolean ladder : List.of(false, true)) {
            for (RolloutStage stage : RolloutPlan.create("example.com", RUA, JUNE_FIRST, ladder).stages()) {
                List<Finding> findings = DmarcLinter.recordFindings(stage.record(), PolicyScope.DOMAIN);
                assertEquals(List.of(), stage.unintendedFindings(findings), stage.record().text());
            }
        }
        RolloutStage reject = RolloutPlan.create("example.com", RUA, JUNE_FIRST, false).stage(5);
        List<Finding> monitoring = DmarcLinter.recordFindings(DmarcRecord.parse("v=DMARC1; p=none; rua=mailto:d@example.com"),
                PolicyScope.DOMAIN);
        assertEquals(List.of("dmarc.policy-none"), reject.unintendedFindings(monitoring).stream().map(Finding::id).toList(),
                "p=none is a step back from the last stage, not what it means");
    }

    @Test
    void aRolloutStartsAtTheStepThatAsksWhatIsPublishedNow() {
        assertEquals(RolloutStep.MONITOR, RolloutStep.asking(policy(null)));
        assertEquals(RolloutStep.MONITOR, RolloutStep.asking(policy("v=DMARC1; p=none; rua=mailto:d@example.com")));
        assertEquals(RolloutStep.QUARANTINE_TEST, RolloutStep.asking(policy("v=DMARC1; p=Quarantine; t=y")));
        assertEquals(RolloutStep.REJECT, RolloutStep.asking(policy("v=DMARC1; p=reject")));
        assertEquals(RolloutStep.REJECT_TEST, RolloutStep.asking(policy("v=DMARC1; p=reject; t=y")));
        assertEquals(RolloutStep.MONITOR, RolloutStep.asking(policy("v=DMARC1; p=block")), "a record receivers ignore asks nothing");
    }

    /** The policy of example.com when {@code record} is its own record, or none is published. */
    private static DiscoveredPolicy policy(String record) {
        List<String> values = record == null ? List.of() : List.of(record);
        LookupResult lookup = new LookupResult("_dmarc.example.com", RecordType.TXT, values.isEmpty() ? Outcome.NXDOMAIN : Outcome.OK,
                values.stream().map(value -> new DnsRecord("_dmarc.example.com", RecordType.TXT, 300, value, List.of(value))).toList(),
                List.of(), 300, "test", null, false, Duration.ZERO);
        TreeWalk walk = new TreeWalk("example.com", List.of(new WalkStep("example.com", lookup)));
        return new DiscoveredPolicy("example.com", walk, record == null ? DiscoveredPolicy.Source.NONE : DiscoveredPolicy.Source.OWN,
                record == null ? "" : "example.com", Optional.empty());
    }

    @Test
    void goesFromMonitoringToRejectThroughTheTestSteps() {
        RolloutPlan plan = RolloutPlan.create("Example.COM", RUA, JUNE_FIRST, false);
        assertEquals("example.com", plan.domain());
        assertEquals("_dmarc.example.com", plan.recordName());
        assertEquals(List.of(
                "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
                "v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@example.com",
                "v=DMARC1; p=quarantine; np=reject; rua=mailto:dmarc@example.com",
                "v=DMARC1; p=reject; t=y; rua=mailto:dmarc@example.com",
                "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"), records(plan));
        assertEquals(List.of(28, 14, 28, 14, 0), plan.stages().stream().map(RolloutStage::minimumDays).toList());
        assertEquals(List.of(JUNE_FIRST, LocalDate.of(2026, 6, 29), LocalDate.of(2026, 7, 13),
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 24)),
                plan.stages().stream().map(RolloutStage::start).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), plan.stages().stream().map(RolloutStage::number).toList());
        assertTrue(plan.stage(5).isFinal());
        assertFalse(plan.stage(4).isFinal());
    }

    @Test
    void everyStageRecordMeansWhatTheStageSays() {
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, true);
        for (RolloutStage stage : plan.stages()) {
            DmarcRecord record = stage.record();
            assertTrue(record.isDmarc());
            assertEquals(List.of(), record.problems());
            assertEquals(stage.step().policy(), record.policy().orElseThrow());
            assertEquals(stage.step().testing(), record.testing());
            assertEquals(stage.percentage(), record.percentage());
            assertEquals(RUA, record.aggregateReportUris());
            assertEquals(record.policy().get() == Policy.QUARANTINE ? Policy.REJECT : record.policy().get(),
                    record.requestedPolicy(PolicyScope.NON_EXISTENT_SUBDOMAIN).orElseThrow());
        }
        assertEquals(List.of(), DmarcLinter.recordFindings(plan.stages().get(plan.stages().size() - 1).record(), PolicyScope.DOMAIN));
    }

    @Test
    void theLegacyLadderSplitsEachTestStepIntoFivePercentTwentyFiveAndFifty() {
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, true);
        assertEquals(9, plan.stages().size());
        assertEquals(List.of(OptionalInt.empty(), OptionalInt.of(5), OptionalInt.of(25), OptionalInt.of(50), OptionalInt.empty(),
                OptionalInt.of(5), OptionalInt.of(25), OptionalInt.of(50), OptionalInt.empty()),
                plan.stages().stream().map(RolloutStage::percentage).toList());
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; pct=25; rua=mailto:dmarc@example.com", plan.stage(3).record().text());
        assertEquals("v=DMARC1; p=reject; t=y; pct=50; rua=mailto:dmarc@example.com", plan.stage(8).record().text());
        assertEquals(List.of(28, 7, 7, 7, 28, 7, 7, 7, 0), plan.stages().stream().map(RolloutStage::minimumDays).toList());
        assertEquals(LocalDate.of(2026, 7, 20), plan.stage(5).start());
        assertEquals("Quarantine in test mode, 25% for RFC 7489 receivers", plan.stage(3).name(Locale.ENGLISH));
        assertEquals("Cuarentena en modo de prueba, 25 % para los receptores con RFC 7489",
                plan.stage(3).name(Locale.forLanguageTag("es")));
        assertTrue(plan.advice().contains(PlanText.of("dmarc.plan.advice.legacy-on")));
    }

    @Test
    void theCriteriaAskForAlignedMailAndNoUnknownSource() {
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, false);
        List<String> monitoring = plan.stage(1).criteria().stream().map(c -> c.text(Locale.ENGLISH)).toList();
        assertEquals(List.of(
                "Aggregate reports arrive at dmarc@example.com from the large mailbox providers.",
                "No unknown legitimate source is left: every server that sends as example.com is yours or a provider "
                        + "you use, and is covered by SPF and DKIM.",
                "Every legitimate source signs with a DKIM key of example.com: SPF alone fails when mail is forwarded.",
                "At least 98% of your legitimate mail passes DMARC (aligned SPF or DKIM) for 14 days in a row."),
                monitoring);
        assertEquals("Keep reading the reports: a new sender or a broken DKIM key shows up there first.",
                plan.stage(5).criteria().get(0).text(Locale.ENGLISH));
        assertEquals("From stage 2 on, the records add np=reject: names under example.com that do not exist send no "
                + "legitimate mail, so receivers may refuse it at once (in test mode it counts as quarantine). In the "
                + "reject stages p=reject already covers them.", plan.advice().get(1).text(Locale.ENGLISH));
    }

    @Test
    void everyTextOfThePlanExistsInEnglishAndSpanish() {
        for (boolean legacy : List.of(false, true)) {
            RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, legacy);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                List<String> texts = Stream.concat(
                        plan.stages().stream().flatMap(stage -> Stream.concat(
                                Stream.of(stage.name(locale), stage.effect(locale)),
                                stage.criteria().stream().map(c -> c.text(locale)))),
                        plan.advice().stream().map(a -> a.text(locale))).toList();
                for (String text : texts) {
                    assertFalse(text.startsWith("[") || text.contains("{") || text.contains("''"), text);
                }
            }
        }
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, false);
        assertFalse(plan.stage(1).effect(Locale.ENGLISH).equals(plan.stage(1).effect(Locale.forLanguageTag("es"))));
    }

    @Test
    void reschedulingMovesTheLaterStagesOnly() {
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, false);
        RolloutPlan late = plan.rescheduledFrom(2, LocalDate.of(2026, 7, 10));
        assertEquals(JUNE_FIRST, late.stage(1).start());
        assertEquals(LocalDate.of(2026, 7, 10), late.stage(2).start());
        assertEquals(LocalDate.of(2026, 7, 24), late.stage(3).start());
        assertEquals(records(plan), records(late));
        assertThrows(IllegalArgumentException.class, () -> plan.rescheduledFrom(6, JUNE_FIRST));
    }

    @Test
    void aPlanNeedsReportsAndADomain() {
        IllegalArgumentException noReports = assertThrows(IllegalArgumentException.class,
                () -> RolloutPlan.create("example.com", List.of(), JUNE_FIRST, false));
        assertTrue(noReports.getMessage().contains("rua"), noReports.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RolloutPlan.create("not a domain", RUA, JUNE_FIRST, false));
    }

    @Test
    void aSavedPlanKnowsWhichStageIsDue() {
        SavedPlan saved = SavedPlan.started(RolloutPlan.create("example.com", RUA, JUNE_FIRST, false));
        assertEquals(1, saved.current().number());
        assertEquals(LocalDate.of(2026, 6, 29), saved.nextDueOn().orElseThrow());
        assertFalse(saved.nextIsDue(LocalDate.of(2026, 6, 28)));
        assertTrue(saved.nextIsDue(LocalDate.of(2026, 6, 29)));

        SavedPlan moved = saved.advance(LocalDate.of(2026, 7, 3));
        assertEquals(2, moved.current().number());
        assertEquals(LocalDate.of(2026, 7, 3), moved.current().start());
        assertEquals(LocalDate.of(2026, 7, 17), moved.nextDueOn().orElseThrow());

        SavedPlan last = new SavedPlan(saved.plan(), 5, LocalDate.of(2026, 9, 1));
        assertTrue(last.next().isEmpty());
        assertFalse(last.nextIsDue(LocalDate.of(2030, 1, 1)));
        assertThrows(IllegalStateException.class, () -> last.advance(LocalDate.of(2026, 9, 2)));
    }

    @Test
    void theStageRecordsAreWhatTheLinterExpectsOfEachStage() {
        RolloutPlan plan = RolloutPlan.create("example.com", RUA, JUNE_FIRST, false);
        assertEquals(List.of("dmarc.policy-none"), ids(plan.stage(1)));
        assertEquals(List.of("dmarc.testing"), ids(plan.stage(2)));
        assertEquals(List.of(), ids(plan.stage(3)));
        assertEquals(List.of("dmarc.testing"), ids(plan.stage(4)));
        assertEquals(List.of(), ids(plan.stage(5)));
    }

    private static List<String> ids(RolloutStage stage) {
        return DmarcLinter.recordFindings(stage.record(), PolicyScope.DOMAIN).stream().map(Finding::id).toList();
    }

    private static List<String> records(RolloutPlan plan) {
        return plan.stages().stream().map(stage -> stage.record().text()).toList();
    }
}
