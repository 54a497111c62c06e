package org.mailwright.dmarc;

import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * Where a name's DMARC policy comes from (RFC 9989 section 4.10.1) and what it asks for.
 *
 * @param domain the name asked about (the Author Domain), canonical
 * @param walk the queries made: the name's own {@code _dmarc} first, then the tree walk
 * @param source which kind of record applies
 * @param sourceDomain the name whose {@code _dmarc} record applies; empty for {@link Source#NONE}
 * @param existence for an inherited policy, the lookup that tells whether {@code domain} exists
 *     (NXDOMAIN means it does not, so {@code np} applies rather than {@code sp}); otherwise empty
 */
public record DiscoveredPolicy(String domain, TreeWalk walk, Source source, String sourceDomain,
                               Optional<LookupResult> existence) {

    /** The kinds of place a policy can come from, most specific first. */
    public enum Source {
        /** The name's own record. */
        OWN,
        /** The record of the name's Organizational Domain. */
        ORGANIZATIONAL_DOMAIN,
        /** The record of a public suffix domain ({@code psd=y}) above it. */
        PUBLIC_SUFFIX,
        /** No record applies: receivers do not apply DMARC to this name. */
        NONE
    }

    public DiscoveredPolicy {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(walk, "walk");
        Objects.requireNonNull(source, "source");
        sourceDomain = sourceDomain == null ? "" : sourceDomain;
        existence = existence == null ? Optional.empty() : existence;
    }

    /** The record that applies, if any. */
    public Optional<DmarcRecord> record() {
        return source == Source.NONE ? Optional.empty() : walk.step(sourceDomain).flatMap(WalkStep::record);
    }

    /** The name's own record, when it publishes exactly one. */
    public Optional<DmarcRecord> ownRecord() {
        return source == Source.OWN ? record() : Optional.empty();
    }

    /**
     * The record of the name's own organization: its own, or the one it inherits from its
     * Organizational Domain; not a public suffix's, which belongs to someone else. Its report
     * addresses serve the name too, without authorization.
     */
    public Optional<DmarcRecord> organizationRecord() {
        return source == Source.OWN || source == Source.ORGANIZATIONAL_DOMAIN ? record() : Optional.empty();
    }

    /** The tag of the applying record whose policy is in effect for the name ({@code p}, {@code sp} or {@code np}). */
    public Optional<DmarcTag> tagInEffect() {
        return record().map(r -> r.tagInEffect(scope()));
    }

    public boolean inherited() {
        return source == Source.ORGANIZATIONAL_DOMAIN || source == Source.PUBLIC_SUFFIX;
    }

    /**
     * Whether the name exists, as far as it matters: a name with its own record does; for an
     * inherited policy the lookup says (empty when it failed); with no policy it was not asked.
     */
    public Optional<Boolean> domainExists() {
        if (source == Source.OWN) {
            return Optional.of(true);
        }
        return existence.map(LookupResult::outcome)
                .filter(outcome -> outcome == Outcome.OK || outcome == Outcome.NODATA || outcome == Outcome.NXDOMAIN)
                .map(outcome -> outcome != Outcome.NXDOMAIN);
    }

    /**
     * Which of the record's policies applies to the name: {@code p} for its own record, {@code np}
     * for an inherited one when the name does not exist, {@code sp} otherwise (also when its
     * existence could not be checked).
     */
    public PolicyScope scope() {
        if (!inherited()) {
            return PolicyScope.DOMAIN;
        }
        return domainExists().orElse(true) ? PolicyScope.SUBDOMAIN : PolicyScope.NON_EXISTENT_SUBDOMAIN;
    }

    /** The policy asked for the name, before test mode; empty when no record applies or it is ignored. */
    public Optional<Policy> requestedPolicy() {
        return record().flatMap(r -> r.requestedPolicy(scope()));
    }

    /** What receivers following RFC 9989 apply to the name's failing mail (test mode included). */
    public Optional<Policy> appliedPolicy() {
        return record().flatMap(r -> r.appliedPolicy(scope()));
    }

    /** {@code own}, {@code inherited:NAME} or {@code none}: the {@code source} field of the CLI's JSON. */
    public String sourceLabel() {
        return switch (source) {
            case OWN -> "own";
            case ORGANIZATIONAL_DOMAIN, PUBLIC_SUFFIX -> "inherited:" + sourceDomain;
            case NONE -> "none";
        };
    }

    /** False when a lookup failed on the way, so the answer may be wrong. */
    public boolean complete() {
        return walk.complete();
    }
}
