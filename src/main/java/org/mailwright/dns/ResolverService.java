package org.mailwright.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;

/**
 * Asynchronous DNS lookups. One instance per application, per command (or per test), passed to
 * whatever needs DNS: it owns the cache and a small daemon executor, and is closed when done.
 *
 * <p>Every name goes on the wire as {@link QueryName} reads it: a domain name in A-label form. Each attempt waits
 * {@link ResolverOptions#timeout()}; a silent server is asked again {@link ResolverOptions#retries()}
 * times, then the next server of the target is tried. Answers truncated over UDP are asked again
 * over TCP ({@link DnsTransport}). A check sends at most {@link ResolverOptions#maxQueries()}
 * queries and ends by its {@link ResolverOptions#deadline()}. Every outcome, failures included,
 * completes the future normally with a {@link LookupResult}; only a malformed name is refused up front.
 */
public final class ResolverService implements AutoCloseable {

    /**
     * The most queries on the wire at once: a batch of thousands of domains never floods a
     * server, and each waiting query holds no thread; the rest wait their turn in order.
     */
    public static final int MAX_IN_FLIGHT = 256;

    private final ResolverOptions options;
    private final DnsCache cache;
    private final ExecutorService executor;
    /** The queries and time left to the check this service (or view) belongs to. */
    private final CheckBounds bounds;
    /** Cached answers stored before this point are not used: see {@link #fresh()}. */
    private final long freshSince;
    /** False for a view ({@link #fresh()}, {@link #newCheck()}), which closes nothing of the service it shares. */
    private final boolean owner;
    /** The queries on the wire at once, for the service and all its views. */
    private final InFlightLimit inFlight;

    public ResolverService(ResolverOptions options) {
        this(options, Clock.systemUTC());
    }

    public ResolverService(ResolverOptions options, Clock clock) {
        this(Objects.requireNonNull(options, "options"), new DnsCache(Objects.requireNonNull(clock, "clock")),
                Executors.newCachedThreadPool(daemonThreads()), new CheckBounds(options), 0, true,
                new InFlightLimit(MAX_IN_FLIGHT));
    }

    private ResolverService(ResolverOptions options, DnsCache cache, ExecutorService executor, CheckBounds bounds,
                            long freshSince, boolean owner, InFlightLimit inFlight) {
        this.inFlight = inFlight;
        this.options = options;
        this.cache = cache;
        this.executor = executor;
        this.bounds = bounds;
        this.freshSince = freshSince;
        this.owner = owner;
    }

    /**
     * This service as a check the user starts sees it: every answer is asked of the servers now,
     * none taken from what the cache held before, negative answers included; what it learns goes
     * into the shared cache, so later lookups see the news at once. Within one check an answer it
     * got itself is reused (an include met twice is asked once). The view counts its queries and
     * time with this service's. Closing the view closes nothing.
     */
    public ResolverService fresh() {
        return new ResolverService(options, cache, executor, bounds, cache.nextStamp(), false, inFlight);
    }

    /**
     * This service for one more check of a long-running command (a round of a watch): the same
     * cache, and the {@link ResolverOptions#maxQueries()} and {@link ResolverOptions#deadline()}
     * of a check counted afresh from now. Closing the view closes nothing.
     */
    public ResolverService newCheck() {
        return new ResolverService(options, cache, executor, new CheckBounds(options), freshSince, false, inFlight);
    }

    public ResolverOptions options() {
        return options;
    }

    public DnsCache cache() {
        return cache;
    }

    /**
     * Looks {@code name} up through {@code target}, from the cache when a fresh answer is there.
     * The servers of the target are tried in order until one answers with NOERROR or NXDOMAIN.
     *
     * @throws InvalidDomainNameException when {@code name} is not a valid domain name
     */
    public CompletableFuture<LookupResult> lookup(String name, RecordType type, ResolverTarget target) {
        Name query = QueryName.parse(name);
        String display = Query.display(query);
        if (options.cacheEnabled()) {
            var cached = cache.get(target, display, type, freshSince);
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached.get());
            }
            return cache.shared(target, display, type, freshSince, () -> resolve(query, display, type, target));
        }
        return resolve(query, display, type, target);
    }

    private CompletableFuture<LookupResult> resolve(Name query, String display, RecordType type, ResolverTarget target) {
        long started = System.nanoTime();
        CompletableFuture<LookupResult> result;
        if (target instanceof ResolverTarget.Authoritative authoritative) {
            result = authoritativeServers(authoritative)
                    .thenCompose(servers -> servers.addresses().isEmpty()
                            ? CompletableFuture.completedFuture(noServers(display, type, servers, started))
                            : ask(query, type, servers.addresses(), false, started));
        } else {
            result = serversOf(target).thenCompose(servers -> ask(query, type, servers, true, started));
        }
        return result.thenApply(answer -> {
            if (options.cacheEnabled()) {
                cache.put(target, answer);
            }
            return answer;
        });
    }

    /**
     * Asks exactly one server, now, bypassing the cache and without failing over: what this
     * server itself says, as propagation checks need. {@code recursive} sets the RD flag; leave it
     * off to ask an authoritative server about its own data.
     *
     * @throws InvalidDomainNameException when {@code name} is not a valid domain name
     */
    public CompletableFuture<LookupResult> query(String name, RecordType type, ServerAddress server, boolean recursive) {
        return ask(QueryName.parse(name), type, List.of(server), recursive, System.nanoTime());
    }

    /** The zone's NS hosts, each with its A and AAAA addresses (on port 53). */
    public CompletableFuture<AuthoritativeServers> authoritativeServers(String zone, ResolverTarget via) {
        return authoritativeServers(new ResolverTarget.Authoritative(zone, via));
    }

    /**
     * The zone's NS hosts, each with its A and AAAA addresses, on the target's port. A host whose
     * name cannot be looked up (an NS record can name anything) has no addresses.
     *
     * @throws InvalidDomainNameException when the zone is not a valid domain name
     */
    public CompletableFuture<AuthoritativeServers> authoritativeServers(ResolverTarget.Authoritative target) {
        String zone = Query.display(QueryName.parse(target.zone()));
        return lookup(zone, RecordType.NS, target.via()).thenCompose(ns -> {
            List<CompletableFuture<AuthoritativeServers.NameServer>> hosts = ns.records().stream()
                    .map(record -> nameServer(record.value(), target.via(), target.port()))
                    .toList();
            return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> new AuthoritativeServers(zone, ns,
                            hosts.stream().map(CompletableFuture::join).toList()));
        });
    }

    @Override
    public void close() {
        if (owner) {
            executor.shutdownNow();
        }
    }

    private CompletableFuture<AuthoritativeServers.NameServer> nameServer(String host, ResolverTarget via, int port) {
        String hostName = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        CompletableFuture<LookupResult> v4;
        CompletableFuture<LookupResult> v6;
        try {
            v4 = lookup(hostName, RecordType.A, via);
            v6 = lookup(hostName, RecordType.AAAA, via);
        } catch (InvalidDomainNameException noName) {
            return CompletableFuture.completedFuture(new AuthoritativeServers.NameServer(hostName, List.of()));
        }
        return v4.thenCombine(v6, (a, aaaa) -> {
            List<ServerAddress> addresses = new ArrayList<>();
            for (LookupResult result : List.of(a, aaaa)) {
                result.values().forEach(ip -> addresses.add(new ServerAddress(ip, port)));
            }
            return new AuthoritativeServers.NameServer(hostName, addresses);
        });
    }

    /**
     * The addresses a lookup through {@code target} goes to, in the order they are tried: for the
     * system's resolvers, as its configuration names them now. Lets a caller ask each one itself
     * with {@link #query}, fresh and without the cache, as propagation checks do.
     *
     * @throws IllegalArgumentException for an {@link ResolverTarget.Authoritative} target, whose
     *     servers come from {@link #authoritativeServers(ResolverTarget.Authoritative)}
     */
    public CompletableFuture<List<ServerAddress>> serversOf(ResolverTarget target) {
        if (target instanceof ResolverTarget.Authoritative) {
            throw new IllegalArgumentException("The servers of an authoritative target come from authoritativeServers.");
        }
        if (target instanceof ResolverTarget.Servers servers) {
            return CompletableFuture.completedFuture(servers.servers());
        }
        if (target instanceof PublicResolver publicResolver) {
            return CompletableFuture.completedFuture(publicResolver.servers());
        }
        // Reading the system configuration touches files (and on some platforms spawns a process).
        return CompletableFuture.supplyAsync(() -> ResolverConfig.getCurrentConfig().servers().stream()
                .map(address -> new ServerAddress(address.getAddress().getHostAddress(), address.getPort()))
                .toList(), executor);
    }

    /** Tries each server in turn; the first conclusive answer wins, otherwise the most telling failure. */
    private CompletableFuture<LookupResult> ask(Name name, RecordType type, List<ServerAddress> servers,
                                                boolean recursive, long started) {
        if (servers.isEmpty()) {
            return CompletableFuture.completedFuture(AnswerReader.fault(Query.of(name, type, recursive), Outcome.ERROR,
                    Detail.of("no-servers"), "", since(started)));
        }
        CompletableFuture<LookupResult> chain = attempt(Query.of(name, type, recursive), servers.get(0), 0, started);
        for (ServerAddress next : servers.subList(1, servers.size())) {
            chain = chain.thenCompose(previous -> previous.outcome().isConclusive() || previous.outcome().isCutShort()
                    ? CompletableFuture.completedFuture(previous)
                    : attempt(Query.of(name, type, recursive), next, 0, started)
                            .thenApply(current -> moreTelling(previous, current)));
        }
        return chain;
    }

    private CompletableFuture<LookupResult> attempt(Query query, ServerAddress server, int attempt, long started) {
        return inFlight.submit(() -> exchange(query, server, started), executor)
                .thenCompose(result -> result.outcome() == Outcome.TIMEOUT && attempt < options.retries()
                        ? attempt(query.again(), server, attempt + 1, started)
                        : CompletableFuture.completedFuture(result));
    }

    /** One attempt at one server, blocking this executor thread: over UDP, and over TCP when the reply is truncated. */
    private LookupResult exchange(Query query, ServerAddress server, long started) {
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(server.host()), server.port());
        } catch (UnknownHostException e) {
            return AnswerReader.fault(query, Outcome.ERROR, Detail.of("unknown-server", server.host()),
                    server.toString(), since(started));
        }
        DnsTransport.Exchange exchange = send(query, address, DnsTransport::udp);
        if (exchange instanceof DnsTransport.Exchange.Replied replied && replied.message().getHeader().getFlag(Flags.TC)) {
            exchange = send(query, address, DnsTransport::tcp);
        }
        if (exchange instanceof DnsTransport.Exchange.Replied replied) {
            return AnswerReader.interpret(replied.message(), query, server.toString(), since(started));
        }
        DnsTransport.Exchange.Failed failed = (DnsTransport.Exchange.Failed) exchange;
        Outcome outcome = failed.outcome();
        Detail detail = failed.detail();
        if (outcome == Outcome.TIMEOUT && bounds.passed()) {
            outcome = Outcome.DEADLINE;
            detail = bounds.deadlineDetail();
        } else if (outcome == Outcome.TIMEOUT && detail.isEmpty()) {
            detail = Detail.of("no-answer", options.timeout().toMillis(), options.retries() + 1);
        }
        return AnswerReader.fault(query, outcome, detail, server.toString(), since(started));
    }

    /** Sends the query if the check may still send one, waiting no longer than the timeout and the deadline allow. */
    private DnsTransport.Exchange send(Query query, InetSocketAddress address, Transport transport) {
        Optional<DnsTransport.Exchange.Failed> refused = bounds.spend();
        return refused.isPresent()
                ? refused.get()
                : transport.exchange(query, address, bounds.until(options.timeout()));
    }

    private LookupResult noServers(String name, RecordType type, AuthoritativeServers servers, long started) {
        LookupResult ns = servers.nsLookup();
        Detail detail = ns.outcome() == Outcome.OK
                ? Detail.of("no-nameserver-address", servers.zone())
                : Detail.of("nameservers-not-found", servers.zone(), ns.outcome());
        return new LookupResult(name, type, Outcome.ERROR, List.of(), List.of(), LookupResult.NO_TTL,
                ns.server(), detail, false, since(started));
    }

    /**
     * A server that answered (even SERVFAIL) says more than one that was silent, and a lookup the
     * check's bounds cut short says so rather than how the servers before were silent.
     */
    private static LookupResult moreTelling(LookupResult previous, LookupResult current) {
        boolean previousSaysLittle = !previous.outcome().isAnswer();
        return current.outcome().isConclusive()
                || previousSaysLittle && (current.outcome().isAnswer() || current.outcome().isCutShort())
                ? current
                : previous;
    }

    private Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "mailwright-dns-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One way of sending a query: {@link DnsTransport#udp} or {@link DnsTransport#tcp}. */
    @FunctionalInterface
    private interface Transport {
        DnsTransport.Exchange exchange(Query query, InetSocketAddress server, long until);
    }
}
