package org.mailwright.ui.spf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.propagation.PublishedState;
import org.mailwright.propagation.RecordComparison;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.LatestJob;

/**
 * The wizard's last step: asks the servers now, past every cached answer, what the domain
 * publishes, and says whether it is the record written here, the old one still, another, none or
 * several: the verdict every wizard and the Propagation page share ({@link PublishedState}).
 */
public final class PublishCheck {

    /** The verdicts that leave a published SPF record to lint. */
    private static final Set<PublishedState> WITH_A_RECORD = Set.of(
            PublishedState.LIVE, PublishedState.UNCHANGED, PublishedState.OLD, PublishedState.DIFFERENT, PublishedState.MULTIPLE);

    /**
     * What one check found.
     *
     * @param lint what the linter says about the published record; null when none is published or it could not be read
     */
    public record Result(String domain, String expected, LookupResult answer, SpfLintReport lint, PublishedState state) {

        /** The SPF records the domain publishes now. */
        public List<String> published() {
            return RecordComparison.sameKind(domain, RecordType.TXT, expected, answer.values());
        }
    }

    private final Words words;
    private final LatestJob job;
    private final Supplier<ResolverService> resolver;
    private final Supplier<ResolverTarget> target;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(this, "progress", Progress.IDLE);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
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
        headline = Bindings.createStringBinding(() -> text(true), progress, result, words.language());
        detail = Bindings.createStringBinding(() -> text(false), progress, result, words.language());
        state = Bindings.createObjectBinding(this::stateNow, progress, result);
        published = Bindings.createObjectBinding(() -> shown().map(Result::published).orElse(List.of()), progress, result);
        result.addListener((observable, old, value) -> findings.setAll(value == null || value.lint() == null ? List.of()
                : value.lint().findings()));
    }

    /**
     * Asks what {@code domain} publishes now, of the servers themselves: no answer the cache held
     * before counts, negative ones included, and what is learnt refreshes the cache.
     *
     * @param expected the record written in the wizard
     * @param before what the domain published when the wizard read it (to tell "not yet" from "another"); may be empty
     */
    void check(String domain, String expected, List<String> before) {
        ResolverService now = resolver.get().fresh();
        ResolverTarget where = target.get();
        progress.set(Progress.RUNNING);
        job.start(words.text("spf.progress.verify", domain), () -> now.lookup(domain, RecordType.TXT, where).thenCompose(answer -> {
            PublishedState verdict = PublishedState.of(domain, RecordType.TXT, answer, expected, before);
            if (!WITH_A_RECORD.contains(verdict)) {
                return CompletableFuture.completedFuture(new Result(domain, expected, answer, null, verdict));
            }
            return new SpfLinter(now, where).lint(domain).thenApply(lint -> new Result(domain, expected, answer, lint, verdict));
        }), (done, failed) -> {
            if (failed == null) {
                result.set(done);
                progress.set(Progress.DONE);
            } else {
                progress.set(Words.ended(failed));
            }
        });
    }

    /** Forgets the last check (and drops one still running): it was for another record or another domain. */
    void reset() {
        job.abandon();
        progress.set(Progress.IDLE);
        result.set(null);
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

    private String text(boolean headlinePart) {
        return switch (progress.get()) {
            case IDLE -> "";
            case RUNNING -> headlinePart ? words.text("spf.verify.running") : "";
            case FAILED -> words.text(headlinePart ? "spf.verify.failed" : "spf.verify.failed.detail");
            case CANCELLED -> headlinePart ? words.text("spf.verify.cancelled") : "";
            case DONE -> {
                Result done = result.get();
                String key = "spf.verdict." + done.state().name().toLowerCase(Locale.ROOT) + (headlinePart ? "" : ".detail");
                long ttl = done.answer().hasTtl() ? done.answer().ttl() : 0;
                yield words.text(key, done.domain(), ttl, done.published().size(), done.answer().explain(words.locale()));
            }
        };
    }

    private CheckState stateNow() {
        if (progress.get() == Progress.RUNNING) {
            return CheckState.PENDING;
        }
        return shown().map(done -> switch (done.state()) {
            // Published as written; the badge then says whether receivers will be happy with it.
            case LIVE, UNCHANGED -> CheckState.of(done.lint().worstSeverity());
            case OLD, MISSING -> CheckState.PENDING;
            case DIFFERENT -> CheckState.WARNING;
            case MULTIPLE -> CheckState.ERROR;
            case UNREADABLE -> CheckState.UNKNOWN;
        }).orElse(CheckState.UNKNOWN);
    }
}
