package org.mailwright.ui.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.Finding;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.PublishedState;
import org.mailwright.spf.Ending;
import org.mailwright.spf.SpfProvider;
import org.mailwright.spf.SpfResult;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.spf.SpfViewModel.Start;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.work.DirectJobs;

/** The SPF wizard's state and logic, against the test DNS server, without the FX thread. */
class SpfViewModelTest {

    static final String ZONE = """
            $ORIGIN example.test.
            $TTL 600
            @   7200 TXT  "v=spf1 mx include:_spf.provider.test ~all"
            @        MX   10 mail
            ns       A    127.0.0.1
            mail     A    192.0.2.10
            mail     AAAA 2001:db8::10
            fresh    MX   10 mail.example.test.
            edit     TXT  "v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 a:relay.example.test include:_spf.google.com exp=why.example.test -all"
            relay    A    192.0.2.20
            mixed    TXT  "v=spf1 ip4:192.0.2.0/24 -ip4:192.0.2.66 -all"
            twice    TXT  "v=spf1 -all"
            twice    TXT  "v=spf1 mx -all"
            heavy    TXT  "v=spf1 mx include:_many.provider.test -all"
            heavy    MX   10 mail.example.test.
            """;
    static final String PROVIDERS = """
            $ORIGIN provider.test.
            $TTL 600
            _spf     TXT  "v=spf1 ip4:198.51.100.0/24 -all"
            _many    TXT  "v=spf1 a:h1.provider.test a:h2.provider.test a:h3.provider.test a:h4.provider.test a:h5.provider.test a:h6.provider.test a:h7.provider.test a:h8.provider.test a:h9.provider.test a:h10.provider.test -all"
            h1       A    198.51.100.1
            h2       A    198.51.100.2
            h3       A    198.51.100.3
            h4       A    198.51.100.4
            h5       A    198.51.100.5
            h6       A    198.51.100.6
            h7       A    198.51.100.7
            h8       A    198.51.100.8
            h9       A    198.51.100.9
            h10      A    198.51.100.10
            """;
    static final String GOOGLE = """
            $ORIGIN google.com.
            _spf     TXT  "v=spf1 ip4:35.190.247.0/24 ~all"
            """;

    private final TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDERS, GOOGLE);
    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context;
    private final DirectJobs jobs = new DirectJobs();
    private final List<ExpectedRecord> watched = new ArrayList<>();
    private final SpfViewModel model;

    SpfViewModelTest() {
        settings.languageProperty().set(Language.ENGLISH);
        settings.useCustomResolver(dns.address().toString());
        settings.nameServerPortProperty().set(dns.port());
        settings.timeoutProperty().set(Duration.ofMillis(500));
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        model = new SpfViewModel(context, jobs, Duration.ZERO, watched::addAll);
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    @Test
    void thePublishedRecordIsReadLintedAndLoadedIntoTheAnswers() {
        model.domainProperty().set("Example.test.");

        assertEquals(Progress.DONE, model.readingProperty().get());
        assertEquals(Start.PUBLISHED, model.startProperty().get());
        assertEquals("example.test publishes this SPF record; it needs 2 of 10 DNS lookups.", model.publishedHeadlineProperty().get());
        assertEquals(List.of("v=spf1 mx include:_spf.provider.test ~all"), model.publishedRecords());
        assertTrue(model.mxProperty().get());
        assertEquals("_spf.provider.test", model.customIncludesProperty().get());
        assertEquals(Ending.SOFTFAIL, model.endingProperty().get());
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", model.recordProperty().get());
        assertEquals("example.test. 7200 IN TXT \"v=spf1 mx include:_spf.provider.test ~all\"", model.zoneLineProperty().get());
        assertEquals("Now: mail.example.test (192.0.2.10, 2001:db8::10)", model.mailHostsTextProperty().get());
        assertEquals("2 of 10 DNS lookups", model.check().summaryProperty().get());
        assertEquals(CheckState.PASS, model.check().stateProperty().get());
        assertTrue(model.check().treeProperty().get().contains("include:_spf.provider.test  1"), model.check().treeProperty().get());
        assertEquals("example.test", settings.lastDomainProperty().get(), "the domain being worked on is shared with the other pages");
        assertTrue(jobs.messages.contains("Reading what example.test publishes"), jobs.messages.toString());
    }

    @Test
    void aDomainWithoutARecordStartsANewOneFromItsMxHosts() {
        model.domainProperty().set("fresh.example.test");

        assertEquals(Start.NEW, model.startProperty().get());
        assertFalse(model.canEditPublishedProperty().get());
        assertEquals("fresh.example.test publishes no SPF record yet. The wizard writes its first one.",
                model.publishedHeadlineProperty().get());
        assertTrue(model.publishedFindings().stream().anyMatch(finding -> finding.id().equals("spf.missing")));
        assertEquals("v=spf1 mx -all", model.recordProperty().get());
        assertEquals(CheckState.ERROR, model.publishedStateProperty().get());
    }

    @Test
    void answersBuildTheRecordAndABadAddressIsNamed() {
        model.domainProperty().set("fresh.example.test");
        model.addressesProperty().set("192.0.2.25\n2001:db8:10::/48, ip4:198.51.100.0/24");
        model.providerProperty(SpfProvider.SENDGRID).set(true);
        model.customIncludesProperty().set("include:_spf.provider.test.");
        model.endingProperty().set(Ending.SOFTFAIL);

        assertEquals("v=spf1 mx ip4:192.0.2.25 ip4:198.51.100.0/24 ip6:2001:db8:10::/48 include:sendgrid.net include:_spf.provider.test ~all",
                model.recordProperty().get());
        assertEquals("", step(1).problem().getValue());

        model.addressesProperty().set("192.0.2.25\n192.0.2.300");

        assertEquals("\"192.0.2.300\" is not an IPv4 address (four numbers 0-255 without leading zeros).",
                step(1).problem().getValue());
        assertEquals("", model.recordProperty().get(), "no record is shown while an answer is not valid");
        model.customIncludesProperty().set("not a domain");
        assertEquals("\"not\" does not end in a valid top-level label (such as .com).", step(2).problem().getValue());
    }

    @Test
    void theNoMailTemplatePassesOverTheQuestionsAndKeepsTheAnswers() {
        model.domainProperty().set("example.test");
        model.startProperty().set(Start.NO_MAIL);

        assertEquals("v=spf1 -all", model.recordProperty().get());
        assertFalse(step(1).isActive());
        assertFalse(step(3).isActive());
        model.wizard().next();
        assertEquals(4, model.wizard().indexProperty().get(), "from the domain straight to the test");
        assertEquals("example.test: sends no mail (v=spf1 -all)", model.wizard().summary().get(0).answer());
        assertTrue(model.mxProperty().get(), "the answers are still there to go back to");
    }

    @Test
    void termsTheQuestionsDoNotCoverAreKeptAndExclusionsStayFirst() {
        model.domainProperty().set("edit.example.test");

        assertEquals("-ip4:192.0.2.66 a:relay.example.test exp=why.example.test", model.keptTermsProperty().get());
        assertTrue(model.providerProperty(SpfProvider.GOOGLE_WORKSPACE).get());
        assertEquals("192.0.2.0/24", model.addressesProperty().get());
        assertEquals("v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 include:_spf.google.com a:relay.example.test -all exp=why.example.test",
                model.recordProperty().get());
        assertEquals("", model.reorderNoteProperty().get());

        model.keptTermsProperty().set("-ip4:192.0.2.66 ~all");
        assertEquals("Remove “~all” here: what happens to everyone else is the question after the services.", step(1).problem().getValue());

        model.domainProperty().set("mixed.example.test");
        assertEquals("v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 -all", model.recordProperty().get());
        assertTrue(model.reorderNoteProperty().get().startsWith("Mailwright lists exclusions"), model.reorderNoteProperty().get());
    }

    @Test
    void severalPublishedRecordsCannotBeEditedButAreReplacedByOne() {
        model.domainProperty().set("twice.example.test");

        assertEquals(Start.NEW, model.startProperty().get());
        assertFalse(model.canEditPublishedProperty().get());
        assertEquals("twice.example.test publishes 2 SPF records, which receivers treat as an error. The wizard writes the one "
                + "record that replaces them.", model.publishedHeadlineProperty().get());
    }

    @Test
    void anAddressIsTestedAgainstTheDraftWithTheMatchAndTheTrace() {
        model.domainProperty().set("example.test");
        AddressTest test = model.test();
        assertEquals("postmaster@example.test", test.senderProperty().get());

        test.ipProperty().set("198.51.100.7");

        assertEquals(SpfResult.PASS, test.evaluationProperty().get().result());
        assertEquals("198.51.100.7 may send mail as postmaster@example.test: receivers get pass.", test.headlineProperty().get());
        assertEquals("Decided by: include:_spf.provider.test › ip4:198.51.100.0/24", test.matchedProperty().get());
        assertTrue(test.traceProperty().get().contains("  ip4:198.51.100.0/24 matches, so the result is pass."), test.traceProperty().get());
        assertEquals(CheckState.PASS, test.stateProperty().get());

        model.endingProperty().set(Ending.FAIL);
        test.ipProperty().set("203.0.113.1");
        assertEquals(SpfResult.FAIL, test.evaluationProperty().get().result(), "the draft is tested, not the published record");
        assertEquals("fail", test.badgeWordProperty().get());
        assertTrue(test.explanationProperty().get().contains("does not designate 203.0.113.1"), test.explanationProperty().get());

        test.ipProperty().set("203.0.113");
        assertEquals("“203.0.113” is not an IPv4 or IPv6 address.", test.headlineProperty().get());
        test.ipProperty().set("203.0.113.1");
        test.senderProperty().set("alice@other.test");
        assertEquals("The sender must be an address at example.test, such as postmaster@example.test: it is the record of "
                + "example.test being tested.", test.problemProperty().get());
    }

    @Test
    void flatteningReplacesIncludesWithAddressesUntilTheServicesChange() {
        model.domainProperty().set("example.test");

        model.flatten();

        assertEquals("v=spf1 mx ip4:198.51.100.0/24 ~all", model.recordProperty().get());
        assertEquals("include:_spf.provider.test replaced by one address or network.", model.flatteningMessageProperty().get());
        Finding warning = model.check().findings().get(0);
        assertEquals("spf.flattened", warning.id());
        assertEquals("1 of 10 DNS lookups", model.check().summaryProperty().get());

        model.providerProperty(SpfProvider.MAILGUN).set(true);

        assertNull(model.flatteningProperty().get());
        assertEquals("v=spf1 mx include:mailgun.org include:_spf.provider.test ~all", model.recordProperty().get());
        assertEquals("Changing the services undid the flattening; flatten again if you still need it.",
                model.flatteningMessageProperty().get());
    }

    @Test
    void theLastStepTellsTheOldRecordFromTheNewOneLive() {
        model.domainProperty().set("example.test");
        model.endingProperty().set(Ending.FAIL);
        walkToTheEnd();

        assertTrue(model.wizard().onClosingStepProperty().get());
        assertEquals(PublishedState.OLD, model.publish().resultProperty().get().state());
        assertEquals("example.test still publishes the previous record.", model.publish().headlineProperty().get());
        assertEquals(CheckState.PENDING, model.publish().stateProperty().get());

        dns.replaceZones(ZONE.replace("mx include:_spf.provider.test ~all", "mx  include:_spf.provider.test  -all"), PROVIDERS, GOOGLE);
        model.verify();

        assertEquals(PublishedState.LIVE, model.publish().resultProperty().get().state());
        assertEquals("example.test publishes this record.", model.publish().headlineProperty().get());
        assertEquals(CheckState.PASS, model.publish().stateProperty().get());
        assertTrue(model.publish().findings().stream().anyMatch(finding -> finding.id().equals("spf.valid")));
        model.watchPropagation();
        assertEquals(List.of(ExpectedRecord.of("example.test", RecordType.TXT, "v=spf1 mx include:_spf.provider.test -all")), watched);

        dns.replaceZones(ZONE.replace("@   7200 TXT  \"v=spf1 mx include:_spf.provider.test ~all\"",
                "@ TXT \"v=spf1 -all\"\n@ TXT \"v=spf1 mx -all\""), PROVIDERS, GOOGLE);
        model.verify();
        assertEquals(PublishedState.MULTIPLE, model.publish().resultProperty().get().state());
        assertEquals(CheckState.ERROR, model.publish().stateProperty().get());
    }

    @Test
    void aRecordLeftAsPublishedNeedsNothingAtTheDnsHost() {
        model.domainProperty().set("example.test");
        walkToTheEnd();

        assertEquals(PublishedState.UNCHANGED, model.publish().resultProperty().get().state());
        assertEquals("example.test already publishes this record.", model.publish().headlineProperty().get());
        assertEquals(List.of("v=spf1 mx include:_spf.provider.test ~all"), model.publish().publishedProperty().get());
    }

    @Test
    void theDomainFollowsTheOtherPagesAndTheWordsFollowTheLanguage() {
        settings.lastDomainProperty().set("fresh.example.test");
        assertEquals("fresh.example.test", model.domainProperty().get());

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("fresh.example.test aún no publica ningún registro SPF. El asistente escribe el primero.",
                model.publishedHeadlineProperty().get());
        assertEquals("Servidores", step(1).title());
        assertEquals("1 de 10 consultas DNS", model.check().summaryProperty().get());
    }

    @Test
    void aBadDomainIsExplainedAndNothingIsLookedUp() {
        model.domainProperty().set("postmaster@example.test");

        assertEquals("Enter only the domain, the part after the @: example.test.", step(0).problem().getValue());
        assertEquals(Progress.IDLE, model.readingProperty().get());
        assertEquals("", model.recordProperty().get());
        assertTrue(jobs.messages.isEmpty());
    }

    // ---- one domain at a time; nothing drafted from a failed read; asked now; the zone file's TTL ----

    @Test
    void aFailedReadDraftsNothingAndReadAgainDraftsFromTheRealRecord() {
        dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);

        model.domainProperty().set("example.test");

        assertEquals(Progress.DONE, model.readingProperty().get());
        assertFalse(model.readableProperty().get());
        assertNull(model.startProperty().get(), "neither a new record nor the no-mail template");
        assertEquals("", model.recordProperty().get());
        assertEquals("", model.zoneLineProperty().get());
        assertEquals(Progress.IDLE, model.check().progressProperty().get(), "nothing to count, so no badge at all");
        assertEquals(CheckState.UNKNOWN, model.publishedStateProperty().get());
        assertTrue(model.publishedHeadlineProperty().get().contains("(SERVFAIL)")
                && model.publishedHeadlineProperty().get().contains("so it drafts none"), model.publishedHeadlineProperty().get());
        assertEquals("Mailwright does not know yet what example.test publishes, so it writes no record: choose Read again.",
                step(0).problem().getValue());
        assertFalse(model.wizard().canGoNextProperty().get());

        dns.setBehaviour(TestDnsServer.Behaviour.NORMAL);
        model.readAgain();

        assertEquals(Start.PUBLISHED, model.startProperty().get());
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", model.recordProperty().get());
        assertEquals(CheckState.PASS, model.check().stateProperty().get());
        assertTrue(model.wizard().canGoNextProperty().get());
    }

    @Test
    void readAgainReplacesADraftTheUserHasNotEditedAndKeepsOneTheyHave() {
        model.domainProperty().set("example.test");
        dns.replaceZones(ZONE.replace("mx include:_spf.provider.test ~all", "mx include:_spf.google.com -all"), PROVIDERS, GOOGLE);

        model.readAgain();

        assertEquals("v=spf1 mx include:_spf.google.com -all", model.recordProperty().get(), "asked now, past the cached record");
        assertFalse(model.draftEditedProperty().get());

        model.aProperty().set(true);
        dns.replaceZones(ZONE, PROVIDERS, GOOGLE);
        model.readAgain();

        assertEquals(List.of("v=spf1 mx include:_spf.provider.test ~all"), model.publishedRecords(), "what is published is shown");
        assertEquals("v=spf1 mx a include:_spf.google.com -all", model.recordProperty().get(), "the user's draft is theirs");
    }

    @Test
    void thePublishStepNeverPairsOneDomainsDraftWithAnothersRecord() {
        model.domainProperty().set("example.test");
        walkToTheEnd();
        assertEquals("example.test", model.publish().resultProperty().get().domain());
        assertEquals(List.of("v=spf1 mx include:_spf.provider.test ~all"), model.publish().publishedProperty().get());

        settings.lastDomainProperty().set("fresh.example.test");

        assertEquals("fresh.example.test", model.domainNameProperty().get(), "an untouched draft follows the other pages");
        assertEquals("v=spf1 mx -all", model.recordProperty().get());
        assertNull(model.publish().resultProperty().get(), "example.test's record is not shown beside fresh.example.test's draft");
        assertEquals(List.of(), model.publish().publishedProperty().get());
        assertEquals("", model.publish().headlineProperty().get());
        assertEquals(0, model.wizard().indexProperty().get(), "the wizard starts again at the domain");

        walkToTheEnd();
        assertEquals("fresh.example.test", model.publish().resultProperty().get().domain());
        assertEquals(PublishedState.MISSING, model.publish().resultProperty().get().state());
    }

    @Test
    void anEditedDraftStaysWithItsDomainUntilTheUserSwitches() {
        model.domainProperty().set("example.test");
        model.endingProperty().set(Ending.FAIL);

        settings.lastDomainProperty().set("fresh.example.test");

        assertEquals("example.test", model.domainNameProperty().get());
        assertEquals("v=spf1 mx include:_spf.provider.test -all", model.recordProperty().get());
        assertEquals("fresh.example.test", model.pendingDomainProperty().get());
        assertEquals("This wizard is still working on example.test: the record on the right is for example.test, with your changes. "
                + "The other pages now work on fresh.example.test; switching drops these changes.", model.stillWorkingNoticeProperty().get());
        assertEquals("Switch to fresh.example.test", model.switchDomainLabelProperty().get());

        settings.lastDomainProperty().set("example.test");
        assertEquals("", model.pendingDomainProperty().get(), "the other pages came back to this domain");

        settings.lastDomainProperty().set("fresh.example.test");
        model.switchToPendingDomain();

        assertEquals("fresh.example.test", model.domainNameProperty().get());
        assertEquals("v=spf1 mx -all", model.recordProperty().get());
        assertEquals("", model.pendingDomainProperty().get());
        assertEquals("", model.stillWorkingNoticeProperty().get());
    }

    @Test
    void theCheckAsksNowPastACachedNxdomainAndLeavesTheRestOfTheCache() {
        model.domainProperty().set("later.example.test");
        assertEquals(Start.NEW, model.startProperty().get(), "the name does not exist: a new record");
        walkToTheEnd();
        assertEquals(PublishedState.MISSING, model.publish().resultProperty().get().state());
        // What another page looked up meanwhile.
        context.resolver().lookup("mail.example.test", RecordType.A, context.resolverTarget()).join();

        dns.replaceZones(ZONE + "later TXT \"v=spf1 -all\"\n", PROVIDERS, GOOGLE);
        model.verify();

        assertEquals(PublishedState.LIVE, model.publish().resultProperty().get().state());
        assertTrue(context.resolver().lookup("mail.example.test", RecordType.A, context.resolverTarget()).join().cached(),
                "the check asks past the cache without emptying it for every other page");
        LookupResult learnt = context.resolver().lookup("later.example.test", RecordType.TXT, context.resolverTarget()).join();
        assertTrue(learnt.cached(), "the check refreshed the cache");
        assertEquals(List.of("v=spf1 -all"), learnt.values());
    }

    @Test
    void theZoneLineKeepsTheZoneFilesTtlNotTheCachesAndANewRecordTakesTheChosenOne() throws InterruptedException {
        // Another page read the record a moment ago: the cache has a second less of it left now.
        context.resolver().lookup("example.test", RecordType.TXT, context.resolverTarget()).join();
        Thread.sleep(20);

        model.domainProperty().set("example.test");

        assertEquals("example.test. 7200 IN TXT \"v=spf1 mx include:_spf.provider.test ~all\"", model.zoneLineProperty().get());

        model.domainProperty().set("fresh.example.test");
        assertEquals("fresh.example.test. 3600 IN TXT \"v=spf1 mx -all\"", model.zoneLineProperty().get());
        settings.defaultTtlProperty().set(900);
        assertEquals("fresh.example.test. 900 IN TXT \"v=spf1 mx -all\"", model.zoneLineProperty().get());
    }

    @Test
    void theBadgeIsTheWorstFindingNeverPassBesideAWarningOrAnError() {
        model.domainProperty().set("heavy.example.test");

        assertEquals("12 of 10 DNS lookups: over the limit", model.check().summaryProperty().get());
        assertEquals(CheckState.ERROR, model.check().stateProperty().get());
        assertEquals(CheckState.ERROR, model.publishedStateProperty().get());

        model.domainProperty().set("example.test");
        model.endingProperty().set(Ending.NEUTRAL);

        assertEquals("2 of 10 DNS lookups", model.check().summaryProperty().get());
        assertEquals(CheckState.WARNING, model.check().stateProperty().get(), "?all protects nothing");
        assertEquals(List.of("spf.neutral-all"), model.check().findings().stream().map(Finding::id).toList());
    }

    private WizardStep step(int index) {
        return model.wizard().steps().get(index);
    }

    private void walkToTheEnd() {
        for (int i = 0; i < 10 && !model.wizard().onClosingStepProperty().get(); i++) {
            model.wizard().next();
        }
    }

    @Test
    void anIncludeHandedOverByAReportsSuggestionIsInTheRecordTheWizardStartsWith() {
        model.addInclude("Example.test", "_spf.google.com");
        assertEquals("", model.recordProperty().get(), "nothing is drafted before the domain is read");

        model.domainProperty().set("example.test");

        assertEquals(Start.PUBLISHED, model.startProperty().get(), "the published record is the start, the include added to it");
        assertTrue(model.providerProperty(SpfProvider.GOOGLE_WORKSPACE).get());
        assertEquals("_spf.provider.test", model.customIncludesProperty().get());
        assertTrue(model.recordProperty().get().contains(" include:_spf.google.com "), model.recordProperty().get());
        assertTrue(model.recordProperty().get().contains(" include:_spf.provider.test "), model.recordProperty().get());
        assertTrue(model.draftEditedProperty().get(), "the added include is a change to publish, not the published record");

        model.addInclude("example.test", "spf.other.test");
        assertEquals("_spf.provider.test\nspf.other.test", model.customIncludesProperty().get(), "a drafted record gets it at once");
        model.addInclude("example.test", "include:_spf.provider.test");
        assertEquals("_spf.provider.test\nspf.other.test", model.customIncludesProperty().get(), "an include the record has is not added twice");
    }

    @Test
    void anIncludeForAnotherDomainIsForgottenWhenTheWizardWorksOnADifferentOne() {
        model.addInclude("example.test", "_spf.google.com");
        model.domainProperty().set("fresh.example.test");
        model.domainProperty().set("example.test");

        assertFalse(model.providerProperty(SpfProvider.GOOGLE_WORKSPACE).get());
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", model.recordProperty().get());
    }
}
