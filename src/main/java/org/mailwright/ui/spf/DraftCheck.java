package org.mailwright.ui.spf;

import java.util.ArrayList;
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
import org.mailwright.findings.Severity;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.LatestJob;

/**
 * The record being written, checked as it changes: how many DNS lookups it needs with every
 * include followed (in the background), and what the linter finds, each with why and how to fix.
 */
public final class DraftCheck {

    private final Words words;
    private final LatestJob job;
    private final Supplier<SpfLinter> linter;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(this, "progress", Progress.IDLE);
    private final ReadOnlyObjectWrapper<SpfLintReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObjectProperty<String> failure = new SimpleObjectProperty<>(this, "failure", "");
    private final ObjectProperty<Finding> flatteningWarning = new SimpleObjectProperty<>(this, "flatteningWarning");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableMap<String, Integer> includeCosts = FXCollections.observableHashMap();
    private final ObservableMap<String, Integer> includeCostsView = FXCollections.unmodifiableObservableMap(includeCosts);
    private final StringBinding summary;
    private final ObjectBinding<CheckState> state;
    private final StringBinding tree;
    private String domain;
    private String record;

    DraftCheck(Words words, LatestJob job, Supplier<SpfLinter> linter) {
        this.words = Objects.requireNonNull(words, "words");
        this.job = Objects.requireNonNull(job, "job");
        this.linter = Objects.requireNonNull(linter, "linter");
        summary = Bindings.createStringBinding(this::summaryText, progress, report, failure, words.language());
        state = Bindings.createObjectBinding(this::stateNow, progress, report);
        tree = Bindings.createStringBinding(() -> report.get() == null ? ""
                : report.get().lookupTree().map(root -> root.render(SpfEvaluator.MAX_DNS_TERMS)).orElse(""), report);
        report.addListener((observable, old, value) -> {
            showFindings();
            includeCosts.clear();
            if (value != null) {
                value.lookupTree().ifPresent(root -> root.children().stream()
                        .filter(node -> node.term().toLowerCase(Locale.ROOT).startsWith("include:"))
                        .forEach(node -> includeCosts.put(node.target().toLowerCase(Locale.ROOT), node.lookups())));
            }
        });
        flatteningWarning.addListener((observable, old, value) -> showFindings());
    }

    /** Checks {@code record} as {@code domain} would publish it; an empty record clears the check. */
    void check(String domain, String record) {
        this.domain = domain;
        this.record = record;
        if (domain == null || record == null || record.isEmpty()) {
            job.abandon();
            progress.set(Progress.IDLE);
            report.set(null);
            return;
        }
        progress.set(Progress.RUNNING);
        job.start(words.text("spf.progress.lint", domain), () -> linter.get().lint(domain, record), (done, failed) -> {
            if (failed == null) {
                report.set(done);
                progress.set(Progress.DONE);
            } else {
                failure.set(Words.failure(failed));
                progress.set(Words.cancelled(failed) ? Progress.CANCELLED : Progress.FAILED);
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

    /** The linter's report on the record; null before the first check ends. */
    public ReadOnlyObjectProperty<SpfLintReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The lookup count in words: {@code 4 of 10 DNS lookups}, or what the check is doing. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** Pass within the limit, error over it, pending while counting, unknown when it could not count. */
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

    private void showFindings() {
        List<Finding> shown = new ArrayList<>();
        if (flatteningWarning.get() != null) {
            shown.add(flatteningWarning.get());
        }
        if (report.get() != null) {
            boolean flattened = flatteningWarning.get() != null;
            // "Valid" is not the whole story while the addresses of a flattened include may go stale.
            report.get().findings().stream()
                    .filter(finding -> !(flattened && finding.severity() == Severity.PASS))
                    .forEach(shown::add);
        }
        shown.sort(java.util.Comparator.comparing(Finding::severity));
        findings.setAll(shown);
    }

    private String summaryText() {
        return switch (progress.get()) {
            case IDLE -> "";
            case RUNNING -> words.text("spf.lookups.counting");
            case FAILED -> words.text("spf.lookups.failed", failure.get());
            case CANCELLED -> words.text("spf.lookups.cancelled");
            case DONE -> words.text(report.get().lookups() > SpfEvaluator.MAX_DNS_TERMS ? "spf.lookups.over" : "spf.lookups.count",
                    report.get().lookups(), SpfEvaluator.MAX_DNS_TERMS);
        };
    }

    private CheckState stateNow() {
        return switch (progress.get()) {
            case IDLE, RUNNING -> CheckState.PENDING;
            case FAILED, CANCELLED -> CheckState.UNKNOWN;
            case DONE -> report.get().lookups() > SpfEvaluator.MAX_DNS_TERMS ? CheckState.ERROR : CheckState.PASS;
        };
    }
}
