package org.mailwright.ui.spf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.mailwright.findings.Finding;
import org.mailwright.findings.SpfFinding;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.LatestJob;

/**
 * The record being written, checked as it changes: how many DNS lookups it needs with every
 * include followed (in the background), and what the linter finds, each with why and how to fix.
 * The badge and the summary say what the findings say: nothing here judges the record again.
 */
public final class DraftCheck {

    private final Words words;
    private final LatestJob job;
    private final Supplier<SpfLinter> linter;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(this, "progress", Progress.IDLE);
    private final ReadOnlyObjectWrapper<SpfLintReport> lint = new ReadOnlyObjectWrapper<>(this, "lint");
    private final ObjectProperty<Finding> flatteningWarning = new SimpleObjectProperty<>(this, "flatteningWarning");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableMap<String, Integer> includeCosts = FXCollections.observableHashMap();
    private final ObservableMap<String, Integer> includeCostsView = FXCollections.unmodifiableObservableMap(includeCosts);
    private final ObjectBinding<SpfLintReport> report;
    private final StringBinding summary;
    private final ObjectBinding<CheckState> state;
    private final StringBinding tree;
    private String domain;
    private String record;

    DraftCheck(Words words, LatestJob job, Supplier<SpfLinter> linter) {
        this.words = Objects.requireNonNull(words, "words");
        this.job = Objects.requireNonNull(job, "job");
        this.linter = Objects.requireNonNull(linter, "linter");
        // The flattener's warning joins the linter's findings: valid is not the whole story while addresses may go stale.
        report = Bindings.createObjectBinding(() -> lint.get() == null || flatteningWarning.get() == null ? lint.get()
                : lint.get().with(flatteningWarning.get()), lint, flatteningWarning);
        summary = Bindings.createStringBinding(this::summaryText, progress, report, words.language());
        state = Bindings.createObjectBinding(this::stateNow, progress, report);
        tree = Bindings.createStringBinding(() -> report.get() == null ? ""
                : report.get().lookupTree().map(root -> root.render(SpfEvaluator.MAX_DNS_TERMS,
                        status -> words.text("spf.lookups.tree.status." + status.jsonName()))).orElse(""), report, words.language());
        report.addListener((observable, old, value) -> {
            findings.setAll(value == null ? List.of() : value.findings());
            includeCosts.clear();
            if (value != null) {
                value.lookupTree().ifPresent(root -> root.children().stream()
                        .filter(node -> node.term().toLowerCase(Locale.ROOT).startsWith("include:"))
                        .forEach(node -> includeCosts.put(node.target().toLowerCase(Locale.ROOT), node.lookups())));
            }
        });
    }

    /** Checks {@code record} as {@code domain} would publish it; an empty record clears the check. */
    void check(String domain, String record) {
        this.domain = domain;
        this.record = record;
        if (domain == null || record == null || record.isEmpty()) {
            job.abandon();
            progress.set(Progress.IDLE);
            lint.set(null);
            return;
        }
        progress.set(Progress.RUNNING);
        job.start(words.text("spf.progress.lint", domain), () -> linter.get().lint(domain, record), (done, failed) -> {
            if (failed == null) {
                lint.set(done);
                progress.set(Progress.DONE);
            } else {
                progress.set(Words.ended(failed));
            }
        });
    }

    /** Checks the same record again (after a cancellation, or with another resolver). */
    public void checkAgain() {
        check(domain, record);
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The linter's report on the record, with the flattener's warning while it is flattened; null before the first check ends. */
    public ObjectBinding<SpfLintReport> reportProperty() {
        return report;
    }

    /** The lookup count in words: {@code 4 of 10 DNS lookups}, or what the check is doing. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The worst of the findings (never pass beside an error or a warning), pending while checking, unknown when it could not check. */
    public ObjectBinding<CheckState> stateProperty() {
        return state;
    }

    /** Each DNS-querying term with what it costs, includes followed, as indented text. */
    public StringBinding treeProperty() {
        return tree;
    }

    /** What the linter found (and the flattening warning, while the record is flattened), most serious first. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** What each include of the record costs against the limit, by its domain in lower case. */
    public ObservableMap<String, Integer> includeCosts() {
        return includeCostsView;
    }

    void setFlatteningWarning(Finding warning) {
        flatteningWarning.set(warning);
    }

    private String summaryText() {
        return switch (progress.get()) {
            case IDLE -> "";
            case RUNNING -> words.text("spf.lookups.counting");
            case FAILED -> words.text("spf.lookups.failed");
            case CANCELLED -> words.text("spf.lookups.cancelled");
            case DONE -> words.text(report.get().has(SpfFinding.TOO_MANY_LOOKUPS) ? "spf.lookups.over" : "spf.lookups.count",
                    report.get().lookups(), SpfEvaluator.MAX_DNS_TERMS);
        };
    }

    private CheckState stateNow() {
        return switch (progress.get()) {
            case IDLE, RUNNING -> CheckState.PENDING;
            case FAILED, CANCELLED -> CheckState.UNKNOWN;
            case DONE -> CheckState.of(report.get().worstSeverity());
        };
    }
}
