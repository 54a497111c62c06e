package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.TxtStrings;

/**
 * Whether a report destination in another organization has agreed to receive a domain's reports
 * (RFC 9990 section 3, "Verifying External Destinations"; RFC 7489 section 7.1 before it).
 *
 * @param tag {@link DmarcTag#RUA} or {@link DmarcTag#RUF}
 * @param uri the destination
 * @param policyDomain the domain whose record names the destination
 * @param external true when the destination's Organizational Domain differs from the policy
 *     domain's, so the destination must authorize it
 * @param status the outcome
 * @param lookup the TXT lookup of {@link #authorizationName()}, when one was needed
 */
public record DestinationCheck(DmarcTag tag, ReportUri uri, String policyDomain, boolean external,
                               Status status, Optional<LookupResult> lookup) {

    /** The outcome of the check. */
    public enum Status {
        /** The destination is in the policy domain's own organization: nothing to authorize. */
        NOT_NEEDED,
        /** The destination publishes the authorization record (or a wildcard that covers it). */
        AUTHORIZED,
        /** It does not: receivers will not send it reports. */
        NOT_AUTHORIZED,
        /** The lookup failed, so it is not known. */
        UNKNOWN,
        /**
         * The name receivers would ask ({@code <domain>._report._dmarc.<destination>}) is longer
         * than DNS allows, so no receiver can find an authorization there: none sends reports.
         */
        NAME_TOO_LONG
    }

    public DestinationCheck {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(policyDomain, "policyDomain");
        Objects.requireNonNull(status, "status");
        lookup = lookup == null ? Optional.empty() : lookup;
    }

    /** Where the destination must publish its consent: {@code <domain>._report._dmarc.<destination>}. */
    public String authorizationName() {
        return ReportDestinations.authorizationName(policyDomain, uri.host());
    }

    /** The zone-file line the destination's DNS administrator adds. */
    public String zoneLine() {
        return TxtStrings.zoneLine(authorizationName(), ReportDestinations.AUTHORIZATION_RECORD);
    }

    /**
     * Destinations the authorization record substitutes for this one, if it carries its own
     * {@code rua} or {@code ruf} (RFC 9989 appendix B.2.4); empty otherwise.
     */
    public List<ReportUri> overrides() {
        return lookup.stream()
                .flatMap(result -> result.values().stream())
                .map(DmarcRecord::parse)
                .filter(DmarcRecord::isDmarc)
                .findFirst()
                .map(record -> record.reportUris(tag))
                .orElse(List.of());
    }
}
