package org.mailwright.ui.spf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.spf.SpfLinter;

/** Reads what a domain publishes now, for the wizard to start from; every lookup runs at once. */
final class SpfDiscovery {

    /** As many MX hosts as an mx mechanism may look up. */
    private static final int MAX_MAIL_HOSTS = 10;

    private final ResolverService resolver;
    private final ResolverTarget target;

    SpfDiscovery(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    CompletableFuture<DomainFacts> discover(String domain) {
        CompletableFuture<LookupResult> txt = resolver.lookup(domain, RecordType.TXT, target);
        CompletableFuture<LookupResult> mx = resolver.lookup(domain, RecordType.MX, target);
        CompletableFuture<List<DomainFacts.MailHost>> hosts = mx.thenCompose(this::mailHosts);
        CompletableFuture<List<String>> own = addresses(domain);
        CompletableFuture<org.mailwright.spf.SpfLintReport> lint = new SpfLinter(resolver, target).lint(domain);
        return CompletableFuture.allOf(txt, hosts, own, lint).thenApply(done ->
                new DomainFacts(domain, txt.join(), mx.join(), hosts.join(), own.join(), lint.join()));
    }

    private CompletableFuture<List<DomainFacts.MailHost>> mailHosts(LookupResult mx) {
        if (mx.outcome() != Outcome.OK) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> names = mx.values().stream()
                .map(value -> value.trim().split("\\s+"))
                .filter(parts -> parts.length == 2)
                .sorted(Comparator.comparingInt(parts -> Integer.parseInt(parts[0])))
                .map(parts -> withoutDot(parts[1]))
                // A null MX ("0 .") says the domain receives no mail: it names no host.
                .filter(name -> !name.isEmpty())
                .distinct()
                .limit(MAX_MAIL_HOSTS)
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

    private static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
