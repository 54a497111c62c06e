package org.mailwright.ui.spf;

import java.util.List;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfRecord;
import org.mailwright.spf.SpfSyntaxException;

/**
 * What DNS says about a domain, as the SPF wizard starts from it: the SPF record published now
 * (linted), the MX hosts with their addresses, and the domain's own addresses.
 *
 * @param domain the domain read
 * @param txt the answer for the domain's TXT records
 * @param mx the answer for its MX records
 * @param mailHosts the MX hosts in order of preference, each with its addresses
 * @param ownAddresses the domain's own A and AAAA addresses
 * @param lint what the linter says about the published record
 */
public record DomainFacts(String domain, LookupResult txt, LookupResult mx, List<MailHost> mailHosts,
                          List<String> ownAddresses, SpfLintReport lint) {

    /** TTL for a record the domain does not publish yet. */
    static final long DEFAULT_TTL = 3600;

    /** An MX host and its A and AAAA addresses. */
    public record MailHost(String name, List<String> addresses) {
        public MailHost {
            addresses = List.copyOf(addresses);
        }
    }

    public DomainFacts {
        mailHosts = List.copyOf(mailHosts);
        ownAddresses = List.copyOf(ownAddresses);
    }

    /** The TXT values that are SPF records (more than one is an error). */
    public List<String> spfRecords() {
        return txt.outcome() == Outcome.OK ? txt.values().stream().filter(SpfRecord::isSpfRecord).toList() : List.of();
    }

    /** True when the TXT lookup itself failed (timeout, server failure), so what is published is unknown. */
    public boolean unreadable() {
        return unreadable(txt);
    }

    /** True when an answer says nothing about the records (no answer, a server failure, a refusal). */
    static boolean unreadable(LookupResult answer) {
        return !answer.outcome().isAnswer() || answer.outcome() == Outcome.SERVFAIL || answer.outcome() == Outcome.REFUSED;
    }

    /** The one published record, when there is exactly one and it is valid: the record to edit. */
    public Optional<SpfRecord> editableRecord() {
        List<String> records = spfRecords();
        if (records.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpfRecord.parse(records.get(0)));
        } catch (SpfSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Every address of every MX host, each once. */
    public List<String> mailHostAddresses() {
        return mailHosts.stream().flatMap(host -> host.addresses().stream()).distinct().toList();
    }

    /** The TTL to publish with: the published record's, or an hour. */
    public long ttl() {
        return txt.outcome() == Outcome.OK && txt.hasTtl() ? txt.ttl() : DEFAULT_TTL;
    }
}
