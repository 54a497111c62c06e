package org.mailwright.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.mailwright.findings.Finding;
import org.mailwright.findings.SpfFinding;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Turns a record's includes into the ip4:/ip6: networks they authorize today, to get under the
 * limit of 10 lookups. Only includes whose meaning survives are flattened: every term in them (and
 * what they include) must authorize addresses plainly (+ip4, +ip6, +a, +mx, +include) and end in
 * an all that is not +all; anything with exists, ptr, macros or other qualifiers stays an include.
 *
 * <p>A flattened record goes stale when a provider changes its addresses, so every result carries
 * the {@code spf.flattened} warning with the shortest TTL seen, the longest it can be trusted.
 */
public final class SpfFlattener {

    private static final int MAX_DEPTH = 10;
    /**
     * The DNS questions one flattening asks at most, as many as one evaluation can: past them an
     * include is kept as it is rather than read further.
     */
    private static final int MAX_QUERIES = SpfEvaluator.MAX_QUERIES;

    private final ResolverService resolver;
    private final ResolverTarget target;

    public SpfFlattener(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * The flattened version of {@code record} (as {@code domain} would publish it).
     *
     * @param flattened the new record
     * @param flattenedIncludes the include terms replaced by addresses
     * @param keptIncludes the include terms left as they were, because flattening would change their meaning
     * @param refreshSeconds the shortest TTL among the records read: refresh at least this often
     * @param warning the {@link SpfFinding#FLATTENED} finding to show with it
     */
    public record Result(String original, String flattened, List<String> flattenedIncludes, List<String> keptIncludes,
                         long refreshSeconds, Finding warning) {

        public Result {
            flattenedIncludes = List.copyOf(flattenedIncludes);
            keptIncludes = List.copyOf(keptIncludes);
        }

        /** The ip4: and ip6: terms the flattened record has and the original had not: what replaced the includes. */
        public List<String> addedNetworks() {
            Set<String> before = SpfRecord.parse(original).terms().stream()
                    .map(term -> term.text().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            return SpfRecord.parse(flattened).mechanisms().stream()
                    .filter(mechanism -> mechanism.type() == MechanismType.IP4 || mechanism.type() == MechanismType.IP6)
                    .map(Mechanism::text)
                    .filter(text -> !before.contains(text.toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    /**
     * Flattens {@code record}'s includes.
     *
     * @throws SpfSyntaxException (synchronously) when {@code record} is not a valid SPF record
     * @throws org.mailwright.dns.InvalidDomainNameException (synchronously) when {@code domain} is no domain name
     */
    public CompletableFuture<Result> flatten(String domain, String record) {
        SpfRecord parsed = SpfRecord.parse(record);
        String name = DomainName.of(domain).ascii();
        Collector collector = new Collector();
        List<CompletableFuture<Set<IpNetwork>>> replacements = new ArrayList<>();
        for (Term term : parsed.terms()) {
            boolean flattenable = term instanceof Mechanism mechanism && mechanism.type() == MechanismType.INCLUDE
                    && mechanism.qualifier() == Qualifier.PASS && mechanism.domain().literalDomain().isPresent();
            replacements.add(flattenable
                    ? collector.include(((Mechanism) term).domain().literalDomain().get(), List.of(name), 0)
                    : CompletableFuture.completedFuture(null));
        }
        return CompletableFuture.allOf(replacements.toArray(CompletableFuture[]::new)).thenApply(all -> {
            Set<String> written = new LinkedHashSet<>();
            List<String> flattenedIncludes = new ArrayList<>();
            List<String> keptIncludes = new ArrayList<>();
            List<String> terms = new ArrayList<>();
            terms.add("v=spf1");
            for (int i = 0; i < parsed.terms().size(); i++) {
                Term term = parsed.terms().get(i);
                Set<IpNetwork> networks = replacements.get(i).join();
                if (networks != null) {
                    flattenedIncludes.add(term.text());
                    networks.stream().map(IpNetwork::term).filter(written::add).forEach(terms::add);
                } else {
                    if (term instanceof Mechanism mechanism && mechanism.type() == MechanismType.INCLUDE) {
                        keptIncludes.add(term.text());
                    }
                    if (written.add(term.text().toLowerCase(Locale.ROOT))) {
                        terms.add(term.text());
                    }
                }
            }
            long refresh = collector.shortestTtl();
            return new Result(record, String.join(" ", terms), flattenedIncludes, keptIncludes, refresh,
                    SpfFinding.FLATTENED.of(String.join(", ", flattenedIncludes), refresh));
        });
    }

    /** Reads what includes authorize; null for an include that cannot be flattened faithfully. */
    private final class Collector {
        private long minTtl = Long.MAX_VALUE;
        private final AtomicInteger queries = new AtomicInteger();

        synchronized long shortestTtl() {
            return minTtl == Long.MAX_VALUE ? 0 : minTtl;
        }

        CompletableFuture<Set<IpNetwork>> include(String domain, List<String> path, int depth) {
            if (depth > MAX_DEPTH || path.stream().anyMatch(domain::equalsIgnoreCase)
                    || SpfEvaluator.checkableDomain(domain).isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return lookup(domain, RecordType.TXT).thenCompose(answer -> {
                List<String> records = answer.values().stream().filter(SpfRecord::isSpfRecord).toList();
                if (records.size() != 1) {
                    return CompletableFuture.completedFuture(null);
                }
                SpfRecord record;
                try {
                    record = SpfRecord.parse(records.get(0));
                } catch (SpfSyntaxException e) {
                    return CompletableFuture.completedFuture(null);
                }
                List<String> deeper = new ArrayList<>(path);
                deeper.add(domain);
                return terms(record, domain, deeper, depth);
            });
        }

        private CompletableFuture<Set<IpNetwork>> terms(SpfRecord record, String domain, List<String> path, int depth) {
            List<CompletableFuture<Set<IpNetwork>>> parts = new ArrayList<>();
            List<Mechanism> mechanisms = record.mechanisms();
            for (Mechanism mechanism : mechanisms) {
                boolean lastAll = mechanism.type() == MechanismType.ALL && mechanism == mechanisms.get(mechanisms.size() - 1);
                if (lastAll && mechanism.qualifier() != Qualifier.PASS) {
                    continue;
                }
                if (mechanism.qualifier() != Qualifier.PASS || mechanism.type() == MechanismType.ALL
                        || mechanism.domain() != null && mechanism.domain().literalDomain().isEmpty()) {
                    return CompletableFuture.completedFuture(null);
                }
                String name = mechanism.domain() == null ? domain : mechanism.domain().literalDomain().get();
                parts.add(switch (mechanism.type()) {
                    case IP4, IP6 -> CompletableFuture.completedFuture(Set.of(mechanism.network()));
                    case A -> addresses(name, mechanism);
                    case MX -> mx(name, mechanism);
                    case INCLUDE -> include(name, path, depth + 1);
                    default -> CompletableFuture.completedFuture(null);
                });
            }
            boolean hasAll = mechanisms.stream().anyMatch(m -> m.type() == MechanismType.ALL);
            record.redirect().filter(redirect -> !hasAll).ifPresent(redirect -> parts.add(
                    redirect.value().literalDomain().map(name -> include(name, path, depth + 1))
                            .orElse(CompletableFuture.completedFuture(null))));
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(all -> {
                Set<IpNetwork> networks = new LinkedHashSet<>();
                for (CompletableFuture<Set<IpNetwork>> part : parts) {
                    if (part.join() == null) {
                        return null;
                    }
                    networks.addAll(part.join());
                }
                return networks;
            });
        }

        /** The MX hosts' addresses (at most 10 hosts, as receivers allow); null when a lookup failed. */
        private CompletableFuture<Set<IpNetwork>> mx(String name, Mechanism mechanism) {
            return lookup(name, RecordType.MX).thenCompose(answer -> {
                if (!answer.outcome().isConclusive()) {
                    return CompletableFuture.completedFuture(null);
                }
                // A null MX names no host; a host that is no domain name (an escaped dot) has no address.
                List<CompletableFuture<Set<IpNetwork>>> hosts = answer.mx().stream()
                        .map(MxData::hostName)
                        .flatMap(Optional::stream)
                        .limit(SpfEvaluator.MAX_NAMES_PER_TERM)
                        .map(host -> addresses(host.ascii(), mechanism))
                        .toList();
                return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new)).thenApply(all -> {
                    Set<IpNetwork> networks = new LinkedHashSet<>();
                    for (CompletableFuture<Set<IpNetwork>> host : hosts) {
                        if (host.join() == null) {
                            return null;
                        }
                        networks.addAll(host.join());
                    }
                    return networks;
                });
            });
        }

        /**
         * The A and AAAA addresses of {@code name}, each widened to the mechanism's prefix
         * lengths; null when a lookup failed, as a flattened record must not lose a sender.
         */
        private CompletableFuture<Set<IpNetwork>> addresses(String name, Mechanism mechanism) {
            return lookup(name, RecordType.A).thenCombine(lookup(name, RecordType.AAAA), (a, aaaa) -> {
                if (!a.outcome().isConclusive() || !aaaa.outcome().isConclusive()) {
                    return null;
                }
                Set<IpNetwork> networks = new LinkedHashSet<>();
                for (LookupResult answer : List.of(a, aaaa)) {
                    for (String value : answer.values()) {
                        InetAddress address = IpText.parseAddress(value);
                        int prefix = address.getAddress().length == 4 ? mechanism.ip4Prefix() : mechanism.ip6Prefix();
                        networks.add(IpNetwork.of(address, prefix));
                    }
                }
                return networks;
            });
        }

        /**
         * One question. A name DNS cannot carry does not exist; past the budget, or for a name
         * the resolver refuses, the answer is a failure, so the include is kept as it is.
         */
        private CompletableFuture<LookupResult> lookup(String name, RecordType type) {
            Optional<String> query = SpfNames.query(name);
            if (query.isEmpty()) {
                return CompletableFuture.completedFuture(SpfEvaluator.nonexistent(name, type));
            }
            LookupResult unasked = new LookupResult(name, type, Outcome.ERROR, List.of(), List.of(), LookupResult.NO_TTL,
                    "", null, false, Duration.ZERO);
            if (queries.incrementAndGet() > MAX_QUERIES) {
                return CompletableFuture.completedFuture(unasked);
            }
            CompletableFuture<LookupResult> asked;
            try {
                asked = resolver.lookup(query.get(), type, target);
            } catch (IllegalArgumentException refused) {
                return CompletableFuture.completedFuture(unasked);
            }
            return asked.thenApply(answer -> {
                if (answer.hasTtl() && answer.outcome() == Outcome.OK) {
                    synchronized (this) {
                        minTtl = Math.min(minTtl, answer.ttl());
                    }
                }
                return answer;
            });
        }
    }
}
