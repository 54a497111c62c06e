package org.mailwright.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailwright.check.CheckArea;
import org.mailwright.check.CheckHistory;
import org.mailwright.check.CheckSettings;
import org.mailwright.check.HealthCheck;
import org.mailwright.check.HealthReport;
import org.mailwright.check.HealthReportExport;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The Health check page's state and logic against the test DNS server, without the FX thread. */
class HealthCheckViewModelTest {

    /** A domain whose SPF uses the deprecated ptr and whose DMARC policy only monitors: findings the wizards fix. */
    static final String SHOP = """
            $ORIGIN shop.test.
            @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
            @        NS    ns1
            @        NS    ns2
            ns1      A     127.0.0.1
            ns2      A     127.0.0.1
            @        MX    10 mail
            mail     A     192.0.2.25
            @        TXT   "v=spf1 mx ptr ~all"
            _dmarc   TXT   "v=DMARC1; p=none; rua=mailto:dmarc@shop.test"
            """;
    static final String REVERSE = """
            $ORIGIN 2.0.192.in-addr.arpa.
            25       PTR   mail.shop.test.
            """;

    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppSettings settings;
    private AppContext context;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<FixWizard> wizardsOpened = new ArrayList<>();

    @BeforeEach
    void start() {
        dns = TestDnsServer.start(SHOP, REVERSE);
        preferences = new ThrowawayPreferences();
        settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(750));
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    private HealthCheckViewModel open(BackgroundJobs jobs) {
        return new HealthCheckViewModel(context, jobs, clock, wizardsOpened::add);
    }

    private HealthCheckViewModel checked(String domain) {
        HealthCheckViewModel model = open(new DirectJobs());
        model.domainProperty().set(domain);
        model.check();
        return model;
    }

    /** What {@code mailwright check --server <dns>} finds: the same core, the same settings. */
    private HealthReport cliReport(String domain) {
        CheckSettings cli = CheckSettings.defaults().withNameServerPort(dns.port());
        return new HealthCheck(context.resolver().fresh(), dns.target(), cli, clock).check(DomainName.of(domain)).join();
    }

    @Test
    void theDomainWorkedOnIsCheckedUntilAnotherIsTyped() {
        settings.lastDomainProperty().set("shop.test");
        HealthCheckViewModel model = open(new DirectJobs());
        assertEquals("shop.test", model.domainProperty().get());

        settings.lastDomainProperty().set("other.test");
        assertEquals("other.test", model.domainProperty().get());

        model.domainProperty().set("mine.test");
        settings.lastDomainProperty().set("third.test");
        assertEquals("mine.test", model.domainProperty().get());
    }

    @Test
    void theScorecardIsTheOneTheCommandLinePrints() {
        HealthCheckViewModel model = checked("shop.test");
        HealthReport cli = cliReport("shop.test");

        ShownScorecard card = model.scorecardProperty().get();
        assertEquals(cli.scorecard().grade(), card.grade());
        assertEquals(cli.scorecard().score(), card.score());
        assertEquals("Grade " + cli.scorecard().grade() + ": " + cli.scorecard().score() + " of 100 points", card.headline());
        assertTrue(card.detail().startsWith("shop.test, checked "), card.detail());
        assertTrue(card.detail().endsWith(" through " + dns.address() + "."), card.detail());
        assertEquals(cli.scorecard().areas().size(), card.areas().size());
        for (int i = 0; i < card.areas().size(); i++) {
            var shown = card.areas().get(i);
            var printed = cli.scorecard().areas().get(i);
            assertEquals(printed.area().text(Locale.ENGLISH), shown.name(), "the CLI's area name");
            assertEquals(printed.mark(), shown.mark(), shown.name());
            assertEquals(printed.costs().stream().map(cost -> cost.finding().message(Locale.ENGLISH)).toList(),
                    shown.findings().stream().map(line -> line.finding().message(Locale.ENGLISH)).toList(),
                    shown.name() + ": the registry's words");
            assertEquals(printed.costs().stream().map(cost -> cost.points()).toList(),
                    shown.findings().stream().map(ShownScorecard.Line::cost).toList(), shown.name());
        }
        assertFalse(model.runningProperty().get());
        assertEquals("", model.noteProperty().get());
    }

    @Test
    void eachAreaTalliesWhatItFound() {
        ShownScorecard card = checked("shop.test").scorecardProperty().get();

        ShownScorecard.Area spf = area(card, CheckArea.SPF);
        long warnings = spf.findings().stream().filter(line -> line.finding().severity().name().equals("WARNING")).count();
        assertTrue(warnings > 0, spf.toString());
        assertTrue(spf.tally().contains(warnings == 1 ? "1 warning" : warnings + " warnings"), spf.tally());
        card.areas().stream().filter(area -> area.findings().stream()
                        .allMatch(line -> line.finding().severity().name().equals("PASS")))
                .forEach(clean -> assertEquals("Nothing to fix", clean.tally(), clean.name()));
    }

    @Test
    void findingsOfTheWizardsAreasOpenTheirWizardOnTheCheckedDomain() {
        settings.lastDomainProperty().set("elsewhere.test");
        HealthCheckViewModel model = checked("shop.test");
        ShownScorecard card = model.scorecardProperty().get();

        for (ShownScorecard.Area area : card.areas()) {
            for (ShownScorecard.Line line : area.findings()) {
                Optional<FixWizard> expected = line.finding().severity().name().equals("PASS") ? Optional.empty()
                        : switch (line.finding().area()) {
                            case "spf" -> Optional.of(FixWizard.SPF);
                            case "dkim" -> Optional.of(FixWizard.DKIM);
                            case "dmarc" -> Optional.of(FixWizard.DMARC);
                            default -> Optional.empty();
                        };
                assertEquals(expected, line.fix(), line.finding().id());
            }
        }
        ShownScorecard.Line dmarc = area(card, CheckArea.DMARC).findings().stream()
                .filter(line -> line.fix().isPresent()).findFirst().orElseThrow(() -> new AssertionError(card));

        model.fix(dmarc.fix().get());

        assertEquals(List.of(FixWizard.DMARC), wizardsOpened);
        assertEquals("shop.test", settings.lastDomainProperty().get(), "the wizard opens on the domain checked");
    }

    @Test
    void aNullMxIsFixedInTheSpfAndDmarcWizards() {
        dns.replaceZones("""
                $ORIGIN nomail.test.
                @        NS    ns1
                ns1      A     127.0.0.1
                @        MX    0 .
                @        TXT   "v=spf1 ~all"
                _dmarc   TXT   "v=DMARC1; p=none; rua=mailto:dmarc@nomail.test"
                """);
        ShownScorecard card = checked("nomail.test").scorecardProperty().get();

        List<ShownScorecard.Line> mailHosts = area(card, CheckArea.MAIL_HOSTS).findings();
        assertEquals(Optional.of(FixWizard.SPF), fixOf(mailHosts, "mx.null-spf"));
        assertEquals(Optional.of(FixWizard.DMARC), fixOf(mailHosts, "mx.null-dmarc"));
        assertEquals(Optional.empty(), fixOf(mailHosts, "mx.null"));
    }

    @Test
    void theNextCheckSaysWhatChangedSinceTheLast() throws Exception {
        HealthCheckViewModel model = checked("shop.test");
        assertEquals("This is the first check of shop.test here: the next one will say what changed.",
                model.changesTitleProperty().get());
        assertTrue(model.changes().isEmpty());
        List<String> spfBefore = ids(area(model.scorecardProperty().get(), CheckArea.SPF));

        dns.replaceZones(SHOP.replace(" ptr", ""), REVERSE);
        clock.advance(Duration.ofDays(1));
        model.check();

        assertTrue(model.changesTitleProperty().get().startsWith("Changes since "), model.changesTitleProperty().get());
        assertTrue(model.changesTitleProperty().get().contains("2026"), model.changesTitleProperty().get());
        List<String> spfAfter = ids(area(model.scorecardProperty().get(), CheckArea.SPF));
        List<String> fixed = model.changes().stream().filter(HealthCheckViewModel.ChangeLine::fixed)
                .map(HealthCheckViewModel.ChangeLine::id).toList();
        assertFalse(fixed.isEmpty(), model.changes().toString());
        assertTrue(fixed.stream().allMatch(id -> spfBefore.contains(id) && !spfAfter.contains(id)), fixed.toString());
        List<CheckHistory.Entry> kept = new CheckHistory(context.dataFolder()).entries(DomainName.of("shop.test"));
        assertEquals(2, kept.size(), "each check is kept in the data folder, as the CLI keeps it");

        clock.advance(Duration.ofDays(1));
        model.check();
        assertTrue(model.changesTitleProperty().get().startsWith("Nothing changed since the last check, on "),
                model.changesTitleProperty().get());
        assertTrue(model.changes().isEmpty());
    }

    @Test
    void aNewFindingIsSaidInTheLanguageChosen() {
        dns.replaceZones(SHOP.replace(" ptr", ""), REVERSE);
        HealthCheckViewModel model = checked("shop.test");
        dns.replaceZones(SHOP, REVERSE);
        settings.languageProperty().set(Language.SPANISH);
        clock.advance(Duration.ofHours(1));

        model.check();

        assertTrue(model.changesTitleProperty().get().startsWith("Cambios desde el "), model.changesTitleProperty().get());
        HealthCheckViewModel.ChangeLine appeared = model.changes().stream().filter(line -> !line.fixed()).findFirst()
                .orElseThrow(() -> new AssertionError(model.changes()));
        Finding now = model.scorecardProperty().get().areas().stream().flatMap(area -> area.findings().stream())
                .map(ShownScorecard.Line::finding).filter(finding -> finding.id().equals(appeared.id())).findFirst().orElseThrow();
        assertEquals(now.message(Locale.forLanguageTag("es")), appeared.text());
    }

    @Test
    void theScorecardFollowsTheLanguage() {
        HealthCheckViewModel model = checked("shop.test");
        ShownScorecard english = model.scorecardProperty().get();

        settings.languageProperty().set(Language.SPANISH);

        ShownScorecard spanish = model.scorecardProperty().get();
        Locale es = Locale.forLanguageTag("es");
        assertEquals("Nota " + english.grade() + ": " + english.score() + " de 100 puntos", spanish.headline());
        assertEquals(CheckArea.MAIL_HOSTS.text(es), area(spanish, CheckArea.MAIL_HOSTS).name());
        assertEquals("Servidores de correo", area(spanish, CheckArea.MAIL_HOSTS).name());
        assertEquals("Es la primera revisión de shop.test en este equipo: la siguiente le dirá qué ha cambiado.",
                model.changesTitleProperty().get());
        assertEquals(Locale.forLanguageTag("es"), model.locale());
        assertTrue(model.exportText(HealthCheckViewModel.Format.HTML).contains("<html lang=\"es\">"));
        assertTrue(model.exportText(HealthCheckViewModel.Format.MARKDOWN).contains("- **Servidores de correo**: "));
    }

    @Test
    void everyExportIsTheCommandLinesAndIsSaved() throws Exception {
        HealthCheckViewModel model = open(new DirectJobs());
        assertFalse(model.canExportProperty().get());
        assertEquals("", model.exportText(HealthCheckViewModel.Format.JSON));
        model.domainProperty().set("shop.test");
        model.check();
        assertTrue(model.canExportProperty().get());

        String json = model.exportText(HealthCheckViewModel.Format.JSON);
        assertTrue(json.startsWith("{\"domain\":\"shop.test\",\"grade\":\"" + model.scorecardProperty().get().grade() + "\""), json);
        assertTrue(json.endsWith("}\n"), json);
        String csv = model.exportText(HealthCheckViewModel.Format.CSV);
        assertTrue(csv.startsWith(HealthReportExport.CSV_HEADER + "\nshop.test," + model.scorecardProperty().get().grade() + ","), csv);
        assertTrue(model.exportText(HealthCheckViewModel.Format.HTML).startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(model.exportText(HealthCheckViewModel.Format.MARKDOWN).startsWith("# shop.test: "));
        assertEquals("shop.test-health.md", model.suggestedFileName(HealthCheckViewModel.Format.MARKDOWN));

        Path file = preferences.dataFolder().resolve("shop.html");
        model.export(HealthCheckViewModel.Format.HTML, file);

        assertEquals(model.exportText(HealthCheckViewModel.Format.HTML), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("Saved the report to " + file + ".", model.noteProperty().get());
    }

    @Test
    void aSaveThatFailsSaysSo() throws Exception {
        HealthCheckViewModel model = checked("shop.test");
        Path file = preferences.dataFolder().resolve("a-file");
        Files.writeString(file, "not a folder");
        Path nowhere = file.resolve("shop.csv");

        model.export(HealthCheckViewModel.Format.CSV, nowhere);

        assertTrue(model.noteProperty().get().startsWith("Could not save the report to " + nowhere + ": "),
                model.noteProperty().get());
    }

    @Test
    void aNewCheckDropsTheOneStillRunning() {
        HeldJobs jobs = new HeldJobs();
        HealthCheckViewModel model = open(jobs);
        model.domainProperty().set("shop.test");
        model.check();
        assertTrue(model.runningProperty().get());
        assertEquals("shop.test", model.checkingProperty().get());
        assertEquals(List.of("Checking the health of shop.test"), jobs.messages);

        model.check();
        assertTrue(jobs.cancelled.get(0), "the first check is stopped");
        jobs.finish(0);
        assertNull(model.scorecardProperty().get(), "its late outcome is dropped");
        assertTrue(model.runningProperty().get());

        jobs.finish(1);
        assertFalse(model.runningProperty().get());
        assertEquals("shop.test", model.scorecardProperty().get().domain());
        assertEquals("", model.checkingProperty().get());
    }

    @Test
    void cancellingSaysTheCheckDidNotFinish() {
        HeldJobs jobs = new HeldJobs();
        HealthCheckViewModel model = open(jobs);
        model.domainProperty().set("shop.test");
        model.check();

        model.cancel();

        assertFalse(model.runningProperty().get());
        assertTrue(jobs.cancelled.get(0));
        assertEquals("The check was cancelled before every area answered. Choose Check to start again.",
                model.noteProperty().get());
        assertNull(model.scorecardProperty().get());
    }

    @Test
    void typedSelectorsAreTriedAndAMistypedOneIsNamed() {
        HealthCheckViewModel model = open(new DirectJobs());
        model.domainProperty().set("shop.test");
        model.selectorsProperty().set("s2026, mail_2026");

        assertEquals("“mail_2026” is not a selector: " + Selector.parse("mail_2026").problem()
                .orElseThrow().text(Locale.ENGLISH), model.selectorsProblemProperty().get());
        assertFalse(model.canCheckProperty().get());
        model.check();
        assertNull(model.scorecardProperty().get(), "nothing is checked with a mistyped selector");

        model.selectorsProperty().set("s2026 mail2026");
        assertEquals("", model.selectorsProblemProperty().get());
        model.check();
        String missing = area(model.scorecardProperty().get(), CheckArea.DKIM).findings().stream()
                .filter(line -> line.finding().id().equals("dkim.missing")).findFirst().orElseThrow()
                .finding().message(Locale.ENGLISH);
        assertTrue(missing.contains("s2026, mail2026, default"), missing);
    }

    @Test
    void aDomainThatIsNoneIsExplained() {
        HealthCheckViewModel model = open(new DirectJobs());
        model.domainProperty().set("shop test");

        assertEquals("A domain name has no spaces.", model.domainProblemProperty().get());
        assertFalse(model.canCheckProperty().get());
    }

    private static ShownScorecard.Area area(ShownScorecard card, CheckArea which) {
        return card.areas().stream().filter(area -> area.area() == which).findFirst()
                .orElseThrow(() -> new AssertionError(which + " in " + card));
    }

    private static List<String> ids(ShownScorecard.Area area) {
        return area.findings().stream().map(line -> line.finding().id()).toList();
    }

    private static Optional<FixWizard> fixOf(List<ShownScorecard.Line> lines, String id) {
        return lines.stream().filter(line -> line.finding().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " in " + lines)).fix();
    }

    /** Jobs that run when the test says, so a check can still be running when another starts. */
    private static final class HeldJobs implements BackgroundJobs {
        final List<String> messages = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();
        private final List<Runnable> finishers = new ArrayList<>();

        @Override
        public <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
            int index = messages.size();
            messages.add(message);
            cancelled.add(false);
            finishers.add(() -> {
                T result = work.get().join();
                done.accept(result, null);
            });
            return () -> cancelled.set(index, true);
        }

        void finish(int index) {
            finishers.get(index).run();
        }
    }

    /** A clock the test moves on, so two checks are told apart. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
