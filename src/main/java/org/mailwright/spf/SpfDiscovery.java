package org.mailwright.spf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mailwright.dns.AuthoritativeLookup;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Reads what a domain publishes now, as an SPF record is written from it: see {@link DomainFacts}.
 * Every lookup runs at once; the outcome of each is in the facts, so the future completes
 * normally whatever DNS does.
 */
public final class SpfDiscovery {

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final int nameServerPort;

    /**
     * @param resolver the service to ask (pass {@link ResolverService#fresh()} to ask the servers now)
     * @param target where lookups go
     * @param nameServerPort the port the zone's name servers are asked on (53 in the world)
     */
    public SpfDiscovery(ResolverService resolver, ResolverTarget target, int nameServerPort) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.nameServerPort = nameServerPort;
    }

    public CompletableFuture<DomainFacts> discover(DomainName domain) {
        CompletableFuture<LookupResult> txt = resolver.lookup(domain.ascii(), RecordType.TXT, target);
        CompletableFuture<LookupResult> mx = resolver.lookup(domain.ascii(), RecordType.MX, target);
        CompletableFuture<List<DomainFacts.MailHost>> hosts = mx.thenCompose(this::mailHosts);
        CompletableFuture<List<String>> own = addresses(domain.ascii());
        CompletableFuture<SpfLintReport> lint = new SpfLinter(resolver, target).lint(domain.ascii());
        CompletableFuture<LookupResult> authoritative = authoritativeTxt(domain);
        return CompletableFuture.allOf(txt, hosts, own, lint, authoritative).thenApply(done ->
                new DomainFacts(domain, txt.join(), mx.join(), hosts.join(), own.join(), lint.join(), authoritative.join()));
    }

    /**
     * The TXT records as the zone's name servers publish them, for the TTL alone: the read does
     * not wait on them longer than on one silent server (name servers a firewall hides would
     * hold it for every server in turn); then the TTL is unknown and the user's choice applies.
     */
    private CompletableFuture<LookupResult> authoritativeTxt(DomainName domain) {
        Duration patience = resolver.options().timeout().multipliedBy(resolver.options().retries() + 1L);
        LookupResult unanswered = new LookupResult(domain.ascii(), RecordType.TXT, Outcome.TIMEOUT, List.of(), List.of(),
                LookupResult.NO_TTL, "", null, false, patience);
        return new AuthoritativeLookup(resolver, target, nameServerPort).lookup(domain, RecordType.TXT)
                .completeOnTimeout(unanswered, patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The MX hosts, as many as an mx mechanism may look up, each with its addresses. */
    private CompletableFuture<List<DomainFacts.MailHost>> mailHosts(LookupResult mx) {
        List<String> names = mx.mx().stream()
                // A null MX ("0 .") names no host, and a host that is no domain name cannot be looked up.
                .map(MxData::hostName)
                .flatMap(Optional::stream)
                .map(DomainName::ascii)
                .distinct()
                .limit(SpfEvaluator.MAX_NAMES_PER_TERM)
                .toList();
        List<CompletableFuture<DomainFacts.MailHost>> hosts = new ArrayList<>();
        for (String name : names) {
            hosts.add(addresses(name).thenApply(addresses -> new DomainFacts.MailHost(name, addresses)));
        }
        return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
                .thenApply(done -> hosts.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<List<String>> addresses(String name) {
        CompletableFuture<LookupResult> a = resolver.lookup(name, RecordType.A, target);
        CompletableFuture<LookupResult> aaaa = resolver.lookup(name, RecordType.AAAA, target);
        return a.thenCombine(aaaa, (v4, v6) -> {
            List<String> addresses = new ArrayList<>();
            for (LookupResult answer : List.of(v4, v6)) {
                if (answer.outcome() == Outcome.OK) {
                    addresses.addAll(answer.values());
                }
            }
            return addresses;
        });
    }
}
