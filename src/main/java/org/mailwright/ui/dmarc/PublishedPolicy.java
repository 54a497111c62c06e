package org.mailwright.ui.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.Policy;
import org.mailwright.dmarc.RolloutStep;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * What a domain publishes now, read as receivers read it: where its policy comes from (its own
 * record or one inherited through the DNS tree walk), what receivers do with failing mail, and
 * what is wrong, from {@link DmarcLinter}.
 */
public final class PublishedPolicy {

    /** How far the reading is. */
    public enum Status {
        IDLE, READING, DONE, FAILED, CANCELLED
    }

    /** One reading: of which domain, how far, and what it found. */
    record Reading(Status status, String domain, DmarcReport report, String failure) {
        static final Reading IDLE = new Reading(Status.IDLE, "", null, "");
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading", Reading.IDLE);
    private final StringBinding headline;
    private final StringBinding policyNow;
    private final ObjectBinding<CheckState> state;
    private final ObjectBinding<List<String>> records;
    private final ObjectBinding<List<String>> walk;
    private final ObjectBinding<List<FindingLine>> findings;

    PublishedPolicy(AppContext context, Words words, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.job = new LatestJob(jobs);
        headline = Bindings.createStringBinding(this::headlineNow, reading, words.language());
        policyNow = Bindings.createStringBinding(this::policyNowText, reading, words.language());
        state = Bindings.createObjectBinding(this::stateNow, reading);
        records = Bindings.createObjectBinding(() -> report().flatMap(DmarcReport::record)
                .map(record -> List.of(record.text())).orElse(List.of()), reading);
        walk = Bindings.createObjectBinding(this::walkLines, reading, words.language());
        findings = Bindings.createObjectBinding(() -> report().map(done -> done.findings().stream()
                .map(finding -> FindingLine.of(finding, words.locale())).toList()).orElse(List.of()),
                reading, words.language());
    }

    /** Reads {@code domain}'s policy in the background, dropping any reading still under way. */
    void read(String domain) {
        reading.set(new Reading(Status.READING, domain, null, ""));
        DmarcLinter linter = new DmarcLinter(context.resolver(), context.resolverTarget());
        job.start(words.format("dmarc.published.reading", domain), () -> linter.lint(domain), (report, failure) -> {
            if (failure instanceof CancellationException) {
                reading.set(new Reading(Status.CANCELLED, domain, null, ""));
            } else if (failure != null) {
                reading.set(new Reading(Status.FAILED, domain, null, Problems.sentence(failure)));
            } else {
                reading.set(new Reading(Status.DONE, domain, report, ""));
            }
        });
    }

    /** Forgets the reading, as when the field no longer holds a domain. */
    void clear() {
        job.abandon();
        reading.set(Reading.IDLE);
    }

    ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public Status status() {
        return reading.get().status();
    }

    /** The linter's report once the reading is done. */
    public Optional<DmarcReport> report() {
        return Optional.ofNullable(reading.get().report());
    }

    /** The domain's own record, if it publishes exactly one. */
    public Optional<DmarcRecord> ownRecord() {
        return report().map(DmarcReport::policy).filter(policy -> policy.source() == DiscoveredPolicy.Source.OWN)
                .flatMap(DiscoveredPolicy::record);
    }

    /**
     * The record of the domain's own organization: its own, or the one it inherits from its
     * Organizational Domain (not a public suffix's, which belongs to someone else).
     */
    public Optional<DmarcRecord> organizationRecord() {
        return report().map(DmarcReport::policy).filter(policy -> policy.source() == DiscoveredPolicy.Source.OWN
                || policy.source() == DiscoveredPolicy.Source.ORGANIZATIONAL_DOMAIN).flatMap(DiscoveredPolicy::record);
    }

    /**
     * The stage of a rollout that asks for what receivers are asked now: starting there keeps the
     * domain's protection; an earlier stage would weaken it. Monitoring when nothing applies.
     */
    public RolloutStep stageNow() {
        Optional<DiscoveredPolicy> policy = report().map(DmarcReport::policy);
        Optional<Policy> requested = policy.flatMap(DiscoveredPolicy::requestedPolicy);
        boolean testing = policy.flatMap(DiscoveredPolicy::record).map(DmarcRecord::testing).orElse(false);
        return switch (requested.orElse(Policy.NONE)) {
            case NONE -> RolloutStep.MONITOR;
            case QUARANTINE -> testing ? RolloutStep.QUARANTINE_TEST : RolloutStep.QUARANTINE;
            case REJECT -> testing ? RolloutStep.REJECT_TEST : RolloutStep.REJECT;
        };
    }

    /** What the reading says in one or two sentences. */
    public StringBinding headlineProperty() {
        return headline;
    }

    /** What receivers do with failing mail now, in plain words; empty until read. */
    public StringBinding policyNowProperty() {
        return policyNow;
    }

    /** The card's badge: the most serious finding, pending while reading. */
    public ObjectBinding<CheckState> stateProperty() {
        return state;
    }

    /** The record that applies (the domain's own or inherited), as published. */
    public ObjectBinding<List<String>> recordsProperty() {
        return records;
    }

    /** The queries of the tree walk, when the policy does not come from the domain's own record. */
    public ObjectBinding<List<String>> walkProperty() {
        return walk;
    }

    public ObjectBinding<List<FindingLine>> findingsProperty() {
        return findings;
    }

    private String headlineNow() {
        Reading now = reading.get();
        return switch (now.status()) {
            case IDLE -> words.format("dmarc.published.idle");
            case READING -> words.format("dmarc.published.reading", now.domain());
            case FAILED -> words.format("dmarc.published.failed", now.domain(), now.failure());
            case CANCELLED -> words.format("dmarc.published.cancelled", now.domain());
            case DONE -> doneHeadline(now.report());
        };
    }

    private String doneHeadline(DmarcReport report) {
        DiscoveredPolicy policy = report.policy();
        String headline = switch (policy.source()) {
            case OWN -> words.format("dmarc.published.own", report.domain());
            case ORGANIZATIONAL_DOMAIN -> words.format("dmarc.published.inherited", report.domain(), policy.sourceDomain(),
                    policy.record().map(r -> r.tagInEffect(policy.scope()).tagName()).orElse("p"));
            case PUBLIC_SUFFIX -> words.format("dmarc.published.publicSuffix", report.domain(), policy.sourceDomain());
            case NONE -> words.format(policy.complete() ? "dmarc.published.none" : "dmarc.published.unsure", report.domain());
        };
        return policy.complete() || policy.source() == DiscoveredPolicy.Source.NONE
                ? headline : headline + " " + words.format("dmarc.published.incomplete");
    }

    private String policyNowText() {
        Optional<DiscoveredPolicy> policy = report().map(DmarcReport::policy);
        if (policy.isEmpty() || policy.get().record().isEmpty()) {
            return "";
        }
        Optional<Policy> applied = policy.get().appliedPolicy();
        if (applied.isEmpty()) {
            return words.format("dmarc.applied.ignored");
        }
        String effect = words.format("dmarc.applied." + applied.get().tagValue());
        Optional<Policy> requested = policy.get().requestedPolicy();
        if (requested.isEmpty() || requested.get() == applied.get()) {
            return effect;
        }
        String tag = policy.get().record().orElseThrow().tagInEffect(policy.get().scope()).tagName();
        return words.format("dmarc.applied.testing", tag + "=" + requested.get().tagValue()) + " " + effect;
    }

    private CheckState stateNow() {
        Reading now = reading.get();
        return switch (now.status()) {
            case IDLE, CANCELLED, FAILED -> CheckState.UNKNOWN;
            case READING -> CheckState.PENDING;
            case DONE -> Problems.worst(now.report().findings());
        };
    }

    private List<String> walkLines() {
        Optional<DmarcReport> report = report();
        if (report.isEmpty() || report.get().policy().source() == DiscoveredPolicy.Source.OWN) {
            return List.of();
        }
        DiscoveredPolicy policy = report.get().policy();
        return policy.walk().steps().stream().map(step -> {
            String found = switch (step.status()) {
                case RECORD -> words.format(step.domain().equals(policy.sourceDomain()) ? "dmarc.walk.applies" : "dmarc.walk.record");
                case NO_RECORD -> words.format("dmarc.walk.none");
                case MULTIPLE_RECORDS -> words.format("dmarc.walk.multiple", step.dmarcRecords().size());
                case LOOKUP_FAILED -> words.format("dmarc.walk.failed", step.lookup().outcome().jsonName());
            };
            return words.format("dmarc.walk.step", step.queryName(), found);
        }).toList();
    }
}
