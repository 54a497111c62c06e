package org.mailwright.reports;

/**
 * The DMARC policy the receiver found for the domain ({@code policy_published}). Keyword values are
 * lower case; absent fields are {@code null}.
 *
 * @param domain the domain whose policy was applied
 * @param adkim DKIM alignment, r or s
 * @param aspf SPF alignment, r or s
 * @param p the policy: none, quarantine or reject
 * @param sp the policy for subdomains
 * @param np the policy for non-existent subdomains (RFC 9990)
 * @param pct the percentage sampled (RFC 7489; gone in RFC 9990), or null
 * @param fo the failure reporting options
 * @param testing t=y of RFC 9989: y or n
 * @param discoveryMethod how the policy was found (RFC 9990): psl or treewalk
 */
public record PolicyPublished(String domain, String adkim, String aspf, String p, String sp, String np, Integer pct,
        String fo, String testing, String discoveryMethod) {
}
