package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * RFC 9989 policy discovery: the DNS tree walk of section 4.10 in place of RFC 7489's public
 * suffix list. Follows the text of draft-ietf-dmarc-dmarcbis-41 (published as RFC 9989):
 *
 * <ol>
 *   <li>Ask {@code _dmarc.<name>}; one record starting with {@code v=DMARC1} there is the policy.
 *   <li>Otherwise walk up: from the parent if the name has 8 labels or fewer, else from its last
 *       7 labels; ask each shorter name in turn, the single label (the TLD) included, and stop at a
 *       record with {@code psd=y} or {@code psd=n}. That is at most 8 queries in all.
 *   <li>The Organizational Domain is chosen among the records found (see
 *       {@link TreeWalk#organizationalDomain()}); its record applies, or else that of the public
 *       suffix domain above it. Several records at one name count as none.
 * </ol>
 *
 * <p>A failed lookup (timeout, SERVFAIL) does not stop the walk, but the result says it is incomplete.
 */
public final class PolicyDiscovery {

    /** The label prefixed to a name to find its policy record. */
    public static final String DMARC_PREFIX = "_dmarc.";
    /** The same label without its dot, for {@link DomainName#prefixed}. */
    public static final String DMARC_LABEL = "_dmarc";
    /** RFC 9989 section 4.10: a tree walk never makes more than eight queries. */
    public static final int MAX_QUERIES = 8;

    private final ResolverService resolver;
    private final ResolverTarget target;

    public PolicyDiscovery(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Finds the policy that applies to mail from {@code domain}.
     *
     * @throws IllegalArgumentException when {@code domain} is not a domain name
     */
    public CompletableFuture<DiscoveredPolicy> discover(String domain) {
        String name = DomainName.of(domain).ascii();
        return walk(name, true).thenCompose(walk -> {
            WalkStep own = walk.steps().get(0);
            if (own.status() == WalkStep.Status.RECORD) {
                return CompletableFuture.completedFuture(
                        new DiscoveredPolicy(name, walk, DiscoveredPolicy.Source.OWN, name, Optional.empty()));
            }
            String organizational = walk.organizationalDomain();
            Optional<WalkStep> publicSuffix = walk.publicSuffix();
            DiscoveredPolicy.Source source;
            String sourceDomain;
            if (walk.step(organizational).flatMap(WalkStep::record).isPresent()) {
                source = DiscoveredPolicy.Source.ORGANIZATIONAL_DOMAIN;
                sourceDomain = organizational;
            } else if (publicSuffix.isPresent()) {
                source = DiscoveredPolicy.Source.PUBLIC_SUFFIX;
                sourceDomain = publicSuffix.get().domain();
            } else {
                return CompletableFuture.completedFuture(
                        new DiscoveredPolicy(name, walk, DiscoveredPolicy.Source.NONE, "", Optional.empty()));
            }
            // RFC 9989 section 3.2.13: a name "does not exist" when a query for it gets NXDOMAIN.
            return resolver.lookup(name, RecordType.TXT, target).thenApply(existence ->
                    new DiscoveredPolicy(name, walk, source, sourceDomain, Optional.of(existence)));
        });
    }

    /**
     * The tree walk that finds {@code domain}'s Organizational Domain (RFC 9989 section 4.10.2),
     * as used to decide relaxed alignment and whether a report destination is another organization.
     *
     * @throws IllegalArgumentException when {@code domain} is not a domain name
     */
    public CompletableFuture<TreeWalk> treeWalk(String domain) {
        return walk(DomainName.of(domain).ascii(), false);
    }

    /**
     * The names a walk from {@code name} may query, in order: the name, then its parent (or its
     * last 7 labels when it has more than 8), then each shorter name down to one label.
     */
    static List<String> walkTargets(String name) {
        List<String> targets = new ArrayList<>();
        targets.add(name);
        DomainName start = DomainName.of(name);
        for (int count = Math.min(start.labelCount() - 1, MAX_QUERIES - 1); count >= 1; count--) {
            targets.add(start.lastLabels(count).ascii());
        }
        return targets;
    }

    private CompletableFuture<TreeWalk> walk(String name, boolean stopAtOwnRecord) {
        List<String> targets = walkTargets(name);
        return step(targets, 0, new ArrayList<>(), stopAtOwnRecord)
                .thenApply(steps -> new TreeWalk(name, steps));
    }

    private CompletableFuture<List<WalkStep>> step(List<String> targets, int index, List<WalkStep> done,
                                                   boolean stopAtOwnRecord) {
        if (index == targets.size()) {
            return CompletableFuture.completedFuture(done);
        }
        String domain = targets.get(index);
        CompletableFuture<LookupResult> lookup = BuiltNames.lookup(resolver, target, DMARC_PREFIX + domain, RecordType.TXT);
        return lookup.thenCompose(result -> {
            WalkStep step = new WalkStep(domain, result);
            done.add(step);
            boolean ownRecordFound = index == 0 && stopAtOwnRecord && step.status() == WalkStep.Status.RECORD;
            return ownRecordFound || step.stopsWalk()
                    ? CompletableFuture.completedFuture(done)
                    : step(targets, index + 1, done, stopAtOwnRecord);
        });
    }
}
