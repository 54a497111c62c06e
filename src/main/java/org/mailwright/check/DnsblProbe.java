package org.mailwright.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
            Map<DomainName, List<CompletableFuture<Optional<Finding>>>> lookups = new LinkedHashMap<>();
            for (DomainName zone : zones) {
                List<CompletableFuture<Optional<Finding>>> ofZone = new ArrayList<>();
                for (InetAddress address : addresses) {
                    Optional<DomainName> name = DomainName.parse(reversedLabels(address) + "." + zone.ascii()).name();
                    name.ifPresent(query -> ofZone.add(context.lookup(query, RecordType.A)
                            .thenApply(answer -> judge(address, zone, answer))));
                }
                lookups.put(zone, ofZone);
            }
            return CompletableFuture.allOf(lookups.values().stream().flatMap(List::stream).toArray(CompletableFuture[]::new))
                    .thenApply(done -> findings(addresses.size(), lookups));
        });
    }

    /**
     * Each listing; a list that refused, once (it refuses every address alike); and the lists that
     * answered for every address without listing one, together.
     */
    private static List<Finding> findings(int addresses, Map<DomainName, List<CompletableFuture<Optional<Finding>>>> lookups) {
        List<Finding> findings = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        lookups.forEach((zone, ofZone) -> {
            List<Finding> said = ofZone.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
            said.stream().filter(finding -> finding.type() == CheckFinding.DNSBL_LISTED).forEach(findings::add);
            said.stream().filter(finding -> finding.type() == CheckFinding.DNSBL_REFUSED).findFirst().ifPresent(findings::add);
            if (said.isEmpty() && !ofZone.isEmpty()) {
                clean.add(zone.ascii());
            }
        });
        if (!clean.isEmpty()) {
            findings.add(CheckFinding.DNSBL_CLEAN.of(addresses, String.join(", ", clean)));
        }
        return List.copyOf(findings);
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
