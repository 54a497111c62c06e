package org.mailwright.ui.spf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.findings.Finding;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.spf.Mechanism;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import org.mailwright.spf.SpfRecord;
import org.mailwright.spf.SpfSyntaxException;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.LatestJob;

/**
 * The wizard's last step: asks DNS, now and past any cached answer, what the domain publishes, and
 * says whether it is the record written here, the old one still, another, none or several.
 */
public final class PublishCheck {

    /** What the domain publishes compared with the record written. */
    public enum Verdict {
        /** Exactly the record written (spacing and case aside). */
        LIVE,
        /** The record written, which the domain already published when the wizard read it: nothing to change. */
        UNCHANGED,
        /** Still the record it published when the wizard read it. */
        OLD,
        /** One SPF record, but neither the new nor the old one. */
        DIFFERENT,
        /** No SPF record. */
        MISSING,
        /** More than one SPF record: receivers give permerror. */
        MULTIPLE,
        /** The lookup failed, so nobody can tell. */
        UNREADABLE
    }

    /** What one check found. */
    public record Result(String domain, String expected, LookupResult answer, SpfLintReport lint, Verdict verdict) {
    }

    private final Words words;
    private final LatestJob job;
    private final Supplier<ResolverService> resolver;
    private final Supplier<ResolverTarget> target;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(this, "progress", Progress.IDLE);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final SimpleStringProperty failure = new SimpleStringProperty(this, "failure", "");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final StringBinding headline;
    private final StringBinding detail;
    private final ObjectBinding<CheckState> state;
    private final ObjectBinding<List<String>> published;

    PublishCheck(Words words, LatestJob job, Supplier<ResolverService> resolver, Supplier<ResolverTarget> target) {
        this.words = Objects.requireNonNull(words, "words");
        this.job = Objects.requireNonNull(job, "job");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        headline = Bindings.createStringBinding(() -> text("headline"), progress, result, failure, words.language());
        detail = Bindings.createStringBinding(() -> text("detail"), progress, result, failure, words.language());
        state = Bindings.createObjectBinding(this::stateNow, progress, result);
        published = Bindings.createObjectBinding(() -> shown().map(done -> spfValues(done.answer())).orElse(List.of()), progress, result);
        result.addListener((observable, old, value) -> findings.setAll(value == null || value.lint() == null ? List.of()
                : value.lint().findings()));
    }

    /**
     * Asks what {@code domain} publishes now, forgetting cached answers first so the check sees
     * the change as soon as the resolver does.
     *
     * @param expected the record written in the wizard
     * @param before what the domain published when the wizard read it (to tell "not yet" from "another"); may be empty
     */
    void check(String domain, String expected, List<String> before) {
        ResolverService service = resolver.get();
        ResolverTarget where = target.get();
        progress.set(Progress.RUNNING);
        job.start(words.text("spf.progress.verify", domain), () -> {
            service.cache().clear();
            return service.lookup(domain, RecordType.TXT, where).thenCompose(answer -> {
                Verdict verdict = verdict(answer, expected, before);
                if (verdict == Verdict.UNREADABLE || verdict == Verdict.MISSING) {
                    return CompletableFuture.completedFuture(new Result(domain, expected, answer, null, verdict));
                }
                return new SpfLinter(service, where).lint(domain).thenApply(lint -> new Result(domain, expected, answer, lint, verdict));
            });
        }, (done, failed) -> {
            if (failed == null) {
                result.set(done);
                progress.set(Progress.DONE);
            } else {
                failure.set(Words.failure(failed));
                progress.set(Words.cancelled(failed) ? Progress.CANCELLED : Progress.FAILED);
            }
        });
    }

    static Verdict verdict(LookupResult answer, String expected, List<String> before) {
        if (DomainFacts.unreadable(answer)) {
            return Verdict.UNREADABLE;
        }
        List<String> records = spfValues(answer);
        if (records.isEmpty()) {
            return Verdict.MISSING;
        }
        if (records.size() > 1) {
            return Verdict.MULTIPLE;
        }
        if (sameRecord(records.get(0), expected)) {
            return before.size() == 1 && sameRecord(before.get(0), expected) ? Verdict.UNCHANGED : Verdict.LIVE;
        }
        return before.size() == 1 && sameRecord(records.get(0), before.get(0)) ? Verdict.OLD : Verdict.DIFFERENT;
    }

    /** Two records say the same when their terms do, whatever the spacing, the case and an explicit +. */
    static boolean sameRecord(String one, String other) {
        return normalized(one).equals(normalized(other));
    }

    private static List<String> normalized(String record) {
        try {
            return SpfRecord.parse(record.strip()).terms().stream()
                    .map(term -> term instanceof Mechanism && term.text().startsWith("+") ? term.text().substring(1) : term.text())
                    .map(text -> text.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (SpfSyntaxException e) {
            return List.of(record.strip());
        }
    }

    private static List<String> spfValues(LookupResult answer) {
        return answer.values().stream().filter(SpfRecord::isSpfRecord).toList();
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The verdict in one sentence. */
    public StringBinding headlineProperty() {
        return headline;
    }

    /** What it means and what to do next. */
    public StringBinding detailProperty() {
        return detail;
    }

    public ObjectBinding<CheckState> stateProperty() {
        return state;
    }

    /** The SPF records the domain publishes now, as found by the last check. */
    public ObjectBinding<List<String>> publishedProperty() {
        return published;
    }

    /** What the linter says about the published record. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    private Optional<Result> shown() {
        return progress.get() == Progress.DONE ? Optional.ofNullable(result.get()) : Optional.empty();
    }

    private String text(String part) {
        return switch (progress.get()) {
            case IDLE -> "";
            case RUNNING -> part.equals("headline") ? words.text("spf.verify.running") : "";
            case FAILED -> part.equals("headline") ? words.text("spf.verify.failed") : failure.get();
            case CANCELLED -> part.equals("headline") ? words.text("spf.verify.cancelled") : "";
            case DONE -> {
                Result done = result.get();
                String key = "spf.verdict." + done.verdict().name().toLowerCase(Locale.ROOT) + (part.equals("headline") ? "" : ".detail");
                long ttl = done.answer().hasTtl() ? done.answer().ttl() : 0;
                yield words.text(key, done.domain(), ttl, spfValues(done.answer()).size(), done.answer().explain(words.locale()));
            }
        };
    }

    private CheckState stateNow() {
        if (progress.get() == Progress.RUNNING) {
            return CheckState.PENDING;
        }
        return shown().map(done -> switch (done.verdict()) {
            // Published as written; the badge then says whether receivers will be happy with it.
            case LIVE, UNCHANGED -> done.lint() == null ? CheckState.PASS : done.lint().findings().stream()
                    .map(Finding::severity).min(Enum::compareTo).map(CheckState::of).orElse(CheckState.PASS);
            case OLD, MISSING -> CheckState.PENDING;
            case DIFFERENT -> CheckState.WARNING;
            case MULTIPLE -> CheckState.ERROR;
            case UNREADABLE -> CheckState.UNKNOWN;
        }).orElse(CheckState.UNKNOWN);
    }
}
