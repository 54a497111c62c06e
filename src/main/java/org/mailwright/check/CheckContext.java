package org.mailwright.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;

/**
 * One check of one domain, as its probes share it: the domain, where lookups go, the settings,
 * and what several probes need (the mail hosts, the SPF and DMARC reports), made once whichever
 * probe asks first.
 */
final class CheckContext {

    private final DomainName domain;
    private final ResolverService resolver;
    private final ResolverTarget target;
    private final CheckSettings settings;
    private CompletableFuture<MailHosts> mailHosts;
    private CompletableFuture<SpfLintReport> spf;
    private CompletableFuture<DmarcReport> dmarc;

    CheckContext(DomainName domain, ResolverService resolver, ResolverTarget target, CheckSettings settings) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    DomainName domain() {
        return domain;
    }

    ResolverService resolver() {
        return resolver;
    }

    ResolverTarget target() {
        return target;
    }

    CheckSettings settings() {
        return settings;
    }

    CompletableFuture<LookupResult> lookup(DomainName name, RecordType type) {
        return resolver.lookup(name.ascii(), type, target);
    }

    /** The domain's mail hosts; every probe that asks shares the one lookup. */
    synchronized CompletableFuture<MailHosts> mailHosts() {
        if (mailHosts == null) {
            mailHosts = lookup(domain, RecordType.MX).thenCompose(mx -> {
                List<CompletableFuture<MailHosts.Host>> hosts = mx.mx().stream()
                        .filter(data -> !data.isNullMx())
                        .map(this::host)
                        .toList();
                return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
                        .thenApply(done -> new MailHosts(mx, hosts.stream().map(CompletableFuture::join).toList()));
            });
        }
        return mailHosts;
    }

    /** The SPF linter's report on the domain, the very one {@code mailwright spf lint} gives. */
    synchronized CompletableFuture<SpfLintReport> spf() {
        if (spf == null) {
            spf = new SpfLinter(resolver, target).lint(domain.ascii());
        }
        return spf;
    }

    /** The DMARC linter's report on the domain, the very one {@code mailwright dmarc lint} gives. */
    synchronized CompletableFuture<DmarcReport> dmarc() {
        if (dmarc == null) {
            dmarc = new DmarcLinter(resolver, target).lint(domain.ascii());
        }
        return dmarc;
    }

    private CompletableFuture<MailHosts.Host> host(MxData mx) {
        Optional<DomainName> name = mx.hostName();
        boolean literal = MailHosts.Host.looksLikeAddress(mx.host());
        if (name.isEmpty() || literal) {
            return CompletableFuture.completedFuture(new MailHosts.Host(mx, Optional.empty(), literal, Optional.empty(),
                    Optional.empty()));
        }
        return lookup(name.get(), RecordType.A).thenCombine(lookup(name.get(), RecordType.AAAA),
                (a, aaaa) -> new MailHosts.Host(mx, name, false, Optional.of(a), Optional.of(aaaa)));
    }
}
