package org.mailwright.check;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.Policy;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.spf.IpText;
import org.mailwright.spf.Mechanism;
import org.mailwright.spf.MechanismType;
import org.mailwright.spf.Qualifier;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfRecord;
import org.mailwright.spf.SpfSyntaxException;

/**
 * The domain's mail hosts: an MX or a null MX (RFC 7505); each host named as RFC 5321 asks (a
 * name with an address, not an alias or an address), listed once; IPv6 noted; and each address
 * with a reverse name that leads back to it (forward-confirmed reverse DNS). A null MX expects
 * the SPF and DMARC records of a domain that sends no mail.
 */
final class MailHostProbe implements Probe {

    /** The most reverse names of one address followed back: real addresses have one. */
    static final int MAX_REVERSE_NAMES = 8;

    @Override
    public CheckArea area() {
        return CheckArea.MAIL_HOSTS;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        return hostsAndReverseDns(context).thenCompose(findings -> findings.stream().anyMatch(f -> f.type() == CheckFinding.MX_NULL)
                ? context.spf().thenCombine(context.dmarc(), (spf, dmarc) -> withNullMxExpectations(context.domain(), findings, spf, dmarc))
                : CompletableFuture.completedFuture(findings));
    }

    /**
     * A domain that accepts no mail should send none either: SPF {@code -all} alone and DMARC
     * {@code p=reject} (RFC 7505 section 4).
     */
    private static List<Finding> withNullMxExpectations(DomainName domain, List<Finding> findings, SpfLintReport spf,
                                                        DmarcReport dmarc) {
        List<Finding> all = new ArrayList<>(findings);
        if (!spf.recordText().map(MailHostProbe::refusesEverySender).orElse(false)) {
            all.add(CheckFinding.MX_NULL_SPF.of(domain.unicode()));
        }
        if (dmarc.policy().appliedPolicy().filter(policy -> policy == Policy.REJECT).isEmpty()) {
            all.add(CheckFinding.MX_NULL_DMARC.of(domain.unicode()));
        }
        return all;
    }

    /** True for {@code v=spf1 -all}: no sender passes, whatever modifiers follow. */
    static boolean refusesEverySender(String record) {
        try {
            List<Mechanism> mechanisms = SpfRecord.parse(record).mechanisms();
            return mechanisms.size() == 1 && mechanisms.get(0).type() == MechanismType.ALL
                    && mechanisms.get(0).qualifier() == Qualifier.FAIL;
        } catch (SpfSyntaxException invalid) {
            return false;
        }
    }

    private CompletableFuture<List<Finding>> hostsAndReverseDns(CheckContext context) {
        return context.mailHosts().thenCompose(hosts -> {
            List<Finding> findings = hostFindings(context.domain(), hosts);
            List<CompletableFuture<List<Finding>>> reverse = new ArrayList<>();
            for (MailHosts.Host host : hosts.hosts()) {
                host.addresses().forEach(address -> reverse.add(reverseDns(context, address, host.mx().host())));
            }
            return CompletableFuture.allOf(reverse.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Set<Finding> unique = new LinkedHashSet<>(findings);
                List<Finding> reverseFindings = reverse.stream().flatMap(future -> future.join().stream()).toList();
                unique.addAll(reverseFindings);
                List<Finding> all = new ArrayList<>(unique);
                // A reverse lookup that failed leaves the hosts' own names and addresses as good as they were.
                boolean clean = findings.stream().noneMatch(MailHostProbe::faulty)
                        && reverseFindings.stream().noneMatch(finding -> faulty(finding) && !finding.type().inconclusive());
                if (clean && !hosts.hosts().isEmpty()) {
                    all.add(0, CheckFinding.MX_OK.of(hosts.hosts().stream()
                            .map(host -> host.mx().preference() + " " + host.mx().host()).distinct()
                            .collect(Collectors.joining(", "))));
                }
                return all;
            });
        });
    }

    private static boolean faulty(Finding finding) {
        return finding.severity() == Severity.ERROR || finding.severity() == Severity.WARNING;
    }

    private static List<Finding> hostFindings(DomainName domain, MailHosts hosts) {
        List<Finding> findings = new ArrayList<>();
        LookupResult mx = hosts.lookup();
        if (!mx.outcome().isConclusive()) {
            findings.add(CheckFinding.MX_LOOKUP_FAILED.of(mx.name(), new LookupProblem(mx)));
            return findings;
        }
        if (hosts.isNullMx()) {
            findings.add(CheckFinding.MX_NULL.of(domain.unicode()));
        } else if (mx.outcome() != Outcome.OK || hosts.hosts().isEmpty()) {
            findings.add(CheckFinding.MX_MISSING.of(domain.unicode()));
        }
        Set<String> seen = new HashSet<>();
        for (MailHosts.Host host : hosts.hosts()) {
            String name = host.mx().host();
            if (!seen.add(name)) {
                findings.add(CheckFinding.MX_DUPLICATE.of(name));
                continue;
            }
            if (host.ipLiteral()) {
                findings.add(CheckFinding.MX_TARGET_IP_LITERAL.of(name));
                continue;
            }
            if (host.name().isEmpty()) {
                findings.add(CheckFinding.MX_TARGET_NO_ADDRESS.of(name));
                continue;
            }
            List<DnsRecord> aliases = host.aliases();
            if (!aliases.isEmpty()) {
                findings.add(CheckFinding.MX_TARGET_CNAME.of(name,
                        NameServerProbe.withoutFinalDot(aliases.get(aliases.size() - 1).value())));
            }
            if (host.addresses().isEmpty()) {
                Optional<LookupResult> failed = host.ipv4().filter(l -> !l.outcome().isConclusive())
                        .or(() -> host.ipv6().filter(l -> !l.outcome().isConclusive()));
                findings.add(failed.map(lookup -> CheckFinding.MX_LOOKUP_FAILED.of(lookup.name(), new LookupProblem(lookup)))
                        .orElseGet(() -> CheckFinding.MX_TARGET_NO_ADDRESS.of(name)));
            }
        }
        List<InetAddress> addresses = hosts.addresses();
        if (!addresses.isEmpty() && addresses.stream().noneMatch(Inet6Address.class::isInstance)) {
            findings.add(CheckFinding.MX_NO_IPV6.of());
        }
        return findings;
    }

    /** The PTR of {@code address}, and whether one of its names resolves back to it. */
    private static CompletableFuture<List<Finding>> reverseDns(CheckContext context, InetAddress address, String host) {
        String text = IpText.format(address);
        DomainName reverseName = DomainName.of(IpText.reverseName(address));
        return context.lookup(reverseName, RecordType.PTR).thenCompose(ptr -> {
            if (ptr.outcome() == Outcome.NXDOMAIN || ptr.outcome() == Outcome.NODATA) {
                return CompletableFuture.completedFuture(List.of(CheckFinding.MX_NO_PTR.of(text, host)));
            }
            if (!ptr.outcome().isConclusive()) {
                return CompletableFuture.completedFuture(List.of(CheckFinding.MX_LOOKUP_FAILED.of(ptr.name(), new LookupProblem(ptr))));
            }
            RecordType type = address instanceof Inet6Address ? RecordType.AAAA : RecordType.A;
            List<String> names = ptr.values().stream().map(NameServerProbe::withoutFinalDot).distinct().limit(MAX_REVERSE_NAMES).toList();
            List<CompletableFuture<LookupResult>> forward = names.stream()
                    .map(name -> DomainName.parse(name).name())
                    .flatMap(Optional::stream)
                    .map(name -> context.lookup(name, type))
                    .toList();
            return CompletableFuture.allOf(forward.toArray(CompletableFuture[]::new)).thenApply(done -> {
                boolean confirmed = forward.stream().map(CompletableFuture::join)
                        .flatMap(lookup -> lookup.values().stream())
                        .anyMatch(value -> IpText.parseAddress(value).equals(address));
                if (confirmed) {
                    return List.<Finding>of();
                }
                Optional<LookupResult> failed = forward.stream().map(CompletableFuture::join)
                        .filter(lookup -> !lookup.outcome().isConclusive()).findFirst();
                return List.of(failed.map(lookup -> CheckFinding.MX_LOOKUP_FAILED.of(lookup.name(), new LookupProblem(lookup)))
                        .orElseGet(() -> CheckFinding.MX_FCRDNS_MISMATCH.of(text, String.join(", ", names))));
            });
        });
    }
}
