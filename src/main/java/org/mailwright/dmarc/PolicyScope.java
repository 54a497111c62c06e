package org.mailwright.dmarc;

/**
 * Which of a record's policies applies to a name (RFC 9989 section 4.10.1): {@code p} for the
 * domain that publishes it, {@code sp} for its existing subdomains, {@code np} for subdomains
 * that do not exist (NXDOMAIN). A missing {@code np} falls back to {@code sp}, a missing
 * {@code sp} to {@code p}: see {@link DmarcRecord#tagInEffect(PolicyScope)}.
 */
public enum PolicyScope {
    DOMAIN,
    SUBDOMAIN,
    NON_EXISTENT_SUBDOMAIN
}
