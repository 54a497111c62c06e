package org.mailwright.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * What DNS says about a domain, as an SPF record is written for it: the SPF record published now
 * (linted), the MX hosts with their addresses, the domain's own addresses, and the TXT records as
 * the zone's own name servers publish them.
 *
 * @param domain the domain read
 * @param txt the answer for the domain's TXT records, through the resolver
 * @param mx the answer for its MX records
 * @param mailHosts the MX hosts in order of preference, each with its addresses
 * @param ownAddresses the domain's own A and AAAA addresses
 * @param lint what the linter says about the published record
 * @param authoritativeTxt the domain's TXT records as its zone's name servers answer, past every cache
 */
public record DomainFacts(DomainName domain, LookupResult txt, LookupResult mx, List<MailHost> mailHosts,
                          List<String> ownAddresses, SpfLintReport lint, LookupResult authoritativeTxt) {

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

    /**
     * True when the TXT answer says what is published (records, or that there are none). A
     * timeout, a server failure or a refusal says nothing: then no record may be written as if
     * the domain had none.
     */
    public boolean readable() {
        return txt.outcome().isConclusive();
    }

    /** The TXT values that are SPF records (more than one is an error). */
    public List<String> spfRecords() {
        return spfRecords(txt);
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

    /**
     * The MX hosts' addresses that none of {@code listed} covers: each of those is an address or a
     * network as an ip4:/ip6: term takes it ({@code 192.0.2.25}, {@code 2001:db8::/32}); one that
     * is neither covers nothing.
     */
    public List<String> mailHostAddressesNotIn(List<String> listed) {
        List<IpNetwork> networks = new ArrayList<>();
        for (String entry : listed) {
            try {
                networks.add(IpNetwork.parse(entry.strip(), !entry.contains(":")));
            } catch (SpfSyntaxException notAnAddress) {
                // Not an address: the wizard says so beside the entry; it authorizes nobody.
            }
        }
        return mailHostAddresses().stream()
                .filter(address -> networks.stream().noneMatch(network -> network.contains(IpText.parseAddress(address))))
                .toList();
    }

    /**
     * The TTL the domain's SPF record has on its zone's name servers, when they publish one: what
     * the zone file says, not what a resolver has left of it.
     */
    public OptionalLong publishedTtl() {
        if (authoritativeTxt.outcome() != Outcome.OK) {
            return OptionalLong.empty();
        }
        return authoritativeTxt.records().stream()
                .filter(record -> SpfRecord.isSpfRecord(record.value()))
                .mapToLong(DnsRecord::ttl)
                .min();
    }

    /**
     * The TTL to publish a record with: the one the published SPF record has on the zone's name
     * servers, as the record written replaces it; else {@code chosenTtl}, the user's choice for
     * a new record. Never a cache's remaining TTL.
     */
    public long zoneTtl(long chosenTtl) {
        return publishedTtl().orElse(chosenTtl);
    }

    static List<String> spfRecords(LookupResult answer) {
        return answer.outcome() == Outcome.OK ? answer.values().stream().filter(SpfRecord::isSpfRecord).toList() : List.of();
    }
}
