package org.mailwright.ui.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.RolloutStep;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.Finding;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordComparison;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportLimits;
import org.mailwright.reports.SampleReports;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The DMARC wizard's state and logic against the test DNS server, without the FX thread. */
class DmarcViewModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path data;

    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppSettings settings;
    private AppContext context;
    private PlanStore store;
    private final List<List<ExpectedRecord>> handedOver = new ArrayList<>();
    private final List<String> pagesOpened = new ArrayList<>();
    private int plansSaved;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start(DmarcZone.ZONE);
        preferences = new ThrowawayPreferences();
        settings = preferences.settingsAsking(dns);
        context = new AppContext(settings, new BackgroundWork(), data);
        store = new PlanStore(data.resolve("plans"));
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    private DmarcViewModel open(String domain) {
        settings.lastDomainProperty().set(domain);
        return new DmarcViewModel(context, new DirectJobs(), store, CLOCK, new DmarcViewModel.Exits(
                () -> pagesOpened.add("spf"), () -> pagesOpened.add("dkim"), handedOver::add, () -> plansSaved++));
    }

    @Test
    void readsWhatTheDomainPublishesAndStartsThePlanThere() {
        DmarcViewModel model = open("corp.test");

        PublishedPolicy published = model.published();
        assertEquals("corp.test publishes its own DMARC record at _dmarc.corp.test.", published.headlineProperty().get());
        assertEquals("The record asks for p=quarantine, but in test mode (t=y): receivers following RFC 9989 apply one "
                + "level less. Receivers deliver mail that fails DMARC as usual and only report it.", published.policyNowProperty().get());
        assertEquals(List.of("v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test"),
                published.recordsProperty().get());
        assertEquals(CheckState.WARNING, published.stateProperty().get());
        assertTrue(published.findingsProperty().get().stream().anyMatch(line -> line.id().equals("dmarc.testing")
                && line.fix(Locale.ENGLISH).contains("remove t=y")));

        assertEquals("dmarc@corp.test, corp@reports.vendor.test", model.aggregateProperty().get());
        assertEquals(RolloutStep.QUARANTINE_TEST, model.stageProperty().get().step());
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                model.recordProperty().get());
        assertEquals("_dmarc.corp.test. 7200 IN TXT \"v=DMARC1; p=quarantine; np=reject; t=y; "
                + "rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test\"", model.zoneLineProperty().get());
        assertEquals("Stage 2 of 5: Quarantine in test mode, from Nov 25, 2026", model.stageSummaryProperty().get());
        assertEquals(List.of(), model.recordFindingsProperty().get(), "t=y is what a test stage means, not a mistake");
    }

    @Test
    void aDomainWithoutPolicyStartsWithMonitoringAndNeedsAReportAddress() {
        DmarcViewModel model = open("fresh.test");

        assertEquals("No DMARC policy applies to fresh.test: there is no record at _dmarc.fresh.test nor at any name "
                + "above it. The wizard writes its first one.", model.published().headlineProperty().get());
        assertEquals(CheckState.ERROR, model.published().stateProperty().get());
        assertEquals(RolloutStep.MONITOR, model.stageProperty().get().step());
        assertEquals("Give at least one address for aggregate reports: without them you cannot tell when the next "
                + "stage is safe.", model.reportsStep().problem().getValue());
        assertEquals("", model.recordProperty().get());

        model.aggregateProperty().set("dmarc fresh.test");
        assertEquals("“dmarc” is not an email address: write it as name@example.com.", model.reportsStep().problem().getValue());

        model.aggregateProperty().set("dmarc@fresh.test");
        assertEquals("", model.reportsStep().problem().getValue());
        assertEquals("v=DMARC1; p=none; rua=mailto:dmarc@fresh.test", model.recordProperty().get());
        assertEquals(5, model.timelineProperty().get().size());
    }

    @Test
    void anInheritedPolicySaysWhereItComesFrom() {
        DmarcViewModel model = open("shop.corp.test");

        assertEquals("shop.corp.test has no DMARC record of its own. Receivers walk up the DNS tree and use the record "
                + "of corp.test; its p tag applies to shop.corp.test.", model.published().headlineProperty().get());
        assertEquals(List.of("_dmarc.shop.corp.test: no record", "_dmarc.corp.test: record found, it applies",
                "_dmarc.test: no record"), model.published().walkProperty().get());
        assertEquals(RolloutStep.QUARANTINE_TEST, model.stageProperty().get().step(),
                "starting lower would weaken what receivers apply now");
        assertEquals("dmarc@corp.test, corp@reports.vendor.test", model.aggregateProperty().get(),
                "its organization's report addresses serve a subdomain too");
        assertEquals("The record asks for p=quarantine, but in test mode (t=y): receivers following RFC 9989 apply one "
                + "level less. Receivers deliver mail that fails DMARC as usual and only report it.",
                model.published().policyNowProperty().get());
    }

    @Test
    void eachReportDestinationIsCheckedAndAForeignOneGetsTheRecordToAskFor() {
        DmarcViewModel model = open("corp.test");
        model.aggregateProperty().set("dmarc@corp.test, x@other.test, y@reports.vendor.test");
        model.failureWantedProperty().set(true);
        model.failureProperty().set("f@nothing.test");

        model.checkDestinations(false);

        List<DestinationRow> rows = model.destinationsProperty().get();
        assertEquals(List.of("dmarc@corp.test", "x@other.test", "y@reports.vendor.test", "f@nothing.test"),
                rows.stream().map(DestinationRow::destination).toList());
        assertEquals(List.of(CheckState.PASS, CheckState.ERROR, CheckState.PASS, CheckState.ERROR),
                rows.stream().map(DestinationRow::state).toList());
        assertEquals("corp.test is in the same organization as corp.test: no authorization is needed.", rows.get(0).verdict());
        DestinationRow.Authorization ask = rows.get(1).authorization().orElseThrow();
        assertEquals("corp.test._report._dmarc.other.test", ask.name());
        assertEquals("v=DMARC1;", ask.value());
        assertEquals("corp.test._report._dmarc.other.test. IN TXT \"v=DMARC1;\"", ask.zoneLine());
        assertTrue(rows.get(1).verdict().startsWith("other.test belongs to another organization and does not publish "
                + "corp.test._report._dmarc.other.test"), rows.get(1).verdict());
        assertEquals(Optional.empty(), rows.get(2).authorization(), "a wildcard authorization counts");
        assertTrue(rows.get(3).verdict().contains("nothing.test says it receives no mail at all (a null MX record)"),
                rows.get(3).verdict());
        assertEquals("ruf", rows.get(3).tag());
        assertTrue(model.recordProperty().get().endsWith("; ruf=mailto:f@nothing.test"));
    }

    @Test
    void theSendersStepShowsWhatSpfAndDkimLookLike() {
        DmarcViewModel model = open("corp.test");
        assertEquals(CheckState.PASS, model.spfStateProperty().get());
        assertEquals("v=spf1 mx -all", model.spfRecord().orElseThrow());
        assertEquals(CheckState.PASS, model.dkimStateProperty().get());
        assertEquals("A DKIM key of corp.test is published for the selector google.", model.dkimTextProperty().get());

        model.domainProperty().set("fresh.test");
        model.commitDomain();
        assertEquals(CheckState.WARNING, model.dkimStateProperty().get());
        assertTrue(model.dkimTextProperty().get().startsWith("No DKIM key is published for fresh.test: nothing exists "
                + "under _domainkey.fresh.test."), model.dkimTextProperty().get());

        model.openSpfPage();
        model.openDkimPage();
        assertEquals(List.of("spf", "dkim"), pagesOpened);

        model.sendersProperty().set(DmarcViewModel.SenderAnswer.NOT_ALL);
        model.aggregateProperty().set("dmarc@fresh.test");
        assertEquals("", model.sendersWarningProperty().get(), "monitoring is safe whatever the answer");
        model.stageProperty().set(model.stageOptions().get(2));
        assertTrue(model.sendersWarningProperty().get().startsWith("You said some senders are not covered yet"));
    }

    @Test
    void theLegacyLadderAddsStagesAndKeepsTheStageChosen() {
        DmarcViewModel model = open("corp.test");
        assertEquals(5, model.stageOptions().size());

        model.legacyProperty().set(true);

        assertEquals(9, model.stageOptions().size());
        assertEquals("2. Quarantine in test mode, 5% for RFC 7489 receivers", model.stageProperty().get().label());
        assertTrue(model.recordProperty().get().contains("; pct=5;"), model.recordProperty().get());
        assertEquals(List.of(), model.recordFindingsProperty().get(), "pct is what a ladder stage means");

        model.legacyProperty().set(false);
        assertEquals("2. Quarantine in test mode", model.stageProperty().get().label());
    }

    @Test
    void theTimelineHasDatesDurationsCriteriaAndWhereTheDomainIs() {
        DmarcViewModel model = open("corp.test");

        List<TimelineStage> stages = model.timelineProperty().get();
        assertEquals(List.of(TimelineStage.Position.PASSED, TimelineStage.Position.CURRENT, TimelineStage.Position.NEXT,
                TimelineStage.Position.LATER, TimelineStage.Position.LATER), stages.stream().map(TimelineStage::position).toList());
        TimelineStage current = stages.get(1);
        assertEquals("Published since Nov 25, 2026", current.when());
        assertEquals("at least 14 days (until Dec 9, 2026)", current.duration());
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                current.record());
        assertTrue(current.criteria().get(0).startsWith("At least 98% of your legitimate mail passes DMARC"));
        assertEquals("From Dec 9, 2026 at the earliest", stages.get(2).when());
        assertEquals("the last stage: it stays", stages.get(4).duration());
        assertFalse(stages.get(2).due());
        assertTrue(model.adviceProperty().get().stream().anyMatch(text -> text.contains("np=reject")));

        model.sinceProperty().set(TODAY.minusDays(20));
        assertTrue(model.timelineProperty().get().get(2).due(), "14 days have passed: the next stage may start");
    }

    @Test
    void finishingSavesThePlanThenTheCheckFollowsTheRecordIntoDns() throws Exception {
        DmarcViewModel model = open("corp.test");
        walkToTheEnd(model);

        assertEquals(DmarcViewModel.SaveState.SAVED, model.saveStateProperty().get());
        assertEquals(1, plansSaved);
        Path file = data.resolve("plans").resolve("corp.test.properties");
        assertTrue(Files.readString(file).contains("stage=2\n"));
        assertEquals("Plan saved in " + file + ". Mailwright will remind you when the next stage may start, on Dec 9, 2026.",
                model.saveMessageProperty().get());
        assertEquals(CheckState.WARNING, model.verifyStateProperty().get());
        assertTrue(model.verifyHeadlineProperty().get().startsWith("_dmarc.corp.test still publishes the record it had before."));

        // The same tags in another order and a final semicolon: the same record to receivers.
        dns.replaceZones(DmarcZone.ZONE.replace("\"v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test\"",
                "\"v=DMARC1; t=y; np=reject; p=quarantine; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test;\""));
        model.verify();
        assertEquals(CheckState.PASS, model.verifyStateProperty().get(), model.verifyHeadlineProperty().get());
        assertTrue(model.verifyHeadlineProperty().get().startsWith("_dmarc.corp.test publishes the record written here."));
        assertEquals(List.of(), model.verifyFindingsProperty().get(), "test mode is what this stage means");

        model.watchPropagation();
        assertEquals(List.of(List.of(ExpectedRecord.of("_dmarc.corp.test", RecordType.TXT, model.recordProperty().get()))),
                handedOver);
    }

    @Test
    void aSavedPlanFillsTheAnswersAndSaysWhenTheNextStageIsDue() throws Exception {
        List<ReportUri> rua = List.of(ReportUri.parse("mailto:dmarc@fresh.test").orElseThrow());
        store.save(SavedPlan.started(RolloutPlan.create("fresh.test", rua, TODAY.minusDays(30), true)));

        DmarcViewModel model = open("fresh.test");

        assertEquals("dmarc@fresh.test", model.aggregateProperty().get());
        assertTrue(model.legacyProperty().get());
        assertEquals(1, model.stageProperty().get().number());
        assertEquals(TODAY.minusDays(30), model.sinceProperty().get());
        assertEquals("You saved a plan for fresh.test: stage 1 of 9, Monitor, published since Oct 26, 2026. The next "
                + "stage may start since Nov 23, 2026, if its criteria hold.", model.savedSummaryProperty().get());
        assertEquals("fresh.test: stage 2, Quarantine in test mode, 5% for RFC 7489 receivers, may start now. The current "
                + "stage has had its 28 days since Oct 26, 2026; check its criteria in the plan, then publish the next record.",
                model.dueNoticeProperty().get());

        model.reviewDueStage();

        assertEquals(2, model.stageProperty().get().number());
        assertEquals(TODAY, model.sinceProperty().get());
        assertEquals(model.planStep(), model.wizard().currentStepProperty().get());
        assertTrue(model.recordProperty().get().startsWith("v=DMARC1; p=quarantine; np=reject; t=y; pct=5;"));
    }

    @Test
    void theRemindersListThePlansWhoseNextStageIsDue() throws Exception {
        List<ReportUri> rua = List.of(ReportUri.parse("mailto:dmarc@example.com").orElseThrow());
        store.save(SavedPlan.started(RolloutPlan.create("due.example", rua, TODAY.minusDays(28), false)));
        store.save(SavedPlan.started(RolloutPlan.create("early.example", rua, TODAY.minusDays(27), false)));
        PlanReminders reminders = new PlanReminders(new Words(context), new DirectJobs(), store, CLOCK);
        assertEquals("", reminders.hintProperty().get());

        reminders.refresh();

        assertEquals(List.of("due.example"), reminders.dueProperty().get().stream().map(SavedPlan::domain).toList());
        assertEquals("DMARC: stage 2 (Quarantine in test mode) for due.example may start", reminders.hintProperty().get());
        assertEquals("due.example", reminders.firstDueDomain());
        settings.languageProperty().set(Language.SPANISH);
        assertEquals("DMARC: puede empezar la etapa 2 (Cuarentena en modo de prueba) de due.example", reminders.hintProperty().get());
    }

    @Test
    void everyWordFollowsTheLanguage() {
        DmarcViewModel model = open("corp.test");

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("corp.test publica su propio registro DMARC en _dmarc.corp.test.", model.published().headlineProperty().get());
        assertEquals("¿Adónde deben ir los informes sobre corp.test?", model.reportsStep().question());
        assertEquals("2. Cuarentena en modo de prueba", model.stageProperty().get().label());
        assertEquals("Etapa 2 de 5: Cuarentena en modo de prueba, desde el 25 nov 2026", model.stageSummaryProperty().get());
        assertTrue(model.published().findingsProperty().get().get(0).message(model.locale()).startsWith("El modo de prueba"),
                model.published().findingsProperty().get().get(0).message(model.locale()));
    }

    @Test
    void aNewDomainStartsTheAnswersAfresh() {
        DmarcViewModel model = open("corp.test");
        model.legacyProperty().set(true);

        model.domainProperty().set("fresh.test");
        model.commitDomain();

        assertEquals("", model.aggregateProperty().get());
        assertFalse(model.legacyProperty().get());
        assertEquals(RolloutStep.MONITOR, model.stageProperty().get().step());
        assertEquals("fresh.test", settings.lastDomainProperty().get());
    }

    @Test
    void theVerifyStepAndThePropagationPageItHandsOverToGiveOneVerdict() {
        DmarcViewModel model = open("corp.test");
        walkToTheEnd(model);
        String published = "v=DMARC1; P=Quarantine; t=Y; np=REJECT; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test";
        dns.replaceZones(DmarcZone.ZONE.replace("v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                published));

        model.verify();

        ExpectedRecord handedOver = ExpectedRecord.of("_dmarc.corp.test", RecordType.TXT, model.recordProperty().get());
        boolean propagationSeesIt = RecordComparison.matches(handedOver.name(), RecordType.TXT, handedOver.values(), List.of(published));
        assertEquals(propagationSeesIt, model.verifyStateProperty().get() == CheckState.PASS, model.verifyHeadlineProperty().get());
    }

    @Test
    void checkAgainSeesAnAuthorizationPublishedAfterTheCacheLearntThereWasNone() {
        DmarcViewModel model = open("corp.test");
        model.aggregateProperty().set("dmarc@corp.test, x@other.test");
        model.checkDestinations(false);
        assertEquals(CheckState.ERROR, model.destinationsProperty().get().get(1).state(), "other.test has not authorized corp.test yet");

        dns.replaceZones(DmarcZone.ZONE + "corp.test._report._dmarc.other TXT \"v=DMARC1;\"\n");
        model.checkDestinations(true);

        DestinationRow other = model.destinationsProperty().get().get(1);
        assertEquals(CheckState.PASS, other.state(), other.verdict());
        assertEquals(Optional.empty(), other.authorization(), "nothing left to ask for");
        assertTrue(other.verdict().contains("corp.test._report._dmarc.other.test"), other.verdict());
    }

    @Test
    void theWizardFollowsTheDomainTheOtherPagesWorkOn() {
        DmarcViewModel model = open("corp.test");

        settings.lastDomainProperty().set("fresh.test");

        assertEquals("fresh.test", model.domainProperty().get());
        assertTrue(model.published().headlineProperty().get().startsWith("No DMARC policy applies to fresh.test"),
                model.published().headlineProperty().get());
        assertEquals(List.of(), model.published().recordsProperty().get(), "never corp.test's record beside fresh.test");
        assertEquals("", model.aggregateProperty().get(), "corp.test's report addresses are not fresh.test's");
        assertEquals("", model.otherDomainNoticeProperty().get());
    }

    @Test
    void unsavedAnswersStayWithTheirDomainUntilTheUserSwitches() {
        DmarcViewModel model = open("fresh.test");
        model.aggregateProperty().set("dmarc@fresh.test");

        settings.lastDomainProperty().set("corp.test");

        assertEquals("fresh.test", model.domainProperty().get());
        assertEquals("v=DMARC1; p=none; rua=mailto:dmarc@fresh.test", model.recordProperty().get());
        assertEquals("This wizard is still working on fresh.test: its answers are not saved yet. The other pages now work "
                + "on corp.test.", model.otherDomainNoticeProperty().get());

        model.switchToOtherDomain();

        assertEquals("corp.test", model.domainProperty().get());
        assertEquals("", model.otherDomainNoticeProperty().get());
        assertEquals(List.of("v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test"),
                model.published().recordsProperty().get());
        assertTrue(model.recordProperty().get().startsWith("v=DMARC1; p=quarantine; np=reject; t=y;"), model.recordProperty().get());
    }

    @Test
    void theZoneLineTakesThePublishedTtlNotWhatIsLeftOfACachedCopy() throws Exception {
        context.resolver().lookup("_dmarc.corp.test", RecordType.TXT, settings.resolverTarget()).join();
        Thread.sleep(1_100);
        assertTrue(context.resolver().lookup("_dmarc.corp.test", RecordType.TXT, settings.resolverTarget()).join().ttl() < 7200,
                "the cache now holds less than the record's TTL");

        DmarcViewModel model = open("corp.test");

        assertTrue(model.zoneLineProperty().get().startsWith("_dmarc.corp.test. 7200 IN TXT "), model.zoneLineProperty().get());
        assertTrue(model.timelineProperty().get().get(2).zoneLine().startsWith("_dmarc.corp.test. 7200 IN TXT "));

        model.domainProperty().set("fresh.test");
        model.commitDomain();
        model.aggregateProperty().set("dmarc@fresh.test");
        assertEquals("_dmarc.fresh.test. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@fresh.test\"",
                model.zoneLineProperty().get(), "a new record gets the TTL the user chooses");
    }

    @Test
    void aPlanThatCannotBeSavedSaysSoInTheUsersWordsWithoutTheException() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("plans-file"), "");
        store = new PlanStore(notAFolder);
        DmarcViewModel model = open("corp.test");

        walkToTheEnd(model);

        assertEquals(DmarcViewModel.SaveState.FAILED, model.saveStateProperty().get());
        assertTrue(model.saveMessageProperty().get().startsWith("The plan could not be saved: The plan’s file could not be "
                + "read or written."), model.saveMessageProperty().get());
        assertFalse(model.saveMessageProperty().get().contains("Exception"), model.saveMessageProperty().get());
    }

    /** Fourteen days of corp.test's reports in the data folder's archive: 140 messages, all passing DMARC. */
    private void archiveFortnightOfAlignedMail() throws Exception {
        try (ReportArchive archive = ReportArchive.open(null, data)) {
            for (int day = 0; day < 14; day++) {
                long begin = TODAY.minusDays(14 - day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                Path file = Files.writeString(data.resolve("r" + day + ".xml"), SampleReports.xml("google.com", "r" + day,
                        "corp.test", begin, List.of(SampleReports.row("192.0.2.1", 10, "pass", "pass"))));
                archive.importFile(file, ReportLimits.DEFAULT);
            }
        }
    }

    private static TimelineStage current(DmarcViewModel model) {
        return model.timelineProperty().get().stream().filter(stage -> stage.position() == TimelineStage.Position.CURRENT)
                .findFirst().orElseThrow();
    }

    @Test
    void withoutReportsTheCurrentStageSaysThereIsTooLittleToJudgeNeverReady() {
        DmarcViewModel model = open("corp.test");

        TimelineStage current = current(model);
        assertEquals("Ready for stage 3, Quarantine? What the DMARC reports say:", current.readinessTitle());
        assertEquals(Optional.of("reports.too-little-to-judge"), current.readiness().map(Finding::id));
        assertTrue(current.readiness().orElseThrow().message(model.locale()).contains("0 messages"));
        assertTrue(model.timelineProperty().get().stream().filter(stage -> stage != current)
                .allMatch(stage -> stage.readinessTitle().isEmpty() && stage.readiness().isEmpty()));
        assertFalse(Files.exists(data.resolve(ReportArchive.DEFAULT_FILE)), "reading the readiness creates no archive");
    }

    @Test
    void anArchiveThatCannotBeReadIsSaidSoInPlaceOfAVerdict() throws Exception {
        Files.writeString(data.resolve(ReportArchive.DEFAULT_FILE), "not a database, though it has the name of one");
        DmarcViewModel model = open("corp.test");

        TimelineStage current = current(model);
        assertEquals(Optional.empty(), current.readiness());
        assertTrue(current.readinessNote().startsWith("The report archive could not be read: "), current.readinessNote());
    }

    @Test
    void theArchivesReportsSayWhetherTheNextStageMayBeginInTheLanguageChosen() throws Exception {
        archiveFortnightOfAlignedMail();
        DmarcViewModel model = open("corp.test");

        TimelineStage current = current(model);
        assertEquals(Optional.of("reports.ready-for-next-stage"), current.readiness().map(Finding::id));
        assertTrue(current.readiness().orElseThrow().message(model.locale()).startsWith("Over the last 14 days, 100% of the mail"));

        settings.languageProperty().set(Language.SPANISH);
        assertEquals("¿Listo para la etapa 3, Cuarentena? Lo que dicen los informes DMARC:", current(model).readinessTitle());
        assertTrue(current(model).readiness().orElseThrow().message(model.locale()).startsWith("En los últimos 14 días"));

        model.stageProperty().set(model.stageOptions().get(model.stageOptions().size() - 1));
        assertEquals("", current(model).readinessTitle(), "the last stage has no next one to be ready for");
        assertEquals(Optional.empty(), current(model).readiness());
    }

    private static void walkToTheEnd(DmarcViewModel model) {
        for (int step = 0; step < 5; step++) {
            model.wizard().next();
        }
        assertEquals(model.publishStep(), model.wizard().currentStepProperty().get());
    }
}
