package org.mailwright.check;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ServerAddress;
import org.mailwright.dns.SoaData;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.spf.IpText;

/**
 * The zone's name servers: at least two, each with an address, each answering for the zone with
 * authority (asked directly, without recursion, for the zone's SOA), all on the same serial,
 * not all in one network, and IPv6 noted.
 */
final class NameServerProbe implements Probe {

    /** The most name servers asked: a zone with more is unusual, and each costs queries. */
    static final int MAX_SERVERS = 13;

    @Override
    public CheckArea area() {
        return CheckArea.NAME_SERVERS;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        DomainName domain = context.domain();
        return context.lookup(domain, RecordType.NS).thenCompose(ns -> {
            if (ns.outcome() == Outcome.NXDOMAIN || ns.outcome() == Outcome.NODATA) {
                return CompletableFuture.completedFuture(List.of(CheckFinding.NS_MISSING.of(domain.unicode(), new LookupProblem(ns))));
            }
            if (!ns.outcome().isConclusive()) {
                return CompletableFuture.completedFuture(List.of(CheckFinding.CHECK_INCOMPLETE.of(area(), new LookupProblem(ns))));
            }
            List<String> hosts = ns.values().stream().map(NameServerProbe::withoutFinalDot).distinct().limit(MAX_SERVERS).toList();
            List<CompletableFuture<ServerReport>> reports = hosts.stream().map(host -> server(context, host)).toList();
            return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                    .thenApply(done -> judge(reports.stream().map(CompletableFuture::join).toList()));
        });
    }

    /** What one name server showed: its addresses and, for each, the SOA it gave or how it failed. */
    private record ServerReport(String host, List<LookupResult> addressLookups, Map<InetAddress, LookupResult> soa) {
    }

    private static CompletableFuture<ServerReport> server(CheckContext context, String host) {
        var parsed = DomainName.parse(host).name();
        if (parsed.isEmpty()) {
            return CompletableFuture.completedFuture(new ServerReport(host, List.of(), Map.of()));
        }
        CompletableFuture<LookupResult> v4 = context.lookup(parsed.get(), RecordType.A);
        CompletableFuture<LookupResult> v6 = context.lookup(parsed.get(), RecordType.AAAA);
        return v4.thenCombine(v6, List::of).thenCompose(lookups -> {
            Map<InetAddress, CompletableFuture<LookupResult>> asked = new LinkedHashMap<>();
            for (LookupResult lookup : lookups) {
                for (String value : lookup.values()) {
                    InetAddress address = IpText.parseAddress(value);
                    asked.computeIfAbsent(address, a -> context.resolver().query(context.domain().ascii(), RecordType.SOA,
                            new ServerAddress(IpText.format(a), context.settings().nameServerPort()), false));
                }
            }
            return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
                Map<InetAddress, LookupResult> soa = new LinkedHashMap<>();
                asked.forEach((address, answer) -> soa.put(address, answer.join()));
                return new ServerReport(host, lookups, soa);
            });
        });
    }

    private List<Finding> judge(List<ServerReport> servers) {
        List<Finding> findings = new ArrayList<>();
        if (servers.size() == 1) {
            findings.add(CheckFinding.NS_SINGLE.of(servers.get(0).host()));
        }
        Map<String, Long> serials = new LinkedHashMap<>();
        List<InetAddress> addresses = new ArrayList<>();
        for (ServerReport server : servers) {
            if (server.soa().isEmpty()) {
                LookupResult failed = server.addressLookups().stream().filter(l -> !l.outcome().isConclusive()).findFirst().orElse(null);
                findings.add(failed == null ? CheckFinding.NS_NO_ADDRESS.of(server.host())
                        : CheckFinding.NS_UNREACHABLE.of(server.host(), "-", new LookupProblem(failed)));
                continue;
            }
            server.soa().forEach((address, soa) -> {
                addresses.add(address);
                String where = IpText.format(address);
                if (soa.outcome() == Outcome.OK && soa.soa().isPresent()) {
                    serials.put(server.host() + " (" + where + ")", soa.soa().map(SoaData::serial).orElseThrow());
                } else if (soa.outcome().isAnswer()) {
                    // It answered, but not with the zone's SOA: it does not serve the zone (RFC 1912 section 2.8).
                    findings.add(CheckFinding.NS_LAME.of(server.host(), where, new LookupProblem(soa)));
                } else {
                    findings.add(CheckFinding.NS_UNREACHABLE.of(server.host(), where, new LookupProblem(soa)));
                }
            });
        }
        if (new TreeSet<>(serials.values()).size() > 1) {
            findings.add(CheckFinding.NS_SERIAL_MISMATCH.of(serials.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + Long.toUnsignedString(entry.getValue()))
                    .collect(Collectors.joining(", "))));
        }
        List<String> networks = addresses.stream().filter(Inet4Address.class::isInstance)
                .map(NameServerProbe::network24).distinct().toList();
        if (servers.size() > 1 && networks.size() == 1) {
            findings.add(CheckFinding.NS_ONE_NETWORK.of(networks.get(0)));
        }
        if (!addresses.isEmpty() && addresses.stream().noneMatch(Inet6Address.class::isInstance)) {
            findings.add(CheckFinding.NS_NO_IPV6.of());
        }
        if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
            findings.add(0, CheckFinding.NS_OK.of(servers.size()));
        }
        return findings;
    }

    private static String network24(InetAddress address) {
        byte[] bytes = address.getAddress();
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
    }

    static String withoutFinalDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
