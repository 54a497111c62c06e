package org.mailwright.ui.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.Finding;
import org.mailwright.files.AtomicFiles;
import org.mailwright.findings.ReportFinding;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.i18n.Failures;
import org.mailwright.reports.ArchivedFailure;
import org.mailwright.reports.ArchivedRow;
import org.mailwright.reports.FailureExport;
import org.mailwright.reports.FileImport;
import org.mailwright.reports.PolicyEvaluated;
import org.mailwright.reports.Readiness;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportTerms;
import org.mailwright.reports.ReportFiles;
import org.mailwright.reports.ReportLimits;
import org.mailwright.reports.ReportRow;
import org.mailwright.reports.SourceHistory;
import org.mailwright.reports.SourceNames;
import org.mailwright.reports.Summary;
import org.mailwright.reports.SummaryExport;
import org.mailwright.reports.SummaryLookups;
import org.mailwright.reports.SummaryQuery;
import org.mailwright.reports.Timeline;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.check.WizardRequest;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The Reports page: DMARC aggregate report files imported into the archive in the data folder
 * (the one {@code mailwright reports} uses), file by file in the background with progress and
 * each bad file's reason, then summed up per domain and period as the CLI's summary does, with
 * each source's names and, for one domain, the suggestions, looked up once the summary shows.
 */
public final class ReportsViewModel {

    /** How long one background step of an import runs before it reports progress, in nanoseconds. */
    private static final long STEP_NANOS = 100_000_000L;

    /** The most rows a source's drill-down lists: its newest. */
    public static final int MAX_ROWS = 1_000;

    /** A file that held no readable report, with why, said in whichever language the window speaks when shown. */
    public record ImportError(FileImport result) {
        public ImportError {
            Objects.requireNonNull(result, "result");
        }

        /** The file's own name, as the list shows it. */
        public String name() {
            return ControlCharacters.shown(String.valueOf(result.file().getFileName()));
        }

        public String reason(Locale locale) {
            return ControlCharacters.shown(result.error(locale).orElse(""));
        }
    }

    /**
     * One source of the summary, with its names once they are known.
     *
     * @param ptr its forward-confirmed reverse name; empty when none, or not known yet
     * @param label the provider sending from it; empty when none is recognised, or not known yet
     */
    public record SourceRow(String ip, String ptr, String label, long messages, long pass, long fail, long spfAligned,
                            long dkimAligned) {
        static SourceRow of(Summary.Source source, SourceNames.Named named) {
            return new SourceRow(ControlCharacters.shown(source.ip()), ControlCharacters.shown(named.ptr().orElse("")),
                    ControlCharacters.shown(named.label().orElse("")), source.count(),
                    source.dmarcPass(), source.dmarcFail(), source.spfAlignedPass(), source.dkimAlignedPass());
        }

        boolean matches(String filter) {
            String wanted = filter.strip().toLowerCase(Locale.ROOT);
            return wanted.isEmpty() || ip.toLowerCase(Locale.ROOT).contains(wanted)
                    || ptr.toLowerCase(Locale.ROOT).contains(wanted) || label.toLowerCase(Locale.ROOT).contains(wanted);
        }
    }

    /**
     * The files the page saves: the summary, the bytes {@code mailwright reports summary} prints with
     * the same option, or the failure reports, as {@code reports failures --limit 10000} prints them.
     */
    public enum ExportFormat {
        CSV("csv", false),
        JSON("json", false),
        FAILURES_CSV("csv", true),
        FAILURES_JSON("json", true);

        private final String extension;
        private final boolean failureReports;

        ExportFormat(String extension, boolean failureReports) {
            this.extension = extension;
            this.failureReports = failureReports;
        }

        /** The file name's ending, without the dot. */
        public String extension() {
            return extension;
        }

        /** Whether it holds the failure reports rather than the summary. */
        public boolean failureReports() {
            return failureReports;
        }
    }

    /**
     * One archived row of the source drilled into, worded for the table: the values receivers
     * reported, their words in the user's language where the window has them, else as reported.
     */
    public record RowLine(String reporter, String period, long messages, String disposition, String dkim, String spf,
                          String headerFrom, String dkimResults, String spfResults, String reasons) {
        public RowLine {
            reporter = ControlCharacters.shown(reporter);
            disposition = ControlCharacters.shown(disposition);
            dkim = ControlCharacters.shown(dkim);
            spf = ControlCharacters.shown(spf);
            headerFrom = ControlCharacters.shown(headerFrom);
            dkimResults = ControlCharacters.shown(dkimResults);
            spfResults = ControlCharacters.shown(spfResults);
            reasons = ControlCharacters.shown(reasons);
        }
    }

    /**
     * What the archive says of the chosen domain and period: the summary and the charts' figures.
     *
     * @param history what the archive knows of one domain's sources over time ({@link SourceHistory#NONE} for all domains)
     * @param readiness what the domain's reports say of the next DMARC stage; empty for all domains, or without reports
     * @param failures the failure reports of the domain and period, and the newest {@value ArchivedFailure#IN_SUMMARY}
     */
    public record Loaded(SummaryQuery query, Summary summary, Timeline timeline, List<ReportArchive.Reporter> reporters,
                         SourceHistory history, Optional<Finding> readiness, ArchivedFailure.Newest failures) {
    }

    /** An import under way: the files and the archive they go into, open until the import ends. */
    private static final class Run {
        final List<Path> files;
        final ReportArchive archive;
        int next;
        volatile boolean stop;

        Run(List<Path> files, ReportArchive archive) {
            this.files = files;
            this.archive = archive;
        }

        boolean finished() {
            return stop || next >= files.size();
        }
    }

    private final AppContext context;
    private final BackgroundJobs jobs;
    private final Consumer<WizardRequest> openWizard;
    private final LatestJob loading;
    private final LatestJob naming;
    private final LatestJob drilling;
    private final LatestJob saving;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>(this, "since");
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final StringBinding domainProblem;
    private final StringBinding periodProblem;

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyIntegerWrapper filesDone = new ReadOnlyIntegerWrapper(this, "filesDone");
    private final ReadOnlyIntegerWrapper filesTotal = new ReadOnlyIntegerWrapper(this, "filesTotal");
    private final ReadOnlyStringWrapper importNote = new ReadOnlyStringWrapper(this, "importNote", "");
    private final ObservableList<ImportError> errors = FXCollections.observableArrayList();
    private final ObservableList<ImportError> errorsView = FXCollections.unmodifiableObservableList(errors);
    private int imported;
    private int duplicates;
    private Run run;

    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper namesPending = new ReadOnlyBooleanWrapper(this, "namesPending");
    private final ObservableList<SourceRow> sources = FXCollections.observableArrayList();
    private final FilteredList<SourceRow> shownSources = new FilteredList<>(sources);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Finding> suggestions = FXCollections.observableArrayList();
    private final ObservableList<SummaryPart> ledger = FXCollections.observableArrayList();
    private final ObservableList<SummaryPart> ledgerView = FXCollections.unmodifiableObservableList(ledger);
    private final ObservableList<Finding> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private Supplier<String> noteWords = () -> "";
    /** The import's last news, to be said again in another language. */
    private Supplier<String> importNoteWords = () -> "";
    private final ObjectProperty<SummaryLookups> lookup = new SimpleObjectProperty<>(this, "lookup");
    private final BooleanBinding canExport;
    private final BooleanBinding hasFailureReports;

    private final ReadOnlyStringWrapper rowsSource = new ReadOnlyStringWrapper(this, "rowsSource", "");
    private final ReadOnlyBooleanWrapper rowsPending = new ReadOnlyBooleanWrapper(this, "rowsPending");
    private final ReadOnlyStringWrapper rowsNote = new ReadOnlyStringWrapper(this, "rowsNote", "");
    private final ObservableList<RowLine> rows = FXCollections.observableArrayList();
    private final ObservableList<RowLine> rowsView = FXCollections.unmodifiableObservableList(rows);
    private ReportArchive.SourceRows shownRows;
    private Supplier<String> rowsFailure;

    /** @param openWizard shows a wizard's page, which then works on the domain every page follows */
    public ReportsViewModel(AppContext context, Consumer<WizardRequest> openWizard) {
        this(context, context.work(), openWizard);
    }

    /** @param jobs runs the import and the lookups: the window's background work, or the caller's thread in tests */
    ReportsViewModel(AppContext context, BackgroundJobs jobs, Consumer<WizardRequest> openWizard) {
        this.context = Objects.requireNonNull(context, "context");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.openWizard = Objects.requireNonNull(openWizard, "openWizard");
        this.loading = new LatestJob(jobs);
        this.naming = new LatestJob(jobs);
        this.drilling = new LatestJob(jobs);
        this.saving = new LatestJob(jobs);
        var language = context.settings().languageProperty();
        domainProblem = Bindings.createStringBinding(() -> domain.get().isBlank() ? ""
                : DomainName.parseDomain(domain.get().strip()).problem().map(problem -> problem.text(locale())).orElse(""),
                domain, language);
        periodProblem = Bindings.createStringBinding(() -> since.get() != null && until.get() != null
                && until.get().isBefore(since.get()) ? text("reports.period.problem") : "", since, until, language);
        canExport = lookup.isNotNull().and(importing.not());
        hasFailureReports = Bindings.createBooleanBinding(() -> loaded.get() != null && loaded.get().failures().total() > 0, loaded);
        filter.addListener((observable, old, now) -> shownSources.setPredicate(row -> row.matches(now)));
        language.addListener((observable, old, now) -> reword());
    }

    // ---- Choosing what to show ----

    /** The domain the reports are about, as typed; empty for every domain. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** Why the typed domain is none, in the user's language; empty when it is one or nothing is typed. */
    public StringBinding domainProblemProperty() {
        return domainProblem;
    }

    /** The first day whose reports count; null for no bound. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** The last day whose reports count; null for no bound. */
    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    /** That the period ends before it begins; empty when it does not. */
    public StringBinding periodProblemProperty() {
        return periodProblem;
    }

    /**
     * Sums up the archive for the chosen domain and period, then names the sources and, for one
     * domain, finds the suggestions. Nothing is read while an import runs: it shows its result
     * when it ends.
     */
    public void refresh() {
        if (importing.get() || !domainProblem.get().isEmpty() || !periodProblem.get().isEmpty()) {
            return;
        }
        SummaryQuery query = new SummaryQuery(domain.get().isBlank() ? null : domain.get().strip(), since.get(), until.get());
        naming.abandon();
        loading.start(text("reports.progress.summary"), () -> BackgroundJobs.completed(() -> {
            try (ReportArchive archive = openArchive()) {
                boolean oneDomain = query.domain() != null;
                return new Loaded(query, archive.summary(query), Timeline.of(archive.daily(query), query.since(), query.until()),
                        archive.reporters(query),
                        oneDomain ? archive.sourceHistory(query.domain()) : SourceHistory.NONE,
                        oneDomain ? Readiness.of(archive, query.domain()) : Optional.empty(),
                        archive.failures(query, ArchivedFailure.IN_SUMMARY));
            }
        }), (result, failure) -> {
            if (failure != null) {
                if (!(failure instanceof CancellationException)) {
                    String why = reason(failure);
                    setNote(() -> text("reports.summary.failed", why));
                }
                return;
            }
            setNote(() -> "");
            show(result);
        });
    }

    private void show(Loaded result) {
        closeRows();
        loaded.set(result);
        lookup.set(null);
        suggestions.clear();
        sources.setAll(result.summary().sources().stream()
                .map(source -> SourceRow.of(source, SourceNames.Named.UNKNOWN)).toList());
        reword();
        if (result.summary().sources().isEmpty()) {
            return;
        }
        namesPending.set(true);
        var resolver = context.resolver().fresh();
        var target = context.resolverTarget();
        Summary summary = result.summary();
        String about = result.query().domain();
        naming.start(text("reports.progress.names", Math.min(summary.sources().size(), SourceNames.MAX_NAMED)),
                () -> SummaryLookups.of(resolver, target, summary, about, result.history(), result.readiness()),
                (found, failure) -> {
                    namesPending.set(false);
                    if (failure != null) {
                        lookup.set(SummaryLookups.NONE);
                        return;
                    }
                    lookup.set(found);
                    sources.setAll(summary.sources().stream()
                            .map(source -> SourceRow.of(source, found.names().getOrDefault(source.ip(), SourceNames.Named.UNKNOWN)))
                            .toList());
                    suggestions.setAll(found.suggestions());
                });
    }

    /**
     * A part of the summary in the command line's own words ({@code mailwright reports summary}):
     * the DKIM selector ledger, what receivers did, why they overrode the policy, the failure reports.
     */
    public record SummaryPart(String heading, List<String> lines) {
        public SummaryPart {
            lines = ControlCharacters.shownAll(lines);
        }
    }

    /** The selector ledger, the dispositions, the override reasons and the failure reports of the summary shown; empty before one. */
    public ObservableList<SummaryPart> ledger() {
        return ledgerView;
    }

    /** The last summary and the charts' figures; null before the first. */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reports, messages, DMARC pass and fail with their shares, in one sentence; empty before a summary. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** True while the sources' names and the suggestions are looked up. */
    public ReadOnlyBooleanProperty namesPendingProperty() {
        return namesPending.getReadOnlyProperty();
    }

    /** The sources the filter lets through, most messages first until the table sorts them otherwise. */
    public ObservableList<SourceRow> sources() {
        return shownSources;
    }

    /** Text a source's address, reverse name or sender label must contain to be listed. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** What the chosen domain's reports say to change; empty for every domain, or until looked up. */
    public ObservableList<Finding> suggestions() {
        return suggestionsView;
    }

    /** True for a suggestion the SPF wizard fixes: it names the include the domain's record lacks. */
    public boolean opensSpfWizard(Finding finding) {
        return ReportFinding.spfIncludeToAdd(finding).isPresent();
    }

    /**
     * Opens the SPF wizard on the summary's domain, which becomes the domain every page works on,
     * with the include {@code suggestion} names added to the record; nothing for another suggestion.
     */
    public void openSpfWizard(Finding suggestion) {
        Optional<String> include = ReportFinding.spfIncludeToAdd(suggestion);
        Loaded shown = loaded.get();
        if (include.isEmpty() || shown == null || shown.query().domain() == null) {
            return;
        }
        context.settings().lastDomainProperty().set(shown.query().domain());
        openWizard.accept(WizardRequest.spfIncluding(include.get()));
    }

    // ---- Exporting ----

    /** True once the summary's sources are named and its suggestions found, so it exports as the CLI prints it. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** True when the summary shown has failure reports, which the page can then save. */
    public BooleanBinding hasFailureReportsProperty() {
        return hasFailureReports;
    }

    /**
     * The summary shown, in {@code format}: the bytes {@code mailwright reports summary --csv} or
     * {@code --json} prints for the same domain and period, suggestions worded in the user's
     * language; empty until it can be exported, and for the failure reports, which are read when saved.
     */
    public String exportText(ExportFormat format) {
        Loaded shown = loaded.get();
        SummaryLookups found = lookup.get();
        if (shown == null || found == null || format.failureReports()) {
            return "";
        }
        SummaryExport export = new SummaryExport(shown.summary(), found.names(), found.spfTerms(), found.suggestions());
        return format == ExportFormat.CSV ? export.csv() : export.json(locale());
    }

    /** The file name a save dialog offers: the domain (or every domain) and the period. */
    public String suggestedFileName(ExportFormat format) {
        Loaded shown = loaded.get();
        StringBuilder name = new StringBuilder(shown == null || shown.query().domain() == null ? "dmarc" : shown.query().domain())
                .append(format.failureReports() ? "-failure-reports" : "-reports");
        if (shown != null && shown.query().since() != null) {
            name.append("-from-").append(shown.query().since());
        }
        if (shown != null && shown.query().until() != null) {
            name.append("-to-").append(shown.query().until());
        }
        return name.append('.').append(format.extension()).toString();
    }

    /**
     * Writes the summary shown, or its domain's and period's failure reports (read from the archive
     * now), in {@code format} to {@code file}, in the background; the note says how it went.
     */
    public void export(ExportFormat format, Path file) {
        Loaded shown = loaded.get();
        String summary = exportText(format);
        if (shown == null || (!format.failureReports() && summary.isEmpty())) {
            return;
        }
        saving.start(text("reports.progress.export", file.getFileName()), () -> BackgroundJobs.completed(() -> {
            String content = format.failureReports() ? failureReports(format, shown.query()) : summary;
            // Whole or not at all, and never through a link: the file chooser has asked about replacing it.
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8), AtomicFiles.WORLD_READABLE, true);
            return file;
        }), (saved, failure) -> {
            if (!(failure instanceof CancellationException)) {
                String why = failure == null ? "" : reason(failure);
                String said = format.failureReports() ? "reports.export.failures-saved" : "reports.export.saved";
                setNote(failure == null ? () -> text(said, saved) : () -> text("reports.export.failed", file, why));
            }
        });
    }

    private String failureReports(ExportFormat format, SummaryQuery query) {
        try (ReportArchive archive = openArchive()) {
            ArchivedFailure.Newest failures = archive.failures(query, ArchivedFailure.MOST_LISTED);
            return format == ExportFormat.FAILURES_CSV ? FailureExport.csv(failures) : FailureExport.json(failures);
        }
    }

    // ---- A source's rows ----

    /**
     * Lists the archived rows of the source at {@code ip} within the summary's domain and period,
     * the newest {@value #MAX_ROWS}, read in the background.
     */
    public void showRows(String ip) {
        Loaded shown = loaded.get();
        if (shown == null || importing.get()) {
            return;
        }
        SummaryQuery query = shown.query();
        shownRows = null;
        rowsFailure = null;
        rows.clear();
        rowsSource.set(ip);
        rowsPending.set(true);
        rewordRows();
        drilling.start(text("reports.progress.rows", ip), () -> BackgroundJobs.completed(() -> {
            try (ReportArchive archive = openArchive()) {
                return archive.rows(query, ip, MAX_ROWS);
            }
        }), (found, failure) -> {
            rowsPending.set(false);
            if (failure instanceof CancellationException) {
                return;
            }
            if (failure != null) {
                String why = reason(failure);
                rowsFailure = () -> text("reports.rows.failed", ip, why);
            } else {
                shownRows = found;
            }
            rewordRows();
        });
    }

    /** Back from the rows to the summary. */
    public void closeRows() {
        drilling.abandon();
        shownRows = null;
        rowsFailure = null;
        rows.clear();
        rowsPending.set(false);
        rowsSource.set("");
        rowsNote.set("");
    }

    /** The address whose rows are listed; empty while the summary shows. */
    public ReadOnlyStringProperty rowsSourceProperty() {
        return rowsSource.getReadOnlyProperty();
    }

    /** True while the rows are read. */
    public ReadOnlyBooleanProperty rowsPendingProperty() {
        return rowsPending.getReadOnlyProperty();
    }

    /** How many rows are listed and whether the archive holds more, or why they could not be read. */
    public ReadOnlyStringProperty rowsNoteProperty() {
        return rowsNote.getReadOnlyProperty();
    }

    /** The source's rows, newest report first. */
    public ObservableList<RowLine> rows() {
        return rowsView;
    }

    private void rewordRows() {
        String ip = rowsSource.get();
        if (ip.isEmpty()) {
            return;
        }
        if (rowsFailure != null) {
            rowsNote.set(rowsFailure.get());
        } else if (shownRows == null) {
            rowsNote.set(text("reports.rows.reading", ip));
        } else {
            rows.setAll(shownRows.rows().stream().map(this::line).toList());
            rowsNote.set(shownRows.more() ? text("reports.rows.more", shownRows.rows().size(), ip)
                    : text("reports.rows.count", shownRows.rows().size(), ip));
        }
    }

    private RowLine line(ArchivedRow archived) {
        ReportRow row = archived.row();
        PolicyEvaluated evaluated = row.evaluated();
        String dkim = row.dkim().stream().map(result -> text("reports.rows.dkim", shownValue(result.domain()),
                shownValue(result.selector()), reported("result", result.result()))).collect(Collectors.joining("\n"));
        String spf = row.spf().stream().map(result -> text("reports.rows.spf", shownValue(result.domain()),
                reported("result", result.result()))).collect(Collectors.joining("\n"));
        String reasons = evaluated.reasons().stream().map(reason -> reason.comment() == null || reason.comment().isBlank()
                ? reported("reason", reason.type()) : text("reports.rows.reason", reported("reason", reason.type()), reason.comment()))
                .collect(Collectors.joining("\n"));
        return new RowLine(archived.reporter(), period(archived), row.count(), reported("disposition", evaluated.disposition()),
                reported("result", evaluated.dkim()), reported("result", evaluated.spf()),
                row.identifiers() == null ? shownValue(null) : shownValue(row.identifiers().headerFrom()), dkim, spf, reasons);
    }

    /** The report's days, in UTC as the summary counts them. */
    private String period(ArchivedRow archived) {
        if (archived.begin().isEmpty() || archived.end().isEmpty()) {
            return text("reports.rows.none");
        }
        LocalDate first = archived.begin().get().atZone(ZoneOffset.UTC).toLocalDate();
        // A period that ends at midnight ends with the day before.
        LocalDate last = archived.end().get().minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
        return last.isAfter(first) ? text("reports.rows.period", first.toString(), last.toString()) : first.toString();
    }

    /** A value a receiver reported, in the window's words when they know it, else as written. */
    private String reported(String kind, String value) {
        if (value == null || value.isBlank()) {
            return text("reports.rows.none");
        }
        String key = "reports." + kind + "." + value.toLowerCase(Locale.ROOT);
        return context.bundle().containsKey(key) ? text(key) : value;
    }

    private String shownValue(String value) {
        return value == null || value.isBlank() ? text("reports.rows.none") : value;
    }

    /** That the summary could not be read, and why; empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    // ---- Importing ----

    /**
     * Imports every report in {@code paths} (files, and folders walked as the CLI walks them),
     * file by file in the background; the summary is read again when it ends. Call on the FX thread.
     */
    public void importPaths(List<Path> paths) {
        if (importing.get() || paths.isEmpty()) {
            return;
        }
        List<Path> given = List.copyOf(paths);
        closeRows();
        loading.abandon();
        naming.abandon();
        importing.set(true);
        imported = 0;
        duplicates = 0;
        errors.clear();
        filesDone.set(0);
        filesTotal.set(0);
        sayImport(() -> text("reports.import.walking"));
        jobs.start(text("reports.progress.walking"), () -> BackgroundJobs.completed(() -> {
            List<Path> files = ReportFiles.walk(given);
            return new Run(files, openArchive());
        }), (started, failure) -> {
            if (failure != null) {
                importing.set(false);
                sayImport(() -> failure instanceof CancellationException ? text("reports.import.cancelled", 0, 0)
                        : failure instanceof ReportFiles.UnreadableFolder unreadable
                        ? text("reports.import.folder-unreadable", unreadable.folder(), Failures.reason(unreadable.getCause())) : reason(failure));
                return;
            }
            run = started;
            filesTotal.set(started.files.size());
            step(started);
        });
    }

    /** Imports the next files for a moment, in the background, then shows how far it is and goes on. */
    private void step(Run current) {
        if (current.finished()) {
            jobs.start(text("reports.progress.closing"), () -> BackgroundJobs.completed(() -> {
                current.archive.close();
                return current;
            }), (closed, failure) -> ended(current));
            return;
        }
        int from = current.next;
        jobs.start(text("reports.progress.import", from + 1, current.files.size()), () -> BackgroundJobs.completed(() -> {
            List<FileImport> results = new ArrayList<>();
            long start = System.nanoTime();
            // The archive is closed by the thread that used it last: a cancelled step still ends its file first.
            current.archive.importFiles(current.files.subList(from, current.files.size()), ReportLimits.DEFAULT, result -> {
                results.add(result);
                if (Thread.currentThread().isInterrupted()) {
                    current.stop = true;
                }
                return !current.stop && System.nanoTime() - start < STEP_NANOS;
            });
            return results;
        }), (results, failure) -> {
            if (failure != null) {
                current.stop = true;
                if (!(failure instanceof CancellationException)) {
                    sayImport(() -> reason(failure));
                }
            } else {
                current.next = from + results.size();
                count(results);
            }
            step(current);
        });
    }

    private void count(List<FileImport> results) {
        List<ImportError> failed = new ArrayList<>();
        for (FileImport result : results) {
            imported += result.imported();
            duplicates += result.duplicates();
            if (result.failed()) {
                failed.add(new ImportError(result));
            }
        }
        errors.addAll(failed);
        filesDone.set(filesDone.get() + results.size());
        int done = filesDone.get();
        int total = filesTotal.get();
        sayImport(() -> text("reports.import.running", done, total));
    }

    private void ended(Run current) {
        run = null;
        importing.set(false);
        int done = filesDone.get();
        int total = filesTotal.get();
        int newReports = imported;
        int known = duplicates;
        int failed = errors.size();
        sayImport(current.next < current.files.size() ? () -> text("reports.import.cancelled", done, total)
                : () -> text("reports.import.done", newReports, total, known, failed));
        refresh();
    }

    /** Stops the import after the file being read: what is imported stays imported. */
    public void cancelImport() {
        if (run != null) {
            run.stop = true;
        }
    }

    /** True from choosing files until the last is imported or the import is cancelled. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** Files imported so far (or found unreadable) in this import. */
    public ReadOnlyIntegerProperty filesDoneProperty() {
        return filesDone.getReadOnlyProperty();
    }

    /** Files this import reads; 0 while the folders are walked. */
    public ReadOnlyIntegerProperty filesTotalProperty() {
        return filesTotal.getReadOnlyProperty();
    }

    /** How far the import is, or how it ended; empty before the first. */
    public ReadOnlyStringProperty importNoteProperty() {
        return importNote.getReadOnlyProperty();
    }

    /** The files of the last import that held no readable report. */
    public ObservableList<ImportError> errors() {
        return errorsView;
    }

    // ---- Words ----

    private static List<SummaryPart> ledgerParts(Loaded loaded, Locale locale) {
        List<SummaryPart> parts = new ArrayList<>();
        Summary summary = loaded.summary();
        if (summary.reports() > 0) {
            parts.addAll(aggregateParts(summary, locale));
        }
        ArchivedFailure.Newest failures = loaded.failures();
        if (failures.total() > 0) {
            parts.add(new SummaryPart(ReportTerms.failuresHeading(locale, failures),
                    failures.newest().stream().map(failure -> ReportTerms.failureLine(locale, failure)).toList()));
        }
        return parts;
    }

    private static List<SummaryPart> aggregateParts(Summary summary, Locale locale) {
        List<SummaryPart> parts = new ArrayList<>();
        if (!summary.selectors().isEmpty()) {
            parts.add(new SummaryPart(ReportTerms.selectorsHeading(locale),
                    summary.selectors().stream().map(selector -> ReportTerms.selectorLine(locale, selector)).toList()));
        }
        parts.add(new SummaryPart(ReportTerms.dispositionsHeading(locale), summary.dispositions().entrySet().stream()
                .map(entry -> ReportTerms.dispositionLine(locale, entry.getKey(), entry.getValue())).toList()));
        if (!summary.overrides().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Summary.OverrideReason reason : summary.overrides()) {
                lines.add(ReportTerms.overrideLine(locale, reason));
                reason.comments().forEach(comment -> lines.add("    " + ReportTerms.commentLine(locale, comment)));
            }
            parts.add(new SummaryPart(ReportTerms.overridesHeading(locale), lines));
        }
        return parts;
    }

    /** Says how the import goes, and says it again in the next language if the user switches. */
    private void sayImport(Supplier<String> words) {
        importNoteWords = words;
        importNote.set(words.get());
    }

    private void reword() {
        note.set(noteWords.get());
        importNote.set(importNoteWords.get());
        rewordRows();
        Loaded shown = loaded.get();
        if (shown == null) {
            return;
        }
        Summary summary = shown.summary();
        ledger.setAll(ledgerParts(shown, locale()));
        totals.set(summary.reports() == 0 ? text("reports.totals.none")
                : ReportTerms.totals(locale(), summary));
    }

    private void setNote(Supplier<String> words) {
        noteWords = words;
        reword();
    }

    private ReportArchive openArchive() {
        return ReportArchive.open(null, context.dataFolder());
    }

    /** Why work failed, in the user's language when the core said it. */
    private String reason(Throwable failure) {
        return Failures.reason(failure).text(locale());
    }

    /** The language the findings and the files' reasons are worded in. */
    public Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    /** A heading of the sources table, the same words {@code reports summary} prints. */
    public String heading(ReportTerms.SourceColumn column) {
        return ReportTerms.heading(locale(), column);
    }

    private String text(String key, Object... arguments) {
        return Texts.format(context.bundle(), key, arguments);
    }
}
