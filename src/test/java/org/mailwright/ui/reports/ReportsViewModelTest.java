package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.findings.ReportFinding;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.SampleReports;
import org.mailwright.reports.Timeline;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.check.WizardRequest;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The Reports page's state and logic: generated reports imported into the data folder's archive, without the FX thread. */
class ReportsViewModelTest {

    /** shop.test authorizes its mail host only; Google's server sends for it too, unlisted. */
    static final String SHOP = """
            $ORIGIN shop.test.
            @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
            @        NS    ns1
            ns1      A     127.0.0.1
            @        MX    10 mail
            mail     A     192.0.2.25
            @        TXT   "v=spf1 mx ~all"
            """;
    static final String GOOGLE = """
            $ORIGIN google.com.
            @             SOA   ns1 hostmaster 1 3600 600 86400 300
            @             NS    ns1
            mail-sor-f41  A     209.85.220.41
            """;
    static final String REVERSE = """
            $ORIGIN in-addr.arpa.
            @                  SOA   ns1.shop.test. hostmaster.shop.test. 1 3600 600 86400 300
            25.2.0.192         PTR   mail.shop.test.
            41.220.85.209      PTR   mail-sor-f41.google.com.
            """;
    /** 2026-12-01 and 2026-12-02, midnight UTC. */
    static final long DAY1 = 1_796_083_200L;
    static final long DAY2 = DAY1 + 86_400;

    @TempDir
    Path folder;
    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppSettings settings;
    private AppContext context;
    private final List<WizardRequest> wizardsOpened = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        dns = TestDnsServer.start(SHOP, GOOGLE, REVERSE);
        preferences = new ThrowawayPreferences();
        settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(750));
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        Path inbox = Files.createDirectories(folder.resolve("inbox/2026"));
        Files.write(inbox.resolve("google-1.xml.gz"), SampleReports.gzip(SampleReports.xml("google.com", "g1", "shop.test", DAY1,
                List.of(SampleReports.row("192.0.2.25", 30, "pass", "pass"), SampleReports.row("209.85.220.41", 10, "pass", "fail")))));
        Files.writeString(inbox.resolve("yahoo-2.xml"), SampleReports.xml("yahoo.com", "y2", "shop.test", DAY2,
                List.of(SampleReports.row("192.0.2.25", 5, "pass", "pass"), SampleReports.row("198.51.100.9", 5, "fail", "fail"))));
        Files.writeString(inbox.resolve("other.xml"), SampleReports.xml("yahoo.com", "y3", "other.test", DAY2,
                List.of(SampleReports.row("203.0.113.7", 7, "pass", "pass"))));
        Files.write(inbox.resolve("broken.xml"), "<feedback><report_metadata>".getBytes(StandardCharsets.UTF_8));
        Files.writeString(inbox.resolve(".hidden.xml"), "not a report");
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    private ReportsViewModel open() {
        return new ReportsViewModel(context, new DirectJobs(), wizardsOpened::add);
    }

    private ReportsViewModel imported() {
        ReportsViewModel model = open();
        model.importPaths(List.of(folder.resolve("inbox")));
        return model;
    }

    @Test
    void aFolderIsImportedFileByFileIntoTheDataFoldersArchive() {
        ReportsViewModel model = imported();

        assertFalse(model.importingProperty().get());
        assertEquals(4, model.filesTotalProperty().get(), "the hidden file is left out, as the CLI leaves it");
        assertEquals(4, model.filesDoneProperty().get());
        assertEquals("Import finished: 3 new reports from 4 files, 0 already archived, 1 file unreadable.",
                model.importNoteProperty().get());
        assertEquals(1, model.errors().size());
        assertEquals("broken.xml", model.errors().get(0).name());
        assertFalse(model.errors().get(0).reason(Locale.ENGLISH).isBlank());
        assertFalse(model.errors().get(0).reason(Locale.forLanguageTag("es")).equals(model.errors().get(0).reason(Locale.ENGLISH)),
                "the reason is said in the window's language of the moment, not the one it was read in");
        assertTrue(Files.exists(preferences.dataFolder().resolve(ReportArchive.DEFAULT_FILE)));
    }

    @Test
    void theImportsNoteIsSaidAgainInTheNextLanguage() {
        ReportsViewModel model = imported();

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("Importación terminada: 3 informes nuevos de 4 archivos, 0 ya archivados, 1 archivo ilegible.",
                model.importNoteProperty().get());
    }

    @Test
    void importingAgainFindsTheReportsArchived() {
        ReportsViewModel model = imported();
        model.importPaths(List.of(folder.resolve("inbox/2026/google-1.xml.gz")));

        assertEquals("Import finished: 0 new reports from 1 file, 1 already archived, 0 files unreadable.",
                model.importNoteProperty().get());
        assertTrue(model.errors().isEmpty(), "the errors are those of the last import");
    }

    @Test
    void theSummaryShowsTotalsAndEachSourceWithItsNames() {
        ReportsViewModel model = imported();

        assertEquals("3 reports, 57 messages: 52 passed DMARC (91.2%), 5 failed (8.8%).", model.totalsProperty().get());
        List<ReportsViewModel.SourceRow> rows = model.sources();
        assertEquals(List.of("192.0.2.25", "209.85.220.41", "203.0.113.7", "198.51.100.9"),
                rows.stream().map(ReportsViewModel.SourceRow::ip).toList(), "most messages first");
        ReportsViewModel.SourceRow mail = rows.get(0);
        assertEquals(new ReportsViewModel.SourceRow("192.0.2.25", "mail.shop.test", "", 35, 35, 0, 35, 35), mail);
        assertEquals("Google Workspace", rows.get(1).label());
        assertFalse(model.namesPendingProperty().get());
        assertTrue(model.suggestions().isEmpty(), "suggestions are about one domain's SPF record");
    }

    @Test
    void aSourceWhoseNameCouldNotBeLookedUpIsSaidToBeUnknownFirstAmongTheSuggestions() {
        dns.failName("9.100.51.198.in-addr.arpa");
        ReportsViewModel model = imported();

        assertEquals(ReportFinding.NAMES_UNANSWERED, model.suggestions().get(0).type(), model.suggestions().toString());
        assertTrue(model.suggestions().get(0).message(model.locale())
                .startsWith("The reverse names of 1 of the 4 sources looked up are not known: the lookups failed (server failure from "),
                model.suggestions().get(0).message(model.locale()));
        assertEquals("", model.sources().get(3).ptr());
    }

    @Test
    void theFilterKeepsTheSourcesWhoseAddressOrNamesContainIt() {
        ReportsViewModel model = imported();

        model.filterProperty().set("GOOGLE");
        assertEquals(List.of("209.85.220.41"), model.sources().stream().map(ReportsViewModel.SourceRow::ip).toList());
        model.filterProperty().set("192.0");
        assertEquals(List.of("192.0.2.25"), model.sources().stream().map(ReportsViewModel.SourceRow::ip).toList());
        model.filterProperty().set("");
        assertEquals(4, model.sources().size());
    }

    @Test
    void oneDomainAndPeriodAreSummedUpWithTheirSuggestions() {
        ReportsViewModel model = imported();
        model.domainProperty().set("Shop.Test");
        model.refresh();

        assertEquals("2 reports, 50 messages: 45 passed DMARC (90.0%), 5 failed (10.0%).", model.totalsProperty().get());
        assertTrue(model.suggestions().stream().anyMatch(finding -> finding.type() == ReportFinding.PROVIDER_NOT_IN_SPF),
                model.suggestions().toString());
        var google = model.suggestions().stream().filter(model::opensSpfWizard).findFirst().orElseThrow();
        assertTrue(google.message(model.locale()).contains("Google"), google.message(model.locale()));

        model.openSpfWizard(google);
        assertEquals(List.of(WizardRequest.spfIncluding("_spf.google.com")), wizardsOpened,
                "the SPF wizard opens with the include the suggestion names");
        assertEquals("shop.test", settings.lastDomainProperty().get(), "the wizard opens on the reports' domain");

        model.sinceProperty().set(LocalDate.of(2026, 12, 2));
        model.refresh();
        assertEquals("1 report, 10 messages: 5 passed DMARC (50.0%), 5 failed (50.0%).", model.totalsProperty().get());
    }

    @Test
    void theChartsHaveMessagesPerDayAndEachReportersPassRate() {
        ReportsViewModel model = imported();
        var loaded = model.loadedProperty().get();

        assertEquals(new Timeline(Timeline.Unit.DAY, List.of(
                new Timeline.Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), 40, 0),
                new Timeline.Period(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2), 12, 5))), loaded.timeline());
        assertEquals(List.of(new ReportArchive.Reporter("google.com", 40, 40), new ReportArchive.Reporter("yahoo.com", 17, 12)),
                loaded.reporters());
    }

    @Test
    void aBadDomainOrPeriodIsExplainedAndNotSummedUp() {
        ReportsViewModel model = imported();
        String before = model.totalsProperty().get();

        model.domainProperty().set("not a domain");
        assertFalse(model.domainProblemProperty().get().isEmpty());
        model.refresh();
        assertEquals(before, model.totalsProperty().get());

        model.domainProperty().set("");
        model.sinceProperty().set(LocalDate.of(2026, 12, 2));
        model.untilProperty().set(LocalDate.of(2026, 12, 1));
        assertEquals("The period ends before it begins: choose a later end day.", model.periodProblemProperty().get());
    }

    @Test
    void controlCharactersFromAReportAreShownAsTheCommandLineShowsThem() throws IOException {
        Files.writeString(folder.resolve("inbox/hostile.xml"), SampleReports.xml("bad.example", "b1", "shop.test", DAY2,
                List.of(SampleReports.row("10.0.0.1\u009b2J", 3, "fail", "fail"))).replace("<spf>fail</spf></policy_evaluated>",
                "<spf>fail</spf><reason><type>other</type><comment>\u202eevil</comment></reason></policy_evaluated>"));
        ReportsViewModel model = imported();
        model.domainProperty().set("shop.test");
        model.refresh();

        assertTrue(model.sources().stream().anyMatch(row -> row.ip().equals("10.0.0.1\uFFFD2J")), model.sources().toString());
        List<String> lines = model.ledger().stream().flatMap(part -> part.lines().stream()).toList();
        assertTrue(lines.contains("    \"\uFFFDevil\""), lines.toString());
        String printed = cli("--domain", "shop.test");
        lines.forEach(line -> assertTrue(printed.contains(line.strip() + "\n"), line + " in\n" + printed));
        assertTrue(printed.contains("\n10.0.0.1\uFFFD2J "), printed);
    }

    @Test
    void failureReportsAreListedInTheCommandLinesOwnLines() throws IOException {
        Files.writeString(folder.resolve("inbox/ruf.eml"), SampleReports.failure("shop.test", "203.0.113.66",
                "Wed, 02 Dec 2026 07:15:00 +0000", "dmarc", "reject", "ceo@shop.test", "Urgent\u009b2J wire"));
        ReportsViewModel model = imported();
        model.domainProperty().set("shop.test");
        model.refresh();

        ReportsViewModel.SummaryPart failures = model.ledger().get(model.ledger().size() - 1);
        assertEquals("Failure reports (1):", failures.heading());
        assertEquals(List.of("2026-12-02 07:15 UTC · 203.0.113.66 · shop.test · dmarc failed · delivery: reject"
                + " · From: ceo@shop.test · “Urgent\uFFFD2J wire”"), failures.lines());
        String printed = cli("--domain", "shop.test");
        assertTrue(printed.contains(failures.heading() + "\n  " + failures.lines().get(0) + "\n"), printed);

        assertTrue(model.hasFailureReportsProperty().get());
        for (ReportsViewModel.ExportFormat format : List.of(ReportsViewModel.ExportFormat.FAILURES_CSV,
                ReportsViewModel.ExportFormat.FAILURES_JSON)) {
            Path saved = folder.resolve("failures." + format.extension());
            model.export(format, saved);
            assertEquals(failuresCli("--" + format.extension(), "--domain", "shop.test", "--limit", "10000"),
                    Files.readString(saved, StandardCharsets.UTF_8), "the bytes reports failures prints");
            assertEquals("Saved the failure reports to " + saved + ".", model.noteProperty().get());
        }
        assertEquals("shop.test-failure-reports.csv", model.suggestedFileName(ReportsViewModel.ExportFormat.FAILURES_CSV));

        settings.languageProperty().set(Language.SPANISH);
        assertEquals("Informes de fallos (1):", model.ledger().get(model.ledger().size() - 1).heading());
        model.domainProperty().set("other.test");
        model.refresh();
        assertFalse(model.hasFailureReportsProperty().get(), "nothing to save for a domain without failure reports");
    }

    private String failuresCli(String... options) {
        List<String> args = new ArrayList<>(List.of("reports", "failures", "--data-dir", preferences.dataFolder().toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MailwrightCommand.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLedgerDispositionsAndOverridesAreTheCommandLinesOwnLines() {
        ReportsViewModel model = imported();
        model.domainProperty().set("shop.test");
        model.refresh();

        String printed = cli("--domain", "shop.test");
        assertTrue(model.ledger().stream().anyMatch(part -> part.heading().equals("What receivers did with the messages:")),
                model.ledger().toString());
        for (ReportsViewModel.SummaryPart part : model.ledger()) {
            assertTrue(printed.contains(part.heading() + "\n"), part.heading() + " in\n" + printed);
            part.lines().forEach(line -> assertTrue(printed.contains(line.strip() + "\n"), line + " in\n" + printed));
        }
        assertTrue(model.ledger().stream().flatMap(part -> part.lines().stream()).anyMatch(line -> line.equals("none (delivered): 50")),
                "the messages receivers delivered: " + model.ledger());
        assertTrue(model.ledger().get(0).lines().contains("s=s1 d=shop.test: 50 messages, 45 verified, 5 did not; seen 2026-12-01 to 2026-12-02; active"),
                "the selector ledger: " + model.ledger());

        settings.languageProperty().set(Language.SPANISH);
        assertTrue(model.ledger().stream().anyMatch(part -> part.heading().equals("Qué hicieron los receptores con los mensajes:")),
                model.ledger().toString());
    }

    @Test
    void theWordsFollowTheLanguage() {
        ReportsViewModel model = imported();
        settings.languageProperty().set(Language.SPANISH);

        assertTrue(model.totalsProperty().get().startsWith("3 informes, 57 mensajes"), model.totalsProperty().get());
    }

    /** What {@code mailwright reports summary} prints for the page's data folder and test DNS server. */
    private String cli(String... options) {
        List<String> args = new ArrayList<>(List.of("reports", "summary", "--lang", "en", "--data-dir", preferences.dataFolder().toString(),
                "--server", dns.address().toString(), "--timeout-ms", "750"));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailwrightCommand.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theExportsAreTheBytesTheCliPrintsForTheSameDomainAndPeriod() throws IOException {
        ReportsViewModel model = imported();
        assertTrue(model.canExportProperty().get());
        assertEquals(cli("--csv"), model.exportText(ReportsViewModel.ExportFormat.CSV));
        assertEquals(cli("--json"), model.exportText(ReportsViewModel.ExportFormat.JSON));

        model.domainProperty().set("shop.test");
        model.sinceProperty().set(LocalDate.of(2026, 12, 1));
        model.refresh();
        String json = cli("--json", "--domain", "shop.test", "--since", "2026-12-01");
        assertTrue(json.contains("\"spf_term\":\"mx\"") && json.contains("reports.provider-not-in-spf"), json);
        assertEquals(json, model.exportText(ReportsViewModel.ExportFormat.JSON));
        assertEquals(cli("--csv", "--domain", "shop.test", "--since", "2026-12-01"), model.exportText(ReportsViewModel.ExportFormat.CSV));
        assertEquals("shop.test-reports-from-2026-12-01.json", model.suggestedFileName(ReportsViewModel.ExportFormat.JSON));

        Path saved = folder.resolve("saved.json");
        model.export(ReportsViewModel.ExportFormat.JSON, saved);
        assertEquals(json, Files.readString(saved, StandardCharsets.UTF_8));
        assertEquals("Saved the summary to " + saved + ".", model.noteProperty().get());
    }

    @Test
    void aSourcesRowsAreListedWithinTheSummarysDomainAndPeriodAndTheWayBackClearsThem() {
        ReportsViewModel model = imported();
        model.domainProperty().set("shop.test");
        model.refresh();

        model.showRows("192.0.2.25");
        assertEquals("192.0.2.25", model.rowsSourceProperty().get());
        assertFalse(model.rowsPendingProperty().get());
        assertEquals(List.of(new ReportsViewModel.RowLine("yahoo.com", "2026-12-02", 5, "Delivered", "Pass", "Pass", "shop.test",
                        "shop.test, selector s1: Pass", "shop.test: Pass", ""),
                new ReportsViewModel.RowLine("google.com", "2026-12-01", 30, "Delivered", "Pass", "Pass", "shop.test",
                        "shop.test, selector s1: Pass", "shop.test: Pass", "")), model.rows(),
                "newest report first, only shop.test's reports");
        assertEquals("2 rows from 192.0.2.25, newest report first.", model.rowsNoteProperty().get());

        settings.languageProperty().set(Language.SPANISH);
        assertEquals("Entregado", model.rows().get(0).disposition());
        assertEquals("shop.test, con el selector s1: Pasa", model.rows().get(0).dkimResults());
        assertTrue(model.rowsNoteProperty().get().startsWith("2 filas de 192.0.2.25"), model.rowsNoteProperty().get());

        model.closeRows();
        assertEquals("", model.rowsSourceProperty().get());
        assertTrue(model.rows().isEmpty());
    }
}
