package org.mailwright.ui.dmarc;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.WalkStep;
import org.mailwright.dns.ResolverService;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The wizard's last step: asks DNS now, past any answer kept in the cache, what the domain
 * publishes, and says whether it is the record written here, still the old one, another, none or
 * several; with the linter's findings on what is published.
 */
final class Verification {

    /** What the domain publishes compared with the record written. */
    enum Verdict {
        /** Nothing asked yet. */
        NOT_CHECKED,
        CHECKING,
        /** The record written here (tags in any order, spacing and case of keywords aside). */
        LIVE,
        /** Still the record published when the wizard read the domain. */
        OLD,
        /** One record, but neither. */
        DIFFERENT,
        /** No record of its own (a policy may still be inherited). */
        MISSING,
        /** Several records: receivers ignore them all. */
        MULTIPLE,
        /** A lookup failed or was cancelled: nobody can tell. */
        UNREADABLE
    }

    /** One check: what was expected and what DNS said. */
    record Check(String domain, String expected, Verdict verdict, DmarcReport report, String failure) {
        static final Check NONE = new Check("", "", Verdict.NOT_CHECKED, null, "");
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>(this, "check", Check.NONE);
    private final ObjectBinding<CheckState> state;
    private final StringBinding headline;
    private final ObjectBinding<List<String>> published;
    private final ObjectBinding<List<FindingLine>> findings;

    Verification(AppContext context, Words words, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.job = new LatestJob(jobs);
        state = Bindings.createObjectBinding(() -> stateOf(check.get().verdict()), check);
        headline = Bindings.createStringBinding(this::headlineNow, check, words.language());
        published = Bindings.createObjectBinding(() -> ownStep().map(step -> step.published().stream()
                .map(DmarcRecord::text).toList()).orElse(List.of()), check);
        findings = Bindings.createObjectBinding(() -> Optional.ofNullable(check.get().report())
                .map(report -> report.findings().stream().map(f -> FindingLine.of(f, words.locale())).toList())
                .orElse(List.of()), check, words.language());
    }

    /**
     * Asks what {@code domain} publishes now, through a resolver service of its own that keeps no
     * cache, so an answer from before the record was changed is not reused.
     *
     * @param previous the record the domain published when the wizard read it, if any
     */
    void check(String domain, String expected, Optional<String> previous) {
        check.set(new Check(domain, expected, Verdict.CHECKING, null, ""));
        ResolverService fresh = new ResolverService(context.resolver().options().withCache(false));
        DmarcLinter linter = new DmarcLinter(fresh, context.resolverTarget());
        job.start(words.format("dmarc.verify.progress", domain), () -> linter.lint(domain),
                (report, failure) -> {
                    fresh.close();
                    if (failure != null) {
                        check.set(new Check(domain, expected, Verdict.UNREADABLE, null,
                                failure instanceof CancellationException ? words.format("dmarc.verify.cancelled")
                                        : Problems.sentence(failure)));
                    } else {
                        check.set(new Check(domain, expected, verdict(report, expected, previous), report, ""));
                    }
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

    ObjectBinding<List<FindingLine>> findingsProperty() {
        return findings;
    }

    static Verdict verdict(DmarcReport report, String expected, Optional<String> previous) {
        WalkStep own = report.policy().walk().steps().get(0);
        return switch (own.status()) {
            case LOOKUP_FAILED -> Verdict.UNREADABLE;
            case MULTIPLE_RECORDS -> Verdict.MULTIPLE;
            case NO_RECORD -> Verdict.MISSING;
            case RECORD -> {
                DmarcRecord found = own.record().orElseThrow();
                if (sameRecord(found, DmarcRecord.parse(expected))) {
                    yield Verdict.LIVE;
                }
                yield previous.filter(old -> sameRecord(found, DmarcRecord.parse(old))).isPresent()
                        ? Verdict.OLD : Verdict.DIFFERENT;
            }
        };
    }

    /**
     * Whether two records say the same to receivers: the same tags with the same values, in any
     * order, keywords in any case (report addresses compared as written).
     */
    static boolean sameRecord(DmarcRecord a, DmarcRecord b) {
        return canonical(a).equals(canonical(b));
    }

    private static Set<String> canonical(DmarcRecord record) {
        return record.tags().stream().map(tag -> tag.name() + "=" + (tag.name().equals("rua") || tag.name().equals("ruf")
                ? tag.value().replace(" ", "") : tag.value().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }

    private Optional<WalkStep> ownStep() {
        return Optional.ofNullable(check.get().report()).map(report -> report.policy().walk().steps().get(0));
    }

    private static CheckState stateOf(Verdict verdict) {
        return switch (verdict) {
            case NOT_CHECKED, UNREADABLE -> CheckState.UNKNOWN;
            case CHECKING -> CheckState.PENDING;
            case LIVE -> CheckState.PASS;
            case OLD, MISSING -> CheckState.WARNING;
            case DIFFERENT, MULTIPLE -> CheckState.ERROR;
        };
    }

    private String headlineNow() {
        Check now = check.get();
        String name = "_dmarc." + now.domain();
        return switch (now.verdict()) {
            case NOT_CHECKED -> words.format("dmarc.verify.notChecked");
            case CHECKING -> words.format("dmarc.verify.checking", name);
            case LIVE -> words.format("dmarc.verify.live", name);
            case OLD -> words.format("dmarc.verify.old", name);
            case DIFFERENT -> words.format("dmarc.verify.different", name);
            case MISSING -> words.format(inherits(now) ? "dmarc.verify.missingInherited" : "dmarc.verify.missing", name,
                    now.report() == null ? "" : now.report().policy().sourceDomain());
            case MULTIPLE -> words.format("dmarc.verify.multiple", name);
            case UNREADABLE -> now.report() == null
                    ? words.format("dmarc.verify.failed", name, now.failure())
                    : words.format("dmarc.verify.unreadable", name,
                            now.report().policy().walk().steps().get(0).lookup().explain(words.locale()));
        };
    }

    private static boolean inherits(Check check) {
        return check.report() != null && check.report().policy().source() != DiscoveredPolicy.Source.NONE;
    }
}
