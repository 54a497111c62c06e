package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.dns.LookupResult;

/**
 * Everything the linter learnt about a domain's DMARC setup: where its policy comes from, the
 * checks of its report destinations, and the findings.
 *
 * @param domain the domain checked, canonical
 * @param policy the policy discovery, with every query of the tree walk
 * @param apex the TXT lookup at the domain itself (where a DMARC record has no effect)
 * @param alias the CNAME lookup at {@code _dmarc.<domain>}
 * @param destinations the authorization checks of the applied record's report destinations
 * @param mailboxes the checks that the report mailboxes' domains receive mail
 * @param findings what was found, most serious first
 */
public record DmarcReport(String domain, DiscoveredPolicy policy, LookupResult apex, LookupResult alias,
                          List<DestinationCheck> destinations, List<MailboxCheck> mailboxes,
                          List<Finding> findings) {

    public DmarcReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(apex, "apex");
        Objects.requireNonNull(alias, "alias");
        destinations = List.copyOf(destinations);
        mailboxes = List.copyOf(mailboxes);
        findings = List.copyOf(findings);
    }

    /** The record that applies to the domain, its own or inherited. */
    public Optional<DmarcRecord> record() {
        return policy.record();
    }

    /** True when any finding is an error: the CLI then exits with 1. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }
}
