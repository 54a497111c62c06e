package org.mailwright.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * Asynchronous DNS lookups over dnsjava. One instance per application (or per test), passed to
 * whatever needs DNS: it owns the cache and a small daemon executor, and is closed when done.
 *
 * <p>Each attempt waits {@link ResolverOptions#timeout()}; a silent server is asked again
 * {@link ResolverOptions#retries()} times, then the next server of the target is tried. Answers
 * truncated over UDP are asked again over TCP. Every outcome, failures included, completes the
 * future normally with a {@link LookupResult}; only a malformed name is refused up front.
 */
public final class ResolverService implements AutoCloseable {

    private static final int MAX_CNAME_CHAIN = 16;

    private final ResolverOptions options;
    private final DnsCache cache;
    private final ExecutorService executor;
    /** Cached answers stored before this point are not used: see {@link #fresh()}. */
    private final long freshSince;
    /** False for a {@link #fresh()} view, which closes nothing of the service it shares. */
    private final boolean owner;

    public ResolverService(ResolverOptions options) {
        this(options, Clock.systemUTC());
    }

    public ResolverService(ResolverOptions options, Clock clock) {
        this(Objects.requireNonNull(options, "options"), new DnsCache(Objects.requireNonNull(clock, "clock")),
                Executors.newCachedThreadPool(daemonThreads()), 0, true);
    }

    private ResolverService(ResolverOptions options, DnsCache cache, ExecutorService executor, long freshSince, boolean owner) {
        this.options = options;
        this.cache = cache;
        this.executor = executor;
        this.freshSince = freshSince;
        this.owner = owner;
    }

    /**
     * This service as a check the user starts sees it: every answer is asked of the servers now,
     * none taken from what the cache held before, negative answers included; what it learns goes
     * into the shared cache, so later lookups see the news at once. Within one check an answer it
     * got itself is reused (an include met twice is asked once). Closing the view closes nothing.
     */
    public ResolverService fresh() {
        return new ResolverService(options, cache, executor, cache.nextStamp(), false);
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
     * @throws IllegalArgumentException when {@code name} is not a valid domain name
     */
    public CompletableFuture<LookupResult> lookup(String name, RecordType type, ResolverTarget target) {
        Name query = toName(name);
        String display = display(query);
        if (options.cacheEnabled()) {
            var cached = cache.get(target, display, type, freshSince);
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached.get());
            }
        }
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
     * @throws IllegalArgumentException when {@code name} is not a valid domain name
     */
    public CompletableFuture<LookupResult> query(String name, RecordType type, ServerAddress server, boolean recursive) {
        return ask(toName(name), type, List.of(server), recursive, System.nanoTime());
    }

    /** The zone's NS hosts, each with its A and AAAA addresses (on port 53). */
    public CompletableFuture<AuthoritativeServers> authoritativeServers(String zone, ResolverTarget via) {
        return authoritativeServers(new ResolverTarget.Authoritative(zone, via));
    }

    /** The zone's NS hosts, each with its A and AAAA addresses, on the target's port. */
    public CompletableFuture<AuthoritativeServers> authoritativeServers(ResolverTarget.Authoritative target) {
        String zone = display(toName(target.zone()));
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
        var v4 = lookup(hostName, RecordType.A, via);
        var v6 = lookup(hostName, RecordType.AAAA, via);
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
    private CompletableFuture<LookupResult> ask(Name query, RecordType type, List<ServerAddress> servers,
                                                boolean recursive, long started) {
        CompletableFuture<LookupResult> chain = attempt(query, type, servers.get(0), recursive, 0, started);
        for (ServerAddress next : servers.subList(1, servers.size())) {
            chain = chain.thenCompose(previous -> previous.outcome().isConclusive()
                    ? CompletableFuture.completedFuture(previous)
                    : attempt(query, type, next, recursive, 0, started)
                            .thenApply(current -> moreTelling(previous, current)));
        }
        return chain;
    }

    private CompletableFuture<LookupResult> attempt(Name query, RecordType type, ServerAddress server,
                                                    boolean recursive, int attempt, long started) {
        return CompletableFuture.supplyAsync(() -> resolverFor(server), executor)
                .thenCompose(resolver -> {
                    Message message = Message.newQuery(Record.newRecord(query, type.code(), DClass.IN));
                    if (!recursive) {
                        message.getHeader().unsetFlag(Flags.RD);
                    }
                    // dnsjava checks its timeouts about once a second, so a short timeout would
                    // really last a second; the future is held to the promised time here.
                    return resolver.sendAsync(message, executor).toCompletableFuture()
                            .orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                })
                .handle((response, failure) -> failure == null
                        ? interpret(query, type, server, response, started)
                        : failed(query, type, server, unwrap(failure), started))
                .thenCompose(result -> result.outcome() == Outcome.TIMEOUT && attempt < options.retries()
                        ? attempt(query, type, server, recursive, attempt + 1, started)
                        : CompletableFuture.completedFuture(result));
    }

    private SimpleResolver resolverFor(ServerAddress server) {
        try {
            InetAddress address = InetAddress.getByName(server.host());
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(address, server.port()));
            resolver.setTimeout(options.timeout());
            return resolver;
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private LookupResult interpret(Name query, RecordType type, ServerAddress server, Message response, long started) {
        int rcode = response.getRcode();
        Duration elapsed = since(started);
        String name = display(query);
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            Outcome outcome = switch (rcode) {
                case Rcode.SERVFAIL -> Outcome.SERVFAIL;
                case Rcode.REFUSED -> Outcome.REFUSED;
                default -> Outcome.ERROR;
            };
            Detail detail = outcome == Outcome.ERROR ? Detail.of("rcode", Rcode.string(rcode)) : Detail.NONE;
            return new LookupResult(name, type, outcome, List.of(), List.of(), LookupResult.NO_TTL,
                    server.toString(), detail, false, elapsed);
        }
        List<DnsRecord> aliases = new ArrayList<>();
        List<DnsRecord> records = new ArrayList<>();
        List<Record> answer = response.getSection(Section.ANSWER);
        Name current = query;
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            Name owner = current;
            answer.stream()
                    .filter(r -> r.getType() == type.code() && r.getName().equals(owner))
                    .map(ResolverService::toRecord)
                    .forEach(records::add);
            if (!records.isEmpty() || type == RecordType.CNAME) {
                break;
            }
            var alias = answer.stream()
                    .filter(r -> r.getType() == Type.CNAME && r.getName().equals(owner))
                    .findFirst();
            if (alias.isEmpty()) {
                break;
            }
            aliases.add(toRecord(alias.get()));
            current = ((CNAMERecord) alias.get()).getTarget();
        }
        if (!records.isEmpty()) {
            long ttl = records.stream().mapToLong(DnsRecord::ttl).min().orElse(0);
            ttl = Math.min(ttl, aliases.stream().mapToLong(DnsRecord::ttl).min().orElse(ttl));
            return new LookupResult(name, type, Outcome.OK, records, aliases, ttl, server.toString(), Detail.NONE, false, elapsed);
        }
        Outcome outcome = rcode == Rcode.NXDOMAIN ? Outcome.NXDOMAIN : Outcome.NODATA;
        return new LookupResult(name, type, outcome, List.of(), aliases, negativeTtl(response),
                server.toString(), Detail.NONE, false, elapsed);
    }

    /** RFC 2308 section 5: the lesser of the SOA record's own TTL and its MINIMUM field. */
    private static long negativeTtl(Message response) {
        return response.getSection(Section.AUTHORITY).stream()
                .filter(SOARecord.class::isInstance)
                .map(SOARecord.class::cast)
                .mapToLong(soa -> Math.min(soa.getTTL(), soa.getMinimum()))
                .findFirst()
                .orElse(LookupResult.NO_TTL);
    }

    private LookupResult failed(Name query, RecordType type, ServerAddress server, Throwable failure, long started) {
        // An ICMP "port unreachable" only arrives on some networks (a firewall drops it on others,
        // and the same server then times out), so it counts as silence, with the reason given.
        boolean refused = failure instanceof PortUnreachableException;
        boolean silent = refused || failure instanceof SocketTimeoutException || failure instanceof TimeoutException;
        Detail detail;
        if (refused) {
            detail = Detail.of("refused-port");
        } else if (silent) {
            detail = Detail.of("no-answer", options.timeout().toMillis(), options.retries() + 1);
        } else if (failure instanceof UnknownHostException) {
            detail = Detail.of("unknown-server", server.host());
        } else if (failure instanceof WireParseException) {
            detail = Detail.of("malformed", failure.getMessage());
        } else {
            detail = Detail.of("network", failure.getMessage() != null && failure instanceof IOException
                    ? failure.getMessage()
                    : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        }
        return new LookupResult(display(query), type, silent ? Outcome.TIMEOUT : Outcome.ERROR, List.of(), List.of(),
                LookupResult.NO_TTL, server.toString(), detail, false, since(started));
    }

    private LookupResult noServers(String name, RecordType type, AuthoritativeServers servers, long started) {
        LookupResult ns = servers.nsLookup();
        Detail detail = ns.outcome() == Outcome.OK
                ? Detail.of("no-nameserver-address", servers.zone())
                : Detail.of("nameservers-not-found", servers.zone(), ns.outcome().jsonName());
        return new LookupResult(name, type, Outcome.ERROR, List.of(), List.of(), LookupResult.NO_TTL,
                ns.server(), detail, false, since(started));
    }

    /** A server that answered (even SERVFAIL) says more than one that was silent. */
    private static LookupResult moreTelling(LookupResult previous, LookupResult current) {
        return !previous.outcome().isAnswer() && current.outcome().isAnswer() || current.outcome().isConclusive()
                ? current
                : previous;
    }

    private static DnsRecord toRecord(Record record) {
        String owner = display(record.getName());
        RecordType type = RecordType.fromCode(record.getType()).orElseThrow();
        if (record instanceof TXTRecord txt) {
            List<String> strings = txt.getStringsAsByteArrays().stream()
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .toList();
            return new DnsRecord(owner, type, record.getTTL(), String.join("", strings), strings);
        }
        String value = record.getType() == Type.AAAA
                ? Ipv6Text.format(record.rdataToWireCanonical())
                : record.rdataToString();
        return new DnsRecord(owner, type, record.getTTL(), value, List.of());
    }

    private static Name toName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No domain name given.");
        }
        try {
            return Name.fromString(name.trim(), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid domain name: " + e.getMessage() + ".");
        }
    }

    private static String display(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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
}
