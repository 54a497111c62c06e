package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.findings.Finding;
import org.mailwright.findings.DmarcFinding;
import org.mailwright.dmarc.DmarcRecord.PolicyState;
import org.mailwright.dmarc.DmarcRecord.VersionStatus;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.KeyedWords;

/**
 * The DMARC linter: looks a domain's policy up as receivers do and says what is wrong with it,
 * why it matters and how to fix it (the words are in {@code findings-dmarc.properties}).
 *
 * <p>{@link #lint(String)} checks a live domain; {@link #recordFindings(DmarcRecord, PolicyScope)}
 * checks a record's text alone, for a record being written.
 */
public final class DmarcLinter {

    /** More {@code rua} destinations than RFC 7489 obliged receivers to serve (it said at least two). */
    static final int MAX_AGGREGATE_DESTINATIONS = 2;

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final PolicyDiscovery discovery;
    private final ReportDestinations destinations;

    public DmarcLinter(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.discovery = new PolicyDiscovery(resolver, target);
        this.destinations = new ReportDestinations(resolver, target);
    }

    /**
     * Checks the DMARC setup of {@code domain}.
     *
     * @throws IllegalArgumentException when {@code domain} is not a domain name
     */
    public CompletableFuture<DmarcReport> lint(String domain) {
        String name = DomainName.of(domain).ascii();
        CompletableFuture<LookupResult> apex = resolver.lookup(name, RecordType.TXT, target);
        CompletableFuture<LookupResult> alias =
                BuiltNames.lookup(resolver, target, PolicyDiscovery.DMARC_PREFIX + name, RecordType.CNAME);
        return discovery.discover(name).thenCompose(policy -> {
            Optional<DmarcRecord> record = policy.record();
            List<CompletableFuture<DestinationReport>> checks = new ArrayList<>();
            for (DmarcTag tag : List.of(DmarcTag.RUA, DmarcTag.RUF)) {
                for (ReportUri uri : record.map(r -> r.reportUris(tag)).orElse(List.of())) {
                    checks.add(destinations.check(policy.sourceDomain(), tag, uri));
                }
            }
            List<CompletableFuture<?>> all = new ArrayList<>(checks);
            all.add(apex);
            all.add(alias);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<DestinationReport> checked = checks.stream().map(CompletableFuture::join).toList();
                List<Finding> findings = findings(policy, apex.join(), alias.join(), checked);
                List<MailboxCheck> receiving = checked.stream().flatMap(check -> check.mailbox().stream()).toList();
                return new DmarcReport(name, policy, apex.join(), alias.join(),
                        checked.stream().map(DestinationReport::authorization).toList(), receiving, findings);
            });
        });
    }

    /**
     * What is wrong with a record's text, whatever DNS says: syntax, removed and unknown tags,
     * weak policies, report destinations that are not {@code mailto:}...
     *
     * @param scope which of its policies is in effect for the name in question ({@code p} for
     *     the domain that publishes it)
     */
    public static List<Finding> recordFindings(DmarcRecord record, PolicyScope scope) {
        List<Finding> findings = new ArrayList<>();
        if (record.version() == VersionStatus.NOT_FIRST) {
            findings.add(DmarcFinding.NOT_FIRST_V.of(record.text()));
        }
        for (SyntaxProblem problem : record.problems()) {
            findings.add((problem.tolerated() ? DmarcFinding.SYNTAX_TOLERATED : DmarcFinding.SYNTAX).of(problem.position(), problem.kind().code(),
                    problem.tag(), problem.text(), problem.expected()));
        }
        if (!record.isDmarc()) {
            return sorted(findings);
        }
        policyFindings(record, scope, findings);
        List<ReportUri> aggregate = record.aggregateReportUris();
        if (aggregate.isEmpty() && record.policyState() != PolicyState.IGNORED) {
            findings.add(DmarcFinding.NO_RUA.of());
        }
        if (aggregate.size() > MAX_AGGREGATE_DESTINATIONS) {
            findings.add(DmarcFinding.RUA_TOO_MANY.of(aggregate.size(), MAX_AGGREGATE_DESTINATIONS));
        }
        for (DmarcTag tag : List.of(DmarcTag.RUA, DmarcTag.RUF)) {
            for (ReportUri uri : record.reportUris(tag)) {
                if (!uri.isMailto()) {
                    findings.add((tag == DmarcTag.RUA ? DmarcFinding.RUA_NOT_MAILTO : DmarcFinding.RUF_NOT_MAILTO).of(uri.toString()));
                }
                if (uri.hasSizeLimit()) {
                    findings.add(DmarcFinding.OBSOLETE_SIZE.of(tag.tagName(), uri.toString()));
                }
            }
        }
        if (record.tag(DmarcTag.FO).isPresent() && record.failureReportUris().isEmpty()) {
            findings.add(DmarcFinding.FO_WITHOUT_RUF.of(record.tag(DmarcTag.FO).get().value()));
        }
        for (DmarcRecord.Tag legacy : record.legacyTags()) {
            boolean partial = legacy.name().equals(DmarcTag.PCT.tagName()) && record.percentage().orElse(100) < 100;
            findings.add((partial ? DmarcFinding.PCT_IGNORED : DmarcFinding.LEGACY_TAG).of(legacy.name(), legacy.value()));
        }
        for (DmarcRecord.Tag unknown : record.unknownTags()) {
            findings.add(DmarcFinding.UNKNOWN_TAG.of(unknown.name(), unknown.value(), unknown.position()));
        }
        if (record.psd() == PsdFlag.YES) {
            findings.add(DmarcFinding.PSD_YES.of());
        }
        return sorted(findings);
    }

    private static void policyFindings(DmarcRecord record, PolicyScope scope, List<Finding> findings) {
        PolicyState state = record.policyState();
        if (state != PolicyState.USABLE) {
            String culprit = record.policy().isEmpty() ? "p" : record.subdomainPolicy().isEmpty()
                    && record.tag(DmarcTag.SP).isPresent() ? "sp" : "np";
            findings.add(state == PolicyState.IGNORED
                    ? DmarcFinding.IGNORED.of(culprit)
                    : DmarcFinding.TREATED_AS_NONE.of(culprit));
            return;
        }
        Policy requested = record.requestedPolicy(scope).orElseThrow();
        String tagInEffect = record.tagInEffect(scope).tagName();
        if (requested == Policy.NONE) {
            findings.add(DmarcFinding.POLICY_NONE.of(tagInEffect));
        } else if (record.testing()) {
            findings.add(DmarcFinding.TESTING.of(tagInEffect + "=" + requested.tagValue(), requested.oneLevelLess().tagValue()));
        }
        Policy domainPolicy = record.policy().orElseThrow();
        record.subdomainPolicy().filter(sp -> sp.weakerThan(domainPolicy)).ifPresent(sp ->
                findings.add(DmarcFinding.SP_WEAKER.of(sp.tagValue(), domainPolicy.tagValue())));
        Policy existingSubdomains = record.subdomainPolicy().orElse(domainPolicy);
        record.nonExistentPolicy().filter(np -> np.weakerThan(existingSubdomains)).ifPresent(np ->
                findings.add(DmarcFinding.NP_WEAKER.of(np.tagValue(), existingSubdomains.tagValue())));
    }

    private static List<Finding> findings(DiscoveredPolicy policy, LookupResult apex, LookupResult alias,
                                          List<DestinationReport> destinations) {
        List<Finding> findings = new ArrayList<>();
        for (WalkStep step : policy.walk().steps()) {
            if (step.status() == WalkStep.Status.LOOKUP_FAILED) {
                findings.add(lookupFailed(step.lookup()));
            }
        }
        WalkStep own = policy.walk().steps().get(0);
        for (DmarcRecord published : own.published()) {
            if (!published.isDmarc() && meantAsDmarc(published)) {
                findings.addAll(recordFindings(published, PolicyScope.DOMAIN));
            }
        }
        if (own.status() == WalkStep.Status.MULTIPLE_RECORDS) {
            findings.add(DmarcFinding.MULTIPLE_RECORDS.of(own.queryName(), own.dmarcRecords().size()));
        }
        boolean ownTxt = own.lookup().records().stream().anyMatch(record -> record.name().equals(own.queryName()));
        if (alias.outcome() == Outcome.OK && ownTxt) {
            findings.add(DmarcFinding.CNAME_AND_TXT.of(own.queryName(), alias.values().get(0)));
        }
        switch (policy.source()) {
            case NONE -> {
                // After a failed lookup "missing" may be false; the lookup-failed findings say so.
                if (policy.complete()) {
                    findings.add(DmarcFinding.MISSING.of(policy.domain()));
                }
            }
            case ORGANIZATIONAL_DOMAIN, PUBLIC_SUFFIX -> findings.add(DmarcFinding.INHERITED.of(policy.domain(), policy.sourceDomain(),
                    policy.tagInEffect().orElse(DmarcTag.P).tagName(),
                    policy.requestedPolicy().map(Policy::tagValue).orElse("-")));
            case OWN -> {
            }
        }
        policy.record().ifPresent(record -> findings.addAll(recordFindings(record, policy.scope())));
        destinations.forEach(destination -> findings.addAll(destination.findings()));
        if (apex.values().stream().anyMatch(value -> DmarcRecord.parse(value).isDmarc())) {
            findings.add(DmarcFinding.AT_APEX.of(policy.domain(), own.queryName()));
        }
        return sorted(distinct(findings));
    }

    /** A TXT record at {@code _dmarc} that was meant as a policy but does not start with {@code v=DMARC1}. */
    private static boolean meantAsDmarc(DmarcRecord record) {
        return record.version() != VersionStatus.MISSING
                || record.text().toLowerCase(Locale.ROOT).contains("dmarc")
                || record.tag(DmarcTag.P).isPresent();
    }

    static Finding lookupFailed(LookupResult lookup) {
        return DmarcFinding.LOOKUP_FAILED.of(lookup.name(), lookup.type().name(),
                new KeyedWords(lookup.outcome().wordsKey()), lookup.server());
    }

    /** The same destination may appear in rua and ruf, and the same lookup fail twice: say it once. */
    private static List<Finding> distinct(List<Finding> findings) {
        return findings.stream().distinct().toList();
    }

    /** Most serious first; the order found is kept among equals (a stable sort). */
    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }
}
