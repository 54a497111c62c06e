package org.mailwright.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.spf.IpText;

/**
 * Each mail host address against DNS blocklists (RFC 5782): the address's reversed form in front
 * of the list's zone; an address in 127.0.0.0/8 means listed, none (NXDOMAIN) means not. The
 * lists answer 127.255.255.x, or 127.0.0.1, when they refuse a query (too many, or through a
 * public resolver): that is said as a refusal, never as a listing.
 */
final class DnsblProbe implements Probe {

    /** The most addresses looked up: each costs one query per list. */
    static final int MAX_ADDRESSES = 16;

    @Override
    public CheckArea area() {
        return CheckArea.BLOCKLISTS;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        List<DomainName> zones = context.settings().blocklists();
        return context.mailHosts().thenCompose(hosts -> {
            List<InetAddress> addresses = hosts.addresses().stream().limit(MAX_ADDRESSES).toList();
            List<CompletableFuture<Optional<Finding>>> lookups = new ArrayList<>();
            for (InetAddress address : addresses) {
                String reversed = reversedLabels(address);
                for (DomainName zone : zones) {
                    Optional<DomainName> name = DomainName.parse(reversed + "." + zone.ascii()).name();
                    name.ifPresent(query -> lookups.add(context.lookup(query, RecordType.A)
                            .thenApply(answer -> judge(address, zone, answer))));
                }
            }
            return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Set<Finding> findings = new LinkedHashSet<>();
                lookups.forEach(lookup -> lookup.join().ifPresent(findings::add));
                if (findings.isEmpty() && !addresses.isEmpty() && !zones.isEmpty()) {
                    findings.add(CheckFinding.DNSBL_CLEAN.of(addresses.size(),
                            zones.stream().map(DomainName::ascii).collect(Collectors.joining(", "))));
                }
                return List.copyOf(findings);
            });
        });
    }

    static Optional<Finding> judge(InetAddress address, DomainName zone, LookupResult answer) {
        if (answer.outcome() == Outcome.NXDOMAIN || answer.outcome() == Outcome.NODATA) {
            return Optional.empty();
        }
        if (!answer.outcome().isConclusive()) {
            return Optional.of(CheckFinding.DNSBL_REFUSED.of(zone.ascii(), new LookupProblem(answer)));
        }
        List<String> codes = answer.values();
        boolean listed = codes.stream().anyMatch(DnsblProbe::isListing);
        return Optional.of(listed
                ? CheckFinding.DNSBL_LISTED.of(IpText.format(address), zone.ascii(), String.join(", ", codes))
                : CheckFinding.DNSBL_REFUSED.of(zone.ascii(), String.join(", ", codes)));
    }

    /** 127.0.0.2 to 127.255.254.255 list an address; 127.0.0.1 and 127.255.255.x are the lists' error codes. */
    static boolean isListing(String code) {
        return code.startsWith("127.") && !code.equals("127.0.0.1") && !code.startsWith("127.255.255.");
    }

    /** The labels a blocklist is asked with: the address's octets (IPv4) or nibbles (IPv6) in reverse. */
    static String reversedLabels(InetAddress address) {
        String reverse = IpText.reverseName(address);
        return reverse.substring(0, reverse.lastIndexOf('.', reverse.lastIndexOf('.') - 1));
    }
}
