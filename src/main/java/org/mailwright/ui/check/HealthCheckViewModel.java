package org.mailwright.ui.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.check.CheckHistory;
import org.mailwright.check.CheckSettings;
import org.mailwright.check.DomainMemory;
import org.mailwright.check.HealthCheck;
import org.mailwright.check.HealthReport;
import org.mailwright.check.HealthReportExport;
import org.mailwright.check.Scorecard;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import org.mailwright.files.AtomicFiles;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Messages;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The Health check page: the whole-domain check the CLI's {@code mailwright check} runs, asked of
 * the servers now, shown as a scorecard with each area's findings, what changed since the last
 * check (kept in the data folder, as the CLI keeps it), a wizard for each finding a wizard fixes,
 * and the report exported as HTML, JSON, Markdown or CSV. The Domain page shows the same
 * scorecard by asking this page to check the domain it looks up.
 */
public final class HealthCheckViewModel {

    /** The forms a report is exported in, the same the CLI writes. */
    public enum Format {
        HTML("html"),
        JSON("json"),
        MARKDOWN("md"),
        CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file name's ending, without the dot. */
        public String extension() {
            return extension;
        }
    }

    /**
     * One finding that appeared or went away since the last check.
     *
     * @param fixed true when the last check had it and this one has not
     * @param text the finding's message: this check's words for a new one; as remembered (in
     *     English, as the history keeps it) for a fixed one
     */
    public record ChangeLine(boolean fixed, Severity severity, String id, String text) {
        public ChangeLine {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A check that ended, and what the history said of it.
     *
     * @param changes what changed since the last check; empty on the domain's first
     * @param historyProblem why the history could not be read or written; empty when it could
     */
    private record Checked(HealthReport report, String resolver, Optional<CheckHistory.Changes> changes,
                           Optional<LocalizedText> historyProblem) {
    }

    private final AppContext context;
    private final Clock clock;
    private final Consumer<FixWizard> openWizard;
    private final CheckHistory history;
    private final LatestJob checks;
    private final LatestJob saving;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty selectors = new SimpleStringProperty(this, "selectors", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper checking = new ReadOnlyStringWrapper(this, "checking", "");
    private final ReadOnlyObjectWrapper<ShownScorecard> scorecard = new ReadOnlyObjectWrapper<>(this, "scorecard");
    private final ReadOnlyStringWrapper changesTitle = new ReadOnlyStringWrapper(this, "changesTitle", "");
    private final ObservableList<ChangeLine> changes = FXCollections.observableArrayList();
    private final ObservableList<ChangeLine> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final StringBinding domainProblem;
    private final StringBinding selectorsProblem;
    private final BooleanBinding canCheck;

    private Checked checked;
    /** What {@link #note} says, kept as words to come so it follows the language. */
    private Supplier<String> noteWords = () -> "";

    /**
     * @param openWizard shows the page of a wizard, which then works on the domain every page follows
     */
    public HealthCheckViewModel(AppContext context, Consumer<FixWizard> openWizard) {
        this(context, context.work(), Clock.systemDefaultZone(), openWizard);
    }

    /**
     * @param jobs runs the checks and the exports: the window's background work, or the caller's thread in tests
     * @param clock when each check starts, and the zone its time is shown in
     */
    HealthCheckViewModel(AppContext context, BackgroundJobs jobs, Clock clock, Consumer<FixWizard> openWizard) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.openWizard = Objects.requireNonNull(openWizard, "openWizard");
        this.history = new CheckHistory(context.dataFolder());
        this.checks = new LatestJob(jobs);
        this.saving = new LatestJob(jobs);
        var language = context.settings().languageProperty();
        var working = context.settings().lastDomainProperty();
        domain.set(working.get());
        // The domain being worked on is followed until something else is typed here.
        working.addListener((observable, old, now) -> {
            if (domain.get().equals(old)) {
                domain.set(now);
            }
        });
        domainProblem = Bindings.createStringBinding(() -> DomainName.parseDomain(domain.get()).problem()
                .map(problem -> problem.text(locale())).orElse(""), domain, language);
        selectorsProblem = Bindings.createStringBinding(() -> selectorProblem().orElse(""), selectors, language);
        canCheck = domainProblem.isEmpty().and(selectorsProblem.isEmpty());
        language.addListener((observable, old, now) -> reword());
    }

    /** The domain as typed. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** Why the typed text is not a domain name, in the user's language; empty when it is one. */
    public StringBinding domainProblemProperty() {
        return domainProblem;
    }

    /** DKIM selectors to try besides the common ones, separated by commas or spaces; optional. */
    public StringProperty selectorsProperty() {
        return selectors;
    }

    /** Why one of the typed selectors is none, naming it; empty when all are selectors. */
    public StringBinding selectorsProblemProperty() {
        return selectorsProblem;
    }

    /** True when the typed domain and selectors can be checked. */
    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** True while a check runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The domain being checked now, as people write it; empty when no check runs. */
    public ReadOnlyStringProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The last check's scorecard; null until a check has ended. */
    public ReadOnlyObjectProperty<ShownScorecard> scorecardProperty() {
        return scorecard.getReadOnlyProperty();
    }

    /** "Changes since ...", or that this is the domain's first check here; empty before a check. */
    public ReadOnlyStringProperty changesTitleProperty() {
        return changesTitle.getReadOnlyProperty();
    }

    /** The findings that appeared since the last check, then those that went away. */
    public ObservableList<ChangeLine> changes() {
        return changesView;
    }

    /** That a check was cancelled or failed, that the history could not be kept, where an export went. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Checks the typed domain, asking every server now; a check still running is dropped. Call on the FX thread. */
    public void check() {
        Optional<DomainName> name = DomainName.parseDomain(domain.get()).name();
        if (name.isPresent() && canCheck.get()) {
            run(name.get());
        }
    }

    /** Checks {@code name}, as the Domain page asks when it looks a domain up; it becomes the domain typed here. */
    public void check(DomainName name) {
        domain.set(name.unicode());
        run(name);
    }

    /** Stops the check that runs, if one does. */
    public void cancel() {
        if (running.get()) {
            checks.abandon();
            finished(() -> text("health.cancelled"));
        }
    }

    /** The check with what the data folder remembers of the domain (selectors, the reports' readiness), as the CLI runs it. */
    private CompletableFuture<HealthReport> checkRemembering(HealthCheck check, DomainName name) {
        try (DomainMemory memory = DomainMemory.in(context.dataFolder())) {
            return check.check(name, memory);
        }
    }

    private void run(DomainName name) {
        CheckSettings settings = CheckSettings.defaults()
                .withSelectors(typedSelectors())
                .withNameServerPort(context.settings().nameServerPortProperty().get());
        HealthCheck check = new HealthCheck(context.resolver().fresh(), context.resolverTarget(), settings, clock);
        String resolver = context.describeResolver(context.bundle());
        running.set(true);
        checking.set(name.unicode());
        noteWords = () -> "";
        reword();
        checks.start(text("health.progress", name.unicode()),
                () -> checkRemembering(check, name).thenApply(report -> remember(report, resolver)),
                (result, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        finished(cause instanceof CancellationException ? () -> text("health.cancelled")
                                : () -> text("health.failed", name.unicode(), Failures.reason(cause)));
                        return;
                    }
                    checked = result;
                    finished(() -> result.historyProblem().map(problem -> text("health.history.failed", problem)).orElse(""));
                });
    }

    private void finished(Supplier<String> words) {
        running.set(false);
        checking.set("");
        noteWords = words;
        reword();
    }

    /** Keeps the report in the domain's history, after reading what the last check found. Runs off the FX thread. */
    private Checked remember(HealthReport report, String resolver) {
        Optional<CheckHistory.Changes> since;
        try {
            since = history.last(report.domain()).map(last -> CheckHistory.compare(last, report));
            history.record(report);
        } catch (IOException unusable) {
            return new Checked(report, resolver, Optional.empty(), Optional.of(Failures.reason(unusable)));
        }
        return new Checked(report, resolver, since, Optional.empty());
    }

    // ---- Fixing ----

    /** Opens {@code wizard} on the checked domain, which becomes the domain every page works on. */
    public void fix(FixWizard wizard) {
        if (checked != null) {
            context.settings().lastDomainProperty().set(checked.report().domain().ascii());
        }
        openWizard.accept(wizard);
    }

    // ---- Export ----

    /** True once a check has ended, so there is a report to export. */
    public BooleanBinding canExportProperty() {
        return scorecard.isNotNull();
    }

    /** The last report in {@code format}, worded in the language chosen now; empty before a check. */
    public String exportText(Format format) {
        if (checked == null) {
            return "";
        }
        HealthReport report = checked.report();
        return switch (format) {
            case HTML -> HealthReportExport.html(report, written());
            case JSON -> HealthReportExport.json(report, written(), checked.changes()) + "\n";
            case MARKDOWN -> HealthReportExport.markdown(report, written());
            case CSV -> HealthReportExport.CSV_HEADER + "\n" + HealthReportExport.csvRow(report) + "\n";
        };
    }

    /** The file name a save dialog offers for the last report in {@code format}. */
    public String suggestedFileName(Format format) {
        String name = checked == null ? "health" : checked.report().domain().ascii() + "-health";
        return name + "." + format.extension();
    }

    /** Writes the last report in {@code format} to {@code file}, in the background; the note says how it went. */
    public void export(Format format, Path file) {
        String content = exportText(format);
        if (content.isEmpty()) {
            return;
        }
        saving.start(text("health.progress.export", file.getFileName()), () -> BackgroundJobs.completed(() -> {
            // Whole or not at all, and never through a link: the file chooser has asked about replacing it.
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8), AtomicFiles.WORLD_READABLE, true);
            return file;
        }), (saved, failure) -> {
            if (!(failure instanceof CancellationException)) {
                noteWords = failure == null ? () -> text("health.export.saved", saved)
                        : () -> text("health.export.failed", file, Failures.reason(failure));
                reword();
            }
        });
    }

    // ---- Words ----

    /** Words everything shown again in the language chosen now. */
    private void reword() {
        note.set(noteWords.get());
        if (checked == null) {
            return;
        }
        HealthReport report = checked.report();
        Scorecard card = report.scorecard();
        List<ShownScorecard.Area> areas = new ArrayList<>();
        for (Scorecard.AreaScore area : card.areas()) {
            List<ShownScorecard.Line> lines = area.costs().stream()
                    .map(cost -> new ShownScorecard.Line(cost.finding(), cost.points(), FixWizard.of(cost.finding())))
                    .toList();
            String markText = area.mark().map(mark -> text("health.area.score", mark.score()))
                    .orElseGet(() -> Messages.get(locale(), "check.area.not-checked"));
            areas.add(new ShownScorecard.Area(area.area(), area.area().text(locale()), area.mark(), markText,
                    tally(area.costs().stream().map(Scorecard.Cost::finding).toList()), lines));
        }
        String when = when(report.checkedAt());
        scorecard.set(new ShownScorecard(report.domain().unicode(), card.grade(), card.score(),
                text("health.headline", card.grade().name(), card.score()),
                text("health.detail", report.domain().unicode(), when, checked.resolver()), areas));
        rewordChanges(report, when);
    }

    private void rewordChanges(HealthReport report, String when) {
        List<ChangeLine> lines = new ArrayList<>();
        if (checked.changes().isEmpty()) {
            changesTitle.set(checked.historyProblem().isPresent() ? ""
                    : text("health.changes.first", report.domain().unicode()));
        } else {
            CheckHistory.Changes since = checked.changes().get();
            changesTitle.set(text(since.isEmpty() ? "health.changes.none" : "health.changes.since", when(since.since())));
            for (CheckHistory.Mark mark : since.appeared()) {
                lines.add(new ChangeLine(false, mark.severity(), mark.id(), wordsOf(mark, report)));
            }
            for (CheckHistory.Mark mark : since.fixed()) {
                lines.add(new ChangeLine(true, mark.severity(), mark.id(), mark.message(locale())));
            }
        }
        changes.setAll(lines);
    }

    /** A new finding in the language chosen now: the finding of this report that the history remembers as {@code mark}. */
    private String wordsOf(CheckHistory.Mark mark, HealthReport report) {
        return report.findings().stream()
                .filter(finding -> finding.id().equals(mark.id()) && finding.message(Locale.ENGLISH).equals(mark.message()))
                .findFirst().map(finding -> finding.message(locale())).orElse(mark.message());
    }

    /** "1 error, 2 warnings", or that nothing needs fixing. */
    private String tally(List<Finding> findings) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            long count = findings.stream().filter(finding -> finding.severity() == severity).count();
            if (count > 0) {
                parts.add(text("health.tally." + severity.jsonName(), count));
            }
        }
        return parts.isEmpty() ? text("health.tally.clean") : String.join(", ", parts);
    }

    /** A moment as people of the language write it, in the clock's time zone: Dec 6, 2026, 10:00 AM; 6 dic 2026, 10:00. */
    private String when(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(written()).withZone(clock.getZone()).format(instant);
    }

    /**
     * The language as a written document names it. The window's English is the root locale (its
     * bundle's base), whose dates read 2026 Dec 6 and which an HTML page cannot name; the
     * language's own tag, as the CLI uses, says both right.
     */
    private Locale written() {
        return Locale.forLanguageTag(context.settings().languageProperty().get().id());
    }

    private List<String> typedSelectors() {
        return splitSelectors().stream().map(Selector::parse).flatMap(parsed -> parsed.selector().stream())
                .map(Selector::value).toList();
    }

    private Optional<String> selectorProblem() {
        for (String typed : splitSelectors()) {
            Selector.Parsed parsed = Selector.parse(typed);
            if (parsed.problem().isPresent()) {
                return Optional.of(text("health.selectors.problem", typed, parsed.problem().get().text(locale())));
            }
        }
        return Optional.empty();
    }

    private List<String> splitSelectors() {
        return List.of(selectors.get().strip().split("[,;\\s]+")).stream().filter(part -> !part.isEmpty()).toList();
    }

    /** The language the findings are worded in. */
    public Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    private String text(String key, Object... arguments) {
        return Texts.format(context.bundle(), key, arguments);
    }
}
