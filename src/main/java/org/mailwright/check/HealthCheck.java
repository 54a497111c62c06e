package org.mailwright.check;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;

/**
 * The health check of a domain: every area a receiving server looks at, all started at once, so
 * a domain takes about its longest chain of lookups rather than their sum. Each area has its own
 * time ({@link CheckSettings#probeTimeout()}), the resolver's deadline bounds the whole, and an
 * area that fails or runs out of time is said as {@code check.incomplete} while the rest stands.
 * The CLI's {@code mailwright check} and the Health check page both run this.
 */
public final class HealthCheck {

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final CheckSettings settings;
    private final Clock clock;
    private final List<Probe> probes;

    /**
     * @param resolver the service to ask; a view made for this run ({@link ResolverService#fresh()}),
     *     so nothing is answered from before it, and each domain's check should be a
     *     {@link ResolverService#newCheck()} of it, with its own query budget and deadline
     */
    public HealthCheck(ResolverService resolver, ResolverTarget target, CheckSettings settings, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        SecondOpinion validation = new SecondOpinion(clock);
        List<Probe> all = new ArrayList<>(List.of(new NameServerProbe(), new MailHostProbe(), LinterProbe.spf(),
                new DkimProbe(clock), LinterProbe.dmarc(), new MtaStsProbe(), new TlsRptProbe(), new DaneProbe(validation),
                new DnssecProbe(validation), new DnsblProbe(), new BimiProbe()));
        if (settings.smtp()) {
            // Only when asked for: connecting to port 25 fails on many networks, and takes time.
            all.add(new SmtpProbe(clock));
        }
        this.probes = List.copyOf(all);
    }

    /** Checks {@code domain}; the future always completes normally. */
    public CompletableFuture<HealthReport> check(DomainName domain) {
        return check(domain, List.of(), Optional.empty());
    }

    /**
     * Checks {@code domain} with what the data folder remembers of it ({@link DomainMemory}): the
     * DKIM selectors {@code remembered} for it, tried after those of the settings, and what its
     * DMARC reports say of its readiness, in the DMARC area. The future always completes normally.
     */
    public CompletableFuture<HealthReport> check(DomainName domain, DomainMemory memory) {
        return check(domain, memory.selectors(domain), memory.readiness(domain));
    }

    private CompletableFuture<HealthReport> check(DomainName domain, List<String> remembered, Optional<Finding> readiness) {
        Instant started = clock.instant();
        CheckContext context = new CheckContext(domain, resolver.newCheck(), target,
                settings.withSelectors(Stream.concat(settings.selectors().stream(), remembered.stream()).toList()));
        Map<Probe, CompletableFuture<List<Finding>>> running = new LinkedHashMap<>();
        for (Probe probe : probes) {
            running.put(probe, guarded(probe, context));
        }
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<CheckArea, List<Finding>> areas = new EnumMap<>(CheckArea.class);
            running.forEach((probe, findings) -> areas.computeIfAbsent(probe.area(), area -> new ArrayList<>())
                    .addAll(findings.join()));
            readiness.ifPresent(finding -> areas.computeIfAbsent(CheckArea.DMARC, area -> new ArrayList<>()).add(finding));
            areas.values().forEach(findings -> findings.sort(Comparator.comparing(Finding::severity)));
            return HealthReport.of(domain, started, areas);
        });
    }

    /** The probe's findings, or {@code check.incomplete} when it fails or takes longer than its time. */
    private CompletableFuture<List<Finding>> guarded(Probe probe, CheckContext context) {
        CompletableFuture<List<Finding>> findings;
        try {
            findings = probe.run(context);
        } catch (RuntimeException failed) {
            findings = CompletableFuture.failedFuture(failed);
        }
        return findings.orTimeout(settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> List.of(CheckFinding.CHECK_INCOMPLETE.of(probe.area(),
                        Words.of(rootCause(failure) instanceof TimeoutException ? "check.problem.timeout" : "check.problem.failed",
                                settings.probeTimeout().toSeconds()))));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause.getCause() != null && depth < 10; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }
}
