package org.mailwright.ui.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.PolicyDiscovery;
import org.mailwright.dmarc.WalkStep;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.Finding;
import org.mailwright.propagation.PublishedState;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The wizard's last step: asks the servers now, past any answer the cache kept, what the domain
 * publishes, and says in {@link PublishedState}'s terms (the verdict the Propagation page and
 * every wizard share) whether it is the record written here, still the old one, another, none or
 * several; with the linter's findings on what is published.
 */
final class Verification {

    /** One check: what was expected, and what DNS said once it answered. */
    record Check(String domain, String expected, Progress progress, Optional<PublishedState> state, DmarcReport report,
                 String failure) {
        static final Check NONE = new Check("", "", Progress.NOT_CHECKED, Optional.empty(), null, "");
    }

    /** How far the check is. */
    enum Progress {
        NOT_CHECKED, CHECKING, DONE, FAILED
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>(this, "check", Check.NONE);
    private final ObjectBinding<CheckState> state;
    private final StringBinding headline;
    private final ObjectBinding<List<String>> published;
    private final ObjectBinding<List<Finding>> findings;

    Verification(AppContext context, Words words, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.job = new LatestJob(jobs);
        state = Bindings.createObjectBinding(this::stateNow, check);
        headline = Bindings.createStringBinding(this::headlineNow, check, words.language());
        published = Bindings.createObjectBinding(() -> ownStep().map(step -> step.published().stream()
                .map(DmarcRecord::text).toList()).orElse(List.of()), check);
        findings = Bindings.createObjectBinding(() -> Optional.ofNullable(check.get().report())
                .map(DmarcReport::findings).orElse(List.of()), check);
    }

    /**
     * Asks what {@code domain} publishes now, through a fresh view of the resolver service: no
     * answer the cache held before is used, a negative one included, and what is learnt updates
     * the cache for every page.
     *
     * @param before what the domain published when the wizard read it (to tell "not yet" from "another")
     */
    void check(String domain, String expected, List<String> before) {
        check.set(new Check(domain, expected, Progress.CHECKING, Optional.empty(), null, ""));
        DmarcLinter linter = new DmarcLinter(context.resolver().fresh(), context.resolverTarget());
        String name = PolicyDiscovery.DMARC_PREFIX + domain;
        job.start(words.format("dmarc.verify.progress", domain), () -> linter.lint(domain), (report, failure) -> {
            if (failure != null) {
                check.set(new Check(domain, expected, Progress.FAILED, Optional.empty(), null, words.failure(failure)));
                return;
            }
            WalkStep own = report.policy().walk().steps().get(0);
            check.set(new Check(domain, expected, Progress.DONE,
                    Optional.of(PublishedState.of(name, RecordType.TXT, own.lookup(), expected, before)), report, ""));
        });
    }

    void clear() {
        job.abandon();
        check.set(Check.NONE);
    }

    ObjectBinding<CheckState> stateProperty() {
        return state;
    }

    StringBinding headlineProperty() {
        return headline;
    }

    /** The TXT records at {@code _dmarc.<domain>} as the check found them. */
    ObjectBinding<List<String>> publishedProperty() {
        return published;
    }

    ObjectBinding<List<Finding>> findingsProperty() {
        return findings;
    }

    private Optional<WalkStep> ownStep() {
        return Optional.ofNullable(check.get().report()).map(report -> report.policy().walk().steps().get(0));
    }

    private CheckState stateNow() {
        Check now = check.get();
        return switch (now.progress()) {
            case NOT_CHECKED, FAILED -> CheckState.UNKNOWN;
            case CHECKING -> CheckState.PENDING;
            case DONE -> switch (now.state().orElseThrow()) {
                case LIVE, UNCHANGED -> CheckState.PASS;
                case OLD, MISSING -> CheckState.WARNING;
                case DIFFERENT, MULTIPLE -> CheckState.ERROR;
                case UNREADABLE -> CheckState.UNKNOWN;
            };
        };
    }

    private String headlineNow() {
        Check now = check.get();
        String name = PolicyDiscovery.DMARC_PREFIX + now.domain();
        return switch (now.progress()) {
            case NOT_CHECKED -> words.format("dmarc.verify.notChecked");
            case CHECKING -> words.format("dmarc.verify.checking", name);
            case FAILED -> words.format("dmarc.verify.failed", name, now.failure());
            case DONE -> switch (now.state().orElseThrow()) {
                case LIVE, UNCHANGED -> words.format("dmarc.verify.live", name);
                case OLD -> words.format("dmarc.verify.old", name);
                case DIFFERENT -> words.format("dmarc.verify.different", name);
                case MISSING -> words.format(inherits(now) ? "dmarc.verify.missingInherited" : "dmarc.verify.missing", name,
                        now.report().policy().sourceDomain());
                case MULTIPLE -> words.format("dmarc.verify.multiple", name);
                case UNREADABLE -> words.format("dmarc.verify.unreadable", name, ownStep().orElseThrow().lookup().explain(words.locale()));
            };
        };
    }

    private static boolean inherits(Check check) {
        return check.report().policy().source() != DiscoveredPolicy.Source.NONE;
    }
}
