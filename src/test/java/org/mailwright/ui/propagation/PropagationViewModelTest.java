package org.mailwright.ui.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.WatchPlan;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.settings.ResolverChoice;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/**
 * The page's state and words, without the FX thread: each check runs to its end when started,
 * against in-process name servers, and time between checks moves only when the test moves it.
 */
class PropagationViewModelTest {

    static final String NEW_DMARC = "v=DMARC1; p=reject; rua=mailto:dmarc@example.test";
    static final String OLD_DMARC = "v=DMARC1; p=none; rua=mailto:dmarc@example.test";

    static String zone(long serial, String dmarc) {
        return """
                $ORIGIN example.test.
                $TTL 300
                @       SOA ns1 hostmaster %d 3600 600 86400 120
                @       NS  ns1
                ns1     A   127.0.0.1
                @       MX  10 mail
                mail    A   192.0.2.25
                @       TXT "v=spf1 mx -all"
                _dmarc  600 TXT "%s"
                """.formatted(serial, dmarc);
    }

    static final String CURRENT = zone(2026010102, NEW_DMARC);
    static final String BEHIND = zone(2026010101, OLD_DMARC);

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DirectJobs jobs = new DirectJobs();
    private final ManualTimer timer = new ManualTimer();
    private final PropagationViewModel model;
    private final TestDnsServer current = TestDnsServer.start(CURRENT);
    private final TestDnsServer behind = TestDnsServer.start(BEHIND);
    private final List<AppContext> nextRuns = new ArrayList<>();

    PropagationViewModelTest() {
        settings.languageProperty().set(Language.ENGLISH);
        settings.lastDomainProperty().set("example.test");
        settings.timeoutProperty().set(AppSettings.MIN_TIMEOUT);
        // The zone's name server is the test server, which listens on a port of its own.
        settings.nameServerPortProperty().set(current.port());
        settings.useCustomResolver(current.address().toString());
        model = new PropagationViewModel(context, jobs, timer, clock);
        model.setShown(true);
    }

    @AfterEach
    void close() throws Exception {
        current.close();
        behind.close();
        for (AppContext next : nextRuns) {
            next.close();
        }
        context.close();
        preferences.close();
    }

    /** Watches the DMARC record alone, on the name server and {@code servers} added. */
    private void watchDmarcWith(TestDnsServer... servers) {
        model.spfProperty().set(false);
        model.mxProperty().set(false);
        for (TestDnsServer server : servers) {
            model.newServerProperty().set(server.address().toString());
            model.addServer();
        }
        model.startWatching();
    }

    @Test
    void startsFromTheDomainBeingWorkedOnWithItsMailRecordsPicked() {
        assertEquals("example.test", model.domainProperty().get());
        assertEquals("TXT at _dmarc.example.test", model.dmarcNameProperty().get());
        assertEquals("TXT at selector._domainkey.example.test", model.dkimNameProperty().get());
        model.selectorsProperty().set("s1, mail_2026 2026-05");
        assertEquals("TXT at s1._domainkey.example.test", model.dkimNameProperty().get());
        model.setShown(false);

        model.startWatching();

        assertEquals(List.of(ExpectedRecord.asPublished("example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("_dmarc.example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("s1._domainkey.example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("mail_2026._domainkey.example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("2026-05._domainkey.example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("example.test", RecordType.MX)),
                model.watched(), "a selector with an underscore is one, as on the command line");
        assertEquals("Watching 6 records of example.test; finding its name servers…", model.watchingProperty().get());
        assertFalse(model.editingProperty().get(), "the choice closes once watching");
        assertFalse(model.isRefreshing(), "nothing is asked while the page is not shown");
        assertTrue(jobs.messages.isEmpty());

        model.setShown(true);

        assertEquals(List.of("Checking 6 records of example.test on every server"), jobs.messages);
    }

    @Test
    void whatCannotBeWatchedIsSaidBesideIt() {
        model.domainProperty().set("postmaster@example.test");
        assertEquals("Enter only the domain, the part after the @: example.test.", model.domainProblemProperty().get());
        assertFalse(model.canStartProperty().get());

        model.domainProperty().set("example.test");
        model.selectorsProperty().set("s1 bad/selector");
        assertEquals("“bad/selector” is not a selector: use letters, digits, hyphens and underscores, for example s1 or 2026-05.",
                model.selectorsProblemProperty().get());
        assertFalse(model.canStartProperty().get());

        model.selectorsProperty().set("");
        model.spfProperty().set(false);
        model.dmarcProperty().set(false);
        model.mxProperty().set(false);
        assertEquals("Choose at least one record to watch.", model.startProblemProperty().get());
        model.startWatching();
        assertTrue(model.watched().isEmpty());

        model.mxProperty().set(true);
        model.domainProperty().set("");
        assertEquals("Enter the domain whose records to watch.", model.startProblemProperty().get());
        assertEquals("", model.domainProblemProperty().get(), "an empty field is not a mistake yet");
    }

    @Test
    void anyRecordCanBeAddedRelativeToTheDomainAsDnsPanelsTakeIt() {
        model.newNameProperty().set("_mta-sts");
        model.newValuesProperty().set("\"v=STSv1; \" \"id=20260501\"");
        assertEquals("Will watch TXT at _mta-sts.example.test, compared with the value given.", model.newRecordNoteProperty().get());
        assertTrue(model.addRecord());

        model.newNameProperty().set("@");
        model.newTypeProperty().set(RecordType.MX);
        model.newValuesProperty().set("10 mx1.example.test. | 20 mx2.example.test.");
        assertTrue(model.addRecord());

        model.newNameProperty().set("www.other.test.");
        model.newTypeProperty().set(RecordType.A);
        model.newValuesProperty().set("");
        assertEquals("Will watch A at www.other.test, compared with what the name servers with the newest zone serial publish.",
                model.newRecordNoteProperty().get());
        assertTrue(model.addRecord());

        assertEquals(List.of(ExpectedRecord.of("_mta-sts.example.test", RecordType.TXT, "v=STSv1; id=20260501"),
                        ExpectedRecord.of("example.test", RecordType.MX, "10 mx1.example.test.", "20 mx2.example.test."),
                        ExpectedRecord.asPublished("www.other.test", RecordType.A)),
                model.addedRecords());
        assertEquals("A www.other.test (as the newest zone has it)", model.describe(model.addedRecords().get(2)));
        assertEquals("", model.newNameProperty().get(), "the fields clear for the next record");

        model.newNameProperty().set("mail");
        model.newTypeProperty().set(RecordType.MX);
        model.newValuesProperty().set("mail.example.test");
        assertFalse(model.newRecordValidProperty().get());
        assertEquals("“mail.example.test” is not an MX value: write a preference and a host, for example 10 mail.example.com.",
                model.newRecordNoteProperty().get());
        assertFalse(model.addRecord());
        assertEquals(3, model.addedRecords().size());
    }

    @Test
    void anAddedRecordReplacesThePickOfTheSameNameAndType() {
        model.newNameProperty().set("_dmarc");
        model.newValuesProperty().set(NEW_DMARC);
        model.addRecord();

        model.startWatching();

        assertEquals(List.of(ExpectedRecord.asPublished("example.test", RecordType.TXT),
                        ExpectedRecord.asPublished("example.test", RecordType.MX),
                        ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC)),
                model.watched());
    }

    @Test
    void serversComeFromTheResolverInSettingsAndTheOnesAdded() {
        assertEquals("Every address of the zone’s name servers, each on its own on port " + current.port()
                        + " (as set in Settings), then the resolver chosen in Settings, " + current.address() + ".",
                model.serversSummaryProperty().get());

        model.newServerProperty().set("127.0.0.1:99999");
        assertFalse(model.addServer());
        assertTrue(model.newServerProblemProperty().get().endsWith("Write HOST or HOST:PORT, for example 192.0.2.53 or 127.0.0.1:5353."),
                model.newServerProblemProperty().get());
        model.newServerProperty().set(behind.address().toString());
        assertTrue(model.addServer());
        model.newServerProperty().set(behind.address().toString());
        assertTrue(model.addServer());
        ResolverTarget added = ResolverTarget.servers(List.of(behind.address()));
        assertEquals(List.of(added), model.addedServers(), "each server once");

        settings.resolverChoiceProperty().set(ResolverChoice.QUAD9);
        settings.nameServerPortProperty().set(53);
        assertEquals("Every address of the zone’s name servers, each on its own, then the resolvers Quad9, "
                        + behind.address() + "; the first is the one chosen in Settings.",
                model.serversSummaryProperty().get(), "no public resolver is asked unless added");

        model.removeServer(added);
        assertEquals("Every address of the zone’s name servers, each on its own, then the resolver chosen in Settings, Quad9.",
                model.serversSummaryProperty().get());
    }

    @Test
    void eachNameServerIsShownByNameAndAddressEvenWhenTwoShareOneAddress() {
        try (TestDnsServer shared = TestDnsServer.start("""
                $ORIGIN shared.test.
                $TTL 300
                @       SOA ns1 hostmaster 1 3600 600 86400 120
                @       NS  ns1
                @       NS  ns2
                ns1     A   127.0.0.1
                ns2     A   127.0.0.1
                _dmarc  TXT "v=DMARC1; p=none"
                """)) {
            settings.useCustomResolver(shared.address().toString());
            settings.nameServerPortProperty().set(shared.port());
            model.domainProperty().set("shared.test");
            model.spfProperty().set(false);
            model.mxProperty().set(false);

            model.startWatching();

            List<PropagationGrid.Column> columns = model.gridProperty().get().columns();
            String address = "127.0.0.1:" + shared.port();
            assertEquals(List.of("ns1.shared.test " + address, "ns2.shared.test " + address),
                    columns.stream().map(column -> column.title() + " " + column.address()).toList(),
                    "two name servers on one address are two (the resolver, on that address too, is asked as they are)");
        }
    }

    @Test
    void aServersControlCharactersAreShownAsTheCommandLineShowsThem() {
        // A right-to-left override (U+202E, in UTF-8) and a CSI (U+009B) in the published value.
        try (TestDnsServer hostile = TestDnsServer.start(zone(2026010102, "v=DMARC1; p=none; rua=mailto:d@\\226\\128\\174example.test\\194\\155"))) {
            settings.useCustomResolver(hostile.address().toString());
            settings.nameServerPortProperty().set(hostile.port());
            model.spfProperty().set(false);
            model.mxProperty().set(false);

            model.startWatching();

            PropagationGrid.Line dmarc = model.gridProperty().get().lines().get(0);
            String shown = "v=DMARC1; p=none; rua=mailto:d@\uFFFDexample.test\uFFFD";
            assertEquals(List.of(shown), dmarc.values());
            assertEquals(List.of(shown), dmarc.cells().get(0).answer());
            assertTrue(dmarc.cells().get(0).tooltip().contains(shown), dmarc.cells().get(0).tooltip());
        }
    }

    @Test
    void publicResolversAreOneClickPresetsNeverAddedSilently() {
        assertTrue(model.addedServers().isEmpty());
        assertEquals(List.of("Google 8.8.8.8", "Cloudflare 1.1.1.1", "Quad9 9.9.9.9"),
                model.presets().stream().map(model::presetText).toList());

        model.addPreset(PublicResolver.CLOUDFLARE);
        model.addPreset(PublicResolver.CLOUDFLARE);

        assertEquals(List.of(PublicResolver.CLOUDFLARE), model.addedServers(), "each preset once");
        assertEquals("Cloudflare 1.1.1.1", model.describe(model.addedServers().get(0)));
        assertTrue(model.serversSummaryProperty().get().endsWith(current.address() + ", Cloudflare; the first is the one chosen in Settings."),
                model.serversSummaryProperty().get());
        // Nothing is watched here: a test never asks a public resolver.
    }

    @Test
    void theRecordsAndServersAddedComeBackInTheNextRunUntilRemoved() {
        model.newNameProperty().set("_mta-sts");
        model.newValuesProperty().set("v=STSv1; id=20260501");
        assertTrue(model.addRecord());
        model.newServerProperty().set(behind.address().toString());
        model.addServer();
        model.addPreset(PublicResolver.QUAD9);

        PropagationViewModel nextRun = new PropagationViewModel(context(), jobs, timer, clock);

        ExpectedRecord mtaSts = ExpectedRecord.of("_mta-sts.example.test", RecordType.TXT, "v=STSv1; id=20260501");
        assertEquals(List.of(mtaSts), nextRun.addedRecords());
        assertEquals(List.of(ResolverTarget.servers(List.of(behind.address())), PublicResolver.QUAD9), nextRun.addedServers());

        nextRun.removeRecord(mtaSts);
        nextRun.removeServer(PublicResolver.QUAD9);
        PropagationViewModel third = new PropagationViewModel(context(), jobs, timer, clock);

        assertEquals(List.of(), third.addedRecords());
        assertEquals(List.of(ResolverTarget.servers(List.of(behind.address()))), third.addedServers());
    }

    @Test
    void rowsEditedByHandIntoNonsenseAreDroppedAndTheRestKept() {
        settings.propagationServersProperty().set("quad9 ns.example.test:99999 192.0.2.53:53");
        settings.propagationRecordsProperty().set("TXT _dmarc.example.test v%3DDMARC1%3B+p%3Dnone\nBOGUS x.example.test\nMX");

        PropagationViewModel read = new PropagationViewModel(context(), jobs, timer, clock);

        assertEquals(List.of(PublicResolver.QUAD9, ResolverTarget.parse("192.0.2.53")), read.addedServers());
        assertEquals(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, "v=DMARC1; p=none")), read.addedRecords());
    }

    /** The settings as the next run of the window reads them from the same store. */
    private AppContext context() {
        AppContext next = new AppContext(AppSettings.load(preferences.node()), new BackgroundWork(), preferences.dataFolder());
        nextRuns.add(next);
        return next;
    }

    @Test
    void recordsHandedOverByAWizardBecomeTheWatch() {
        List<ExpectedRecord> handed = List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC));
        settings.lastDomainProperty().set("elsewhere.test");

        model.watch(handed);

        assertEquals("example.test", model.domainProperty().get(), "the domain the records belong to");
        assertEquals(handed, model.addedRecords());
        assertFalse(model.spfProperty().get() || model.dmarcProperty().get() || model.mxProperty().get());
        assertEquals(handed, model.watched());
        assertEquals(List.of("Checking 1 record of example.test on every server"), jobs.messages, "the watch starts");
        assertEquals(PropagationViewModel.Activity.DONE, model.activityProperty().get(), "the name server has it");
    }

    @Test
    void aLongRecordIsShownWholeInTheDetailsAndByItsStartAndEndInTheRowsHeader() {
        String key = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + "x".repeat(300) + "wIDAQAB";
        model.watch(List.of(ExpectedRecord.of("s1._domainkey.example.test", RecordType.TXT, key)));

        PropagationGrid.Line dkim = model.gridProperty().get().lines().get(0);
        assertEquals("Expected: " + key, dkim.expected(), "the tooltip and the detail pane say it all");
        String brief = dkim.expectedBrief();
        assertEquals("Expected: ".length() + PropagationGrid.BRIEF_VALUE, brief.length());
        assertTrue(brief.startsWith("Expected: v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEF"), brief);
        assertTrue(brief.endsWith("…" + "x".repeat(13) + "wIDAQAB"), "the key's end, which tells one key from another: " + brief);
        assertEquals("Expected: " + NEW_DMARC, PropagationGrid.brief("Expected: " + NEW_DMARC), "a short one is whole");
    }

    @Test
    void eachCheckFillsTheGridWaitsLongerWhileNothingChangesAndTellsWhenItIsEverywhere() {
        watchDmarcWith(behind);

        PropagationGrid grid = model.gridProperty().get();
        assertEquals(List.of("ns1.example.test", behind.address().toString()),
                grid.columns().stream().map(PropagationGrid.Column::title).toList());
        assertEquals(List.of("2026010102", "2026010101"), grid.columns().stream().map(PropagationGrid.Column::serialText).toList());
        PropagationGrid.Line dmarc = grid.lines().get(0);
        assertEquals("DMARC", dmarc.title());
        assertEquals("Newest zone (serial 2026010102): " + NEW_DMARC, dmarc.expected());
        assertEquals(List.of(CellState.MATCH, CellState.MISMATCH), dmarc.cells().stream().map(PropagationGrid.GridCell::state).toList());
        PropagationGrid.GridCell old = dmarc.cells().get(1);
        assertEquals(CheckState.WARNING, old.look(), "an old answer in a cache clears by itself");
        assertEquals("Mismatch", old.word());
        assertEquals("by 12:10:00", old.note());
        assertEquals(behind.address() + " answers something else: " + OLD_DMARC + " (TTL 600 s).\n\nAnswer:\n" + OLD_DMARC
                + "\n\nTTL 600 s · zone serial 2026010101 · should show the record by 12:10:00", old.tooltip());
        // The TTL the name server that publishes the record gives it, not a default.
        assertEquals(List.of("_dmarc.example.test. 600 IN TXT \"" + NEW_DMARC + "\""), dmarc.zoneLines());
        assertEquals("1 of 2 answers match; 0 of 1 record is everywhere.", model.headlineProperty().get());
        assertEquals(CheckState.WARNING, model.overallProperty().get());
        assertEquals("Spreading", model.overallWordProperty().get());
        assertEquals("Expected everywhere by 12:10:00 (in 10 min), as caches expire and secondaries refresh.", model.etaProperty().get());
        assertEquals("Next check in 0:15", model.countdownProperty().get(), "the first look is news: the shortest wait");
        assertEquals("Watching 1 record of example.test (zone example.test) on 1 name server address and 1 resolver.",
                model.watchingProperty().get());
        assertEquals(List.of("First look: 1 of 2 answers match."), model.history().get(0).lines());
        assertTrue(model.isRefreshing());

        timer.advance(Duration.ofSeconds(14));
        assertEquals(1, jobs.messages.size(), "not before its time");
        timer.advance(Duration.ofSeconds(1));
        assertEquals(2, jobs.messages.size());
        assertEquals("Next check in 0:30", model.countdownProperty().get(), "nothing changed: twice as long");
        assertEquals(1, model.history().size(), "a check that changed nothing is not history");

        behind.replaceZones(CURRENT);
        timer.advance(Duration.ofSeconds(30));

        assertEquals(PropagationViewModel.Activity.DONE, model.activityProperty().get());
        assertFalse(model.isRefreshing());
        assertTrue(timer.idle(), "no more checks once everything matches");
        assertEquals(CheckState.PASS, model.overallProperty().get());
        assertEquals("Every server has the record: 2 of 2 answers match.", model.headlineProperty().get());
        assertEquals("Everywhere: every server publishes the record of example.test.", model.notificationProperty().get());
        assertEquals("Everywhere since 12:00:00.", model.etaProperty().get());
        assertEquals("No more automatic checks needed", model.countdownProperty().get());
        HistoryEntry latest = model.history().get(0);
        assertEquals(CheckState.PASS, latest.look());
        assertEquals(List.of("Everywhere: every server publishes every record.",
                "DMARC at " + behind.address() + ": Mismatch → Match",
                behind.address() + ": zone serial 2026010101 → 2026010102"), latest.lines());

        model.dismissNotification();
        assertEquals("", model.notificationProperty().get());
    }

    @Test
    void theReferenceIsTheNewestZoneNotTheMajorityAsOnTheCommandLine() {
        try (TestDnsServer alsoBehind = TestDnsServer.start(BEHIND)) {
            watchDmarcWith(behind, alsoBehind);

            PropagationGrid.Line dmarc = model.gridProperty().get().lines().get(0);
            assertEquals("Newest zone (serial 2026010102): " + NEW_DMARC, dmarc.expected(), "two of three have the old");
            assertEquals(List.of(CellState.MATCH, CellState.MISMATCH, CellState.MISMATCH),
                    dmarc.cells().stream().map(PropagationGrid.GridCell::state).toList());

            String json = commandLine("propagation", "--name", "_dmarc.example.test", "--type", "TXT", "--json",
                    "--server", current.address().toString(), "--server", behind.address().toString(),
                    "--server", alsoBehind.address().toString(), "--authoritative", "--ns-port", String.valueOf(current.port()),
                    "--timeout-ms", "250", "--retries", "0");

            assertTrue(json.startsWith("{\"name\":\"_dmarc.example.test\",\"type\":\"TXT\",\"expected\":[\"" + NEW_DMARC + "\"]"),
                    json);
            WatchPlan plan = model.plan().orElseThrow();
            List<String> asked = plan.servers().stream()
                    .map(server -> server.target().id() + " " + server.role().jsonName()).toList();
            assertEquals(asked, serversOf(json), "the same servers, in the same order, in the same roles");
        }
    }

    /** What {@code mailwright ARGS} prints, in English. */
    private static String commandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MailwrightCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Each {@code "server":"HOST:PORT","role":"ROLE"} of the command line's JSON, as {@code HOST:PORT ROLE}. */
    private static List<String> serversOf(String json) {
        Matcher server = Pattern.compile("\"server\":\"([^\"]+)\",\"role\":\"([a-z]+)\"").matcher(json);
        List<String> servers = new java.util.ArrayList<>();
        while (server.find()) {
            servers.add(server.group(1) + " " + server.group(2));
        }
        return servers;
    }

    @Test
    void aSilentServerLeavesNoEstimateAndSaysWhy() {
        behind.setBehaviour(TestDnsServer.Behaviour.SILENT);
        watchDmarcWith(behind);

        PropagationGrid.GridCell silent = model.gridProperty().get().lines().get(0).cells().get(1);
        assertEquals(CellState.ERROR, silent.state());
        assertEquals(CheckState.ERROR, silent.look());
        assertEquals("no answer", silent.note());
        assertEquals(CheckState.ERROR, model.overallProperty().get());
        assertEquals("Needs a look", model.overallWordProperty().get());
        assertEquals("No estimate: a server gives no usable answer. See its cell for what happened.", model.etaProperty().get());
    }

    @Test
    void aDomainInNoZoneIsSaidAndOnlyTheResolversAreAsked() {
        model.domainProperty().set("nowhere.test");
        model.startWatching();

        WatchPlan plan = model.plan().orElseThrow();
        assertFalse(plan.zoneFound());
        assertEquals(0, plan.authoritativeCount());
        assertTrue(model.noticeProperty().get().startsWith("No zone holding nowhere.test was found"), model.noticeProperty().get());
    }

    @Test
    void aCheckThatCannotFinishIsSaidPlainlyAndTriedAgain() {
        List<String> tried = new java.util.ArrayList<>();
        BackgroundJobs failing = new BackgroundJobs() {
            @Override
            public <T> Job start(String message, java.util.function.Supplier<CompletableFuture<T>> work,
                                 java.util.function.BiConsumer<T, Throwable> done) {
                tried.add(message);
                done.accept(null, new IllegalStateException("java.nio.channels.ClosedSelectorException at sun.nio.ch"));
                return () -> { };
            }
        };
        PropagationViewModel failed = new PropagationViewModel(context, failing, timer, clock);
        failed.setShown(true);
        failed.startWatching();

        assertEquals("The last check could not be finished. Mailwright tries again by itself.", failed.noticeProperty().get());
        assertEquals("Next check in 0:15", failed.countdownProperty().get());
        timer.advance(Duration.ofSeconds(15));
        assertEquals(2, tried.size());
    }

    @Test
    void leavingThePageStopsTheChecksAndComingBackFindsTheServersAgain() {
        watchDmarcWith(behind);
        model.setShown(false);

        assertFalse(model.isRefreshing());
        assertTrue(timer.idle());
        timer.advance(Duration.ofMinutes(10));
        assertEquals(1, jobs.messages.size(), "nothing asked unseen");

        // ns1 is 127.0.0.1: on the other server's port, that server is the name server.
        settings.nameServerPortProperty().set(behind.port());
        model.setShown(true);

        assertEquals(2, jobs.messages.size());
        assertEquals(List.of(behind.address().toString(), current.address().toString()),
                model.plan().orElseThrow().servers().stream().map(server -> server.target().id()).toList(),
                "the servers found again, on the port in Settings now");
    }

    @Test
    void everythingIsWordedAgainInSpanish() {
        watchDmarcWith(behind);

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("1 de 2 respuestas coinciden; 0 de 1 registro está en todas partes.", model.headlineProperty().get());
        assertEquals("Propagándose", model.overallWordProperty().get());
        assertEquals(List.of("Coincide", "Distinto"),
                model.gridProperty().get().lines().get(0).cells().stream().map(PropagationGrid.GridCell::word).toList());
        assertEquals("Próxima comprobación en 0:15", model.countdownProperty().get());
        assertEquals(List.of("Primera consulta: coinciden 1 de 2 respuestas."), model.history().get(0).lines());
        assertEquals("Se espera en todas partes a las 12:10:00 (dentro de 10 min), a medida que caducan las cachés y se actualizan los secundarios.",
                model.etaProperty().get());
    }
}
