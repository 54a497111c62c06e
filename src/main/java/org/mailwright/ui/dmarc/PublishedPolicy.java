package org.mailwright.ui.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.DmarcTag;
import org.mailwright.dmarc.Policy;
import org.mailwright.dmarc.PolicyDiscovery;
import org.mailwright.dmarc.RolloutStep;
import org.mailwright.dns.AuthoritativeLookup;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.publish.PublishedRecords;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
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

    /**
     * One reading: of which domain, how far, and what it found.
     *
     * @param publishedTtl the TTL of the domain's own record as its zone's authoritative servers
     *     publish it; empty when it has none or they did not say
     */
    record Reading(Status status, String domain, DmarcReport report, String failure, OptionalLong publishedTtl) {
        static final Reading IDLE = new Reading(Status.IDLE, "", null, "", OptionalLong.empty());

        static Reading of(Status status, String domain) {
            return new Reading(status, domain, null, "", OptionalLong.empty());
        }
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
    private final ObjectBinding<List<Finding>> findings;

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
        findings = Bindings.createObjectBinding(() -> report().map(DmarcReport::findings).orElse(List.of()), reading);
    }

    /**
     * Reads {@code domain}'s policy in the background, dropping any reading still under way;
     * {@code fresh} asks the servers now rather than the cache, as "Read again" does.
     */
    void read(String domain, boolean fresh) {
        reading.set(Reading.of(Status.READING, domain));
        ResolverService resolver = fresh ? context.resolver().fresh() : context.resolver();
        ResolverTarget target = context.resolverTarget();
        job.start(words.format("dmarc.published.reading", domain), () -> new DmarcLinter(resolver, target).lint(domain)
                .thenCompose(report -> publishedTtl(report, target)
                        .thenApply(ttl -> new Reading(Status.DONE, domain, report, "", ttl))),
                (done, failure) -> reading.set(failure == null ? done
                        : failure instanceof CancellationException ? Reading.of(Status.CANCELLED, domain)
                        : new Reading(Status.FAILED, domain, null, words.failure(failure), OptionalLong.empty())));
    }

    /**
     * The TTL of the domain's own record as published, asked of its zone's authoritative servers
     * now: a resolver's answer carries what is left of its cached copy (288, 299...), not the TTL
     * the record has. Empty when the domain has no record of its own or the servers cannot say.
     */
    private CompletableFuture<OptionalLong> publishedTtl(DmarcReport report, ResolverTarget target) {
        if (report.policy().ownRecord().isEmpty()) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }
        DomainName name = DomainName.of(report.domain()).prefixed(PolicyDiscovery.DMARC_LABEL);
        int port = context.settings().nameServerPortProperty().get();
        return new AuthoritativeLookup(context.resolver(), target, port).lookup(name, RecordType.TXT)
                .thenApply(answer -> answer.outcome() == Outcome.OK && answer.hasTtl()
                        ? OptionalLong.of(answer.ttl()) : OptionalLong.empty());
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
        return report().map(DmarcReport::policy).flatMap(DiscoveredPolicy::ownRecord);
    }

    /** The TTL of {@code domain}'s own record as published, once read; empty without one or for another domain. */
    public OptionalLong publishedTtlOf(String domain) {
        Reading now = reading.get();
        return now.status() == Status.DONE && now.domain().equals(domain) ? now.publishedTtl() : OptionalLong.empty();
    }

    /** What {@code _dmarc.<domain>} held when it was read (every TXT value); empty for another domain or before the reading. */
    public List<String> recordsOf(String domain) {
        return report().filter(done -> done.domain().equals(domain))
                .map(done -> done.policy().walk().steps().get(0).lookup().values()).orElse(List.of());
    }

    /** What {@code _dmarc.<domain>} held when it was read, as the answer said it; empty for another domain or before the reading. */
    public Optional<PublishedRecords> publishedOf(String domain) {
        return report().filter(done -> done.domain().equals(domain))
                .map(done -> new PublishedRecords(DomainName.of(domain).prefixed(PolicyDiscovery.DMARC_LABEL),
                        done.policy().walk().steps().get(0).lookup()));
    }

    /** The record of the domain's own organization, whose report addresses serve it too. */
    public Optional<DmarcRecord> organizationRecord() {
        return report().map(DmarcReport::policy).flatMap(DiscoveredPolicy::organizationRecord);
    }

    /** The rollout step that asks for what receivers are asked now; monitoring when nothing applies. */
    public RolloutStep stageNow() {
        return report().map(DmarcReport::policy).map(RolloutStep::asking).orElse(RolloutStep.MONITOR);
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

    public ObjectBinding<List<Finding>> findingsProperty() {
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
                    policy.tagInEffect().orElse(DmarcTag.P).tagName());
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
        String tag = policy.get().tagInEffect().orElse(DmarcTag.P).tagName();
        return words.format("dmarc.applied.testing", tag + "=" + requested.get().tagValue()) + " " + effect;
    }

    private CheckState stateNow() {
        Reading now = reading.get();
        return switch (now.status()) {
            case IDLE, CANCELLED, FAILED -> CheckState.UNKNOWN;
            case READING -> CheckState.PENDING;
            case DONE -> Badge.worst(now.report().findings());
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
