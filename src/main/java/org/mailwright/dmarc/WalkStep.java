package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * One query of a DNS tree walk: the TXT records at {@code _dmarc.<domain>} and what they amount to.
 *
 * @param domain the name whose policy was asked for
 * @param lookup the TXT lookup of {@code _dmarc.<domain>}
 */
public record WalkStep(String domain, LookupResult lookup) {

    /** What the step found. */
    public enum Status {
        /** Exactly one TXT record starting with {@code v=DMARC1}. */
        RECORD,
        /** No record starting with {@code v=DMARC1} (the name may not exist at all). */
        NO_RECORD,
        /** Several records starting with {@code v=DMARC1}: RFC 9989 discards them all. */
        MULTIPLE_RECORDS,
        /** The lookup got no usable answer (timeout, SERVFAIL, REFUSED...): nothing is known. */
        LOOKUP_FAILED
    }

    public WalkStep {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(lookup, "lookup");
    }

    /** The name queried: {@code _dmarc.<domain>}. */
    public String queryName() {
        return PolicyDiscovery.DMARC_PREFIX + domain;
    }

    /** Every TXT record at the name, read as DMARC records whether or not they are. */
    public List<DmarcRecord> published() {
        return lookup.values().stream().map(DmarcRecord::parse).toList();
    }

    /** The records that start with {@code v=DMARC1}, the only ones the tree walk considers. */
    public List<DmarcRecord> dmarcRecords() {
        return published().stream().filter(DmarcRecord::isDmarc).toList();
    }

    public Status status() {
        Outcome outcome = lookup.outcome();
        if (outcome != Outcome.OK && outcome != Outcome.NXDOMAIN && outcome != Outcome.NODATA) {
            return Status.LOOKUP_FAILED;
        }
        return switch (dmarcRecords().size()) {
            case 0 -> Status.NO_RECORD;
            case 1 -> Status.RECORD;
            default -> Status.MULTIPLE_RECORDS;
        };
    }

    /** The step's policy record, when it found exactly one. */
    public Optional<DmarcRecord> record() {
        return status() == Status.RECORD ? Optional.of(dmarcRecords().get(0)) : Optional.empty();
    }

    /** True when this step ends the walk: its record says {@code psd=y} or {@code psd=n}. */
    boolean stopsWalk() {
        return record().map(r -> r.psd().stopsTreeWalk()).orElse(false);
    }
}
