package org.mailwright.testdns;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * An in-process authoritative DNS server for tests: serves zone text on 127.0.0.1, over UDP and
 * TCP on one ephemeral port, and can misbehave on demand: silence, SERVFAIL, REFUSED, truncation
 * (over UDP, or over TCP too), stray datagrams, TCP connections that break or serve one query
 * each, replies rewritten at will.
 *
 * <p>Each zone text is a master file with a {@code $ORIGIN} line (or a SOA record naming the
 * apex). A zone without SOA gets {@code ns.<origin> hostmaster.<origin>} with a negative TTL of
 * {@value #DEFAULT_NEGATIVE_TTL} s, and one without NS gets {@code ns.<origin>}, so small test
 * zones can hold just the records a test is about. Records without a TTL get
 * {@value #DEFAULT_TTL} s. A name is answered from the most specific zone that contains it;
 * names in no served zone are REFUSED, as a real authoritative server does.
 *
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start("""
 *         $ORIGIN example.test.
 *         @ 300 TXT "v=spf1 -all"
 *         """)) {
 *     resolver.lookup("example.test", RecordType.TXT, dns.target());
 * }
 * }</pre>
 */
public final class TestDnsServer implements AutoCloseable {

    /** How the server treats every query (a silenced name is dropped whatever this is). */
    public enum Behaviour {
        /** Answer from the zones. */
        NORMAL,
        /** Read every query and drop it: the client times out. */
        SILENT,
        /** Answer every query with SERVFAIL. */
        SERVFAIL,
        /** Answer every query with REFUSED. */
        REFUSED,
        /** Over UDP answer with the TC flag and no records; over TCP answer normally. */
        TRUNCATE,
        /** Answer with the TC flag and no records over UDP and over TCP alike: a broken server. */
        TRUNCATE_ALWAYS,
        /**
         * Over UDP, before each answer send three datagrams a client must not take for it: the
         * answer under another id, a reply with the query's id to another question, and octets
         * with the query's id that are no DNS message. Then the answer.
         */
        STRAY_DATAGRAMS
    }

    static final long DEFAULT_TTL = 3600;
    static final long DEFAULT_NEGATIVE_TTL = 60;

    /** Aliases followed within one answer: more than clients follow, so a test can serve a chain too long for them. */
    private static final int MAX_CHAIN = 32;
    private static final int PLAIN_UDP_LIMIT = 512;
    private static final int EDNS_PAYLOAD = 1232;
    private static final int BIND_ATTEMPTS = 20;
    private static final Pattern ORIGIN = Pattern.compile("(?im)^\\s*\\$ORIGIN\\s+(\\S+)");

    private enum Transport { UDP, TCP }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<String> silencedNames = ConcurrentHashMap.newKeySet();
    private final Set<String> silencedQueries = ConcurrentHashMap.newKeySet();
    private final Set<String> failingNames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final AtomicInteger tcpConnectionsToBreak = new AtomicInteger();
    private final Queue<String> questions = new ConcurrentLinkedQueue<>();
    private volatile boolean oneQueryPerTcpConnection;
    private volatile UnaryOperator<Message> rewrite = UnaryOperator.identity();
    /** Each zone by its origin: a name is answered from the closest enclosing one, found label by label. */
    private volatile Map<Name, Zone> zones;
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile boolean closed;
    private volatile long latencyMillis;
    private ScheduledExecutorService delayedReplies;

    private TestDnsServer(Map<Name, Zone> zones, DatagramSocket udp, ServerSocket tcp) {
        this.zones = zones;
        this.udp = udp;
        this.tcp = tcp;
    }

    /**
     * Parses the zones and starts serving them.
     *
     * @throws IllegalArgumentException when a zone text does not parse, saying which and why
     */
    public static TestDnsServer start(String... zoneTexts) {
        Map<Name, Zone> zones = parseZones(zoneTexts);
        DatagramSocket udp = null;
        for (int attempt = 1; ; attempt++) {
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback(), 0));
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(loopback(), udp.getLocalPort()));
                } catch (IOException portTaken) {
                    tcp.close();
                    throw portTaken;
                }
                TestDnsServer server = new TestDnsServer(zones, udp, tcp);
                server.startThreads();
                return server;
            } catch (IOException e) {
                if (udp != null) {
                    udp.close();
                }
                // The UDP port's TCP twin belongs to someone else: try another ephemeral port.
                if (attempt == BIND_ATTEMPTS) {
                    throw new UncheckedIOException("could not bind UDP and TCP on one loopback port", e);
                }
            }
        }
    }

    public int port() {
        return udp.getLocalPort();
    }

    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", port());
    }

    public ResolverTarget target() {
        return ResolverTarget.servers(List.of(address()));
    }

    public void setBehaviour(Behaviour behaviour) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    /** Never answers queries for {@code name} (compared without case), whatever the behaviour. */
    public void silenceName(String name) {
        silencedNames.add(key(parseName(name)));
    }

    /**
     * Never answers queries of {@code type} for {@code name}, while other types of that name are
     * answered: a server that times out on one record type only.
     */
    public void silenceName(String name, RecordType type) {
        silencedQueries.add(key(parseName(name)) + '|' + type.code());
    }

    /** Answers every query for {@code name} (compared without case) with SERVFAIL, whatever the behaviour. */
    public void failName(String name) {
        failingNames.add(key(parseName(name)));
    }

    /** Serves these zones instead of the current ones, from the next query on. */
    public void replaceZones(String... zoneTexts) {
        zones = parseZones(zoneTexts);
    }

    /**
     * Breaks the next {@code count} TCP connections: each reads its query, sends the length and
     * the first half of the reply, and closes.
     */
    public void breakTcpConnections(int count) {
        tcpConnectionsToBreak.set(count);
    }

    /**
     * Answers one query per TCP connection and then closes it, as RFC 7766 allows a server to do;
     * a client that sends several queries down one connection gets only the first answered.
     */
    public void answerOneQueryPerTcpConnection(boolean oneOnly) {
        oneQueryPerTcpConnection = oneOnly;
    }

    /** Passes every reply through {@code rewrite} before sending it: a server that tampers with its answers. */
    public void rewriteReplies(UnaryOperator<Message> rewrite) {
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    /** The names of every question received so far, as they arrived (escaped as in a zone file), oldest first. */
    public List<String> questionsReceived() {
        return List.copyOf(questions);
    }

    /** How many queries arrived over UDP, answered or not. */
    public int udpQueries() {
        return udpQueries.get();
    }

    /** How many queries arrived over TCP, answered or not. */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            if (delayedReplies != null) {
                delayedReplies.shutdownNow();
            }
        }
        udp.close();
        closeQuietly(tcp);
        connections.forEach(TestDnsServer::closeQuietly);
        List<Thread> started;
        synchronized (threads) {
            started = List.copyOf(threads);
        }
        for (Thread thread : started) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- transports ----

    private void startThreads() {
        spawn("udp", this::serveUdp);
        spawn("tcp-accept", this::acceptTcp);
    }

    private void spawn(String role, Runnable work) {
        Thread thread = new Thread(work, "test-dns-" + port() + "-" + role);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                udpQueries.incrementAndGet();
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = respond(query, Transport.UDP);
                if (reply != null && behaviour == Behaviour.STRAY_DATAGRAMS) {
                    for (byte[] stray : strays(reply)) {
                        udp.send(new DatagramPacket(stray, stray.length, packet.getSocketAddress()));
                    }
                }
                if (reply != null) {
                    send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                // Closing the socket ends the loop; any other failure concerns one packet only.
            }
        }
    }

    /** Sends a UDP reply now, or after {@link #setLatency} on a timer, so slow replies never hold up the next query. */
    private void send(DatagramPacket reply) throws IOException {
        long delay = latencyMillis;
        if (delay <= 0) {
            udp.send(reply);
            return;
        }
        delayed().schedule(() -> {
            try {
                udp.send(reply);
            } catch (IOException e) {
                // Closed meanwhile: the client times out, as it would.
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized ScheduledExecutorService delayed() {
        if (delayedReplies == null) {
            delayedReplies = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-dns-latency");
                thread.setDaemon(true);
                return thread;
            });
        }
        return delayedReplies;
    }

    /**
     * Every UDP reply leaves {@code latency} after its query arrived, as over a real network (a
     * benchmark's 20 ms per query); TCP is not delayed. Zero, the default, replies at once.
     */
    public void setLatency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                if (closed) {
                    closeQuietly(connection);
                    return;
                }
                spawn("tcp", () -> serveTcp(connection));
            } catch (IOException e) {
                // Closing the server socket ends the loop.
            }
        }
    }

    /** Serves length-prefixed queries on one connection until the client or {@link #close()} ends it. */
    private void serveTcp(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (!closed) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                byte[] reply = respond(query, Transport.TCP);
                if (reply != null && tcpConnectionsToBreak.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    out.writeShort(reply.length);
                    out.write(reply, 0, reply.length / 2);
                    out.flush();
                    return;
                }
                if (reply != null) {
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
                if (oneQueryPerTcpConnection) {
                    return;
                }
            }
        } catch (EOFException | SocketException closedByEitherSide) {
            // The normal end of a connection.
        } catch (IOException e) {
            // One broken connection does not concern the others.
        } finally {
            connections.remove(connection);
            synchronized (threads) {
                threads.remove(Thread.currentThread());
            }
        }
    }

    // ---- answering ----

    /** The wire reply to {@code wire}, or null to stay silent. */
    private byte[] respond(byte[] wire, Transport transport) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException malformed) {
            return wire.length < Header.LENGTH ? null : formatError(wire);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getFlag(Flags.QR)) {
            return formatError(wire);
        }
        questions.add(question.getName().toString(true));
        Behaviour now = behaviour;
        String name = key(question.getName());
        if (now == Behaviour.SILENT || silencedNames.contains(name)
                || silencedQueries.contains(name + '|' + question.getType())) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        header.setOpcode(query.getHeader().getOpcode());
        response.addRecord(question, Section.QUESTION);
        OPTRecord queryOpt = query.getOPT();
        if (queryOpt != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            header.setRcode(Rcode.NOTIMP);
        } else if (now == Behaviour.SERVFAIL || failingNames.contains(name)) {
            header.setRcode(Rcode.SERVFAIL);
        } else if (now == Behaviour.REFUSED) {
            header.setRcode(Rcode.REFUSED);
        } else if (now == Behaviour.TRUNCATE && transport == Transport.UDP || now == Behaviour.TRUNCATE_ALWAYS) {
            header.setFlag(Flags.TC);
        } else {
            answer(question.getName(), question.getType(), response);
        }
        response = rewrite.apply(response);
        if (transport == Transport.TCP) {
            return response.toWire();
        }
        int limit = queryOpt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, queryOpt.getPayloadSize());
        // dnsjava drops whole RRsets that do not fit and sets TC, as a real server does.
        return response.toWire(limit);
    }

    private void answer(Name qname, int qtype, Message response) {
        Zone zone = zoneFor(qname);
        if (zone == null) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return;
        }
        response.getHeader().setFlag(Flags.AA);
        Name name = qname;
        for (int hop = 0; hop < MAX_CHAIN && zone != null; hop++) {
            SetResponse found = zone.findRecords(name, qtype);
            if (found.isSuccessful()) {
                found.answers().forEach(rrset -> addAll(response, rrset, Section.ANSWER));
                return;
            }
            if (found.isCNAME()) {
                CNAMERecord cname = found.getCNAME();
                response.addRecord(cname, Section.ANSWER);
                name = cname.getTarget();
            } else if (found.isDNAME()) {
                DNAMERecord dname = found.getDNAME();
                Name rewritten;
                try {
                    rewritten = name.fromDNAME(dname);
                } catch (NameTooLongException e) {
                    response.getHeader().setRcode(Rcode.YXDOMAIN);
                    return;
                }
                response.addRecord(dname, Section.ANSWER);
                response.addRecord(new CNAMERecord(name, DClass.IN, dname.getTTL(), rewritten), Section.ANSWER);
                name = rewritten;
            } else if (found.isDelegation()) {
                refer(zone, found.getNS(), response);
                return;
            } else if (found.isNXDOMAIN() && !hasNamesBelow(zone, name) && answerFromWildcard(zone, name, qtype, response)) {
                return;
            } else if (found.isNXDOMAIN() && !hasNamesBelow(zone, name)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                response.addRecord(negativeSoa(zone), Section.AUTHORITY);
                return;
            } else {
                // NODATA: the name exists (perhaps only as the parent of other names), the type does not.
                response.addRecord(negativeSoa(zone), Section.AUTHORITY);
                return;
            }
            // An alias may lead into another zone served here; a real resolver would follow it too.
            zone = zoneFor(name);
        }
    }

    /** A referral: the child's NS set in authority, with whatever glue this zone holds. */
    private static void refer(Zone zone, RRset nameServers, Message response) {
        if (response.getSection(Section.ANSWER).isEmpty()) {
            response.getHeader().unsetFlag(Flags.AA);
        }
        addAll(response, nameServers, Section.AUTHORITY);
        for (Record record : nameServers.rrs()) {
            Name host = ((NSRecord) record).getTarget();
            for (int type : new int[] {Type.A, Type.AAAA}) {
                RRset glue = zone.findExactMatch(host, type);
                if (glue != null) {
                    addAll(response, glue, Section.ADDITIONAL);
                }
            }
        }
    }

    /**
     * RFC 4592: a wildcard stands for any number of labels below its parent, when that parent is
     * the closest existing ancestor of the name. dnsjava's zone only expands it for one label.
     */
    private static boolean answerFromWildcard(Zone zone, Name name, int type, Message response) {
        for (int stripped = 1; stripped < name.labels() - zone.getOrigin().labels() + 1; stripped++) {
            Name ancestor = new Name(name, stripped);
            boolean exists = StreamSupport.stream(zone.spliterator(), false)
                    .anyMatch(rrset -> rrset.getName().subdomain(ancestor));
            if (!exists) {
                continue;
            }
            Name wildcard;
            try {
                wildcard = Name.concatenate(Name.fromConstantString("*"), ancestor);
            } catch (NameTooLongException e) {
                return false;
            }
            RRset synthesized = zone.findExactMatch(wildcard, type);
            if (synthesized == null) {
                return false;
            }
            synthesized.rrs().forEach(record -> response.addRecord(record.withName(name), Section.ANSWER));
            return true;
        }
        return false;
    }

    /** dnsjava's zone lookup reports an empty non-terminal as NXDOMAIN; RFC 8020 says it exists. */
    private static boolean hasNamesBelow(Zone zone, Name name) {
        return StreamSupport.stream(zone.spliterator(), false)
                .anyMatch(rrset -> !rrset.getName().equals(name) && rrset.getName().subdomain(name));
    }

    /** RFC 2308: the SOA's TTL in a negative answer is the lesser of its TTL and its MINIMUM. */
    private static SOARecord negativeSoa(Zone zone) {
        SOARecord soa = zone.getSOA();
        return new SOARecord(soa.getName(), soa.getDClass(), Math.min(soa.getTTL(), soa.getMinimum()),
                soa.getHost(), soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(),
                soa.getExpire(), soa.getMinimum());
    }

    /** The set and, for a signed zone, its signatures (a zone text without RRSIG records has none). */
    private static void addAll(Message response, RRset rrset, int section) {
        rrset.rrs().forEach(record -> response.addRecord(record, section));
        rrset.sigs().forEach(signature -> response.addRecord(signature, section));
    }

    private Zone zoneFor(Name name) {
        Map<Name, Zone> served = zones;
        for (Name candidate = name; ; candidate = new Name(candidate, 1)) {
            Zone zone = served.get(candidate);
            if (zone != null || candidate.labels() <= 1) {
                return zone;
            }
        }
    }

    /**
     * What {@link Behaviour#STRAY_DATAGRAMS} sends before {@code reply}: {@code reply} under
     * another id, a reply with its id to another question, and octets with its id that do not parse.
     */
    private static List<byte[]> strays(byte[] reply) {
        try {
            Message answer = new Message(reply);
            int id = answer.getHeader().getID();
            Message otherId = answer.clone();
            otherId.getHeader().setID((id + 1) & 0xffff);
            otherId.getHeader().setRcode(Rcode.NXDOMAIN);
            otherId.removeAllRecords(Section.ANSWER);
            Message otherQuestion = answer.clone();
            otherQuestion.removeAllRecords(Section.QUESTION);
            otherQuestion.addRecord(Record.newRecord(Name.fromConstantString("stray.invalid."), Type.A, DClass.IN),
                    Section.QUESTION);
            byte[] garbage = Arrays.copyOf(reply, Header.LENGTH + 3);
            garbage[7] = 9;
            return List.of(otherId.toWire(), otherQuestion.toWire(), garbage);
        } catch (IOException e) {
            throw new UncheckedIOException("the server's own reply did not parse", e);
        }
    }

    /** FORMERR, keeping the query's id so the client can match it. */
    private static byte[] formatError(byte[] wire) {
        Header header = new Header(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
        header.setFlag(Flags.QR);
        header.setRcode(Rcode.FORMERR);
        return header.toWire();
    }

    // ---- zone text ----

    /** Most specific first, so the first zone containing a name is the one that answers it. */
    private static Map<Name, Zone> parseZones(String... zoneTexts) {
        Map<Name, Zone> parsed = new HashMap<>();
        for (int i = 0; i < zoneTexts.length; i++) {
            Zone zone = parseZone(zoneTexts[i], i + 1);
            // Two texts for one origin: the first given is served, as before.
            parsed.putIfAbsent(zone.getOrigin(), zone);
        }
        return Map.copyOf(parsed);
    }

    private static Zone parseZone(String text, int position) {
        try {
            List<Record> records = new ArrayList<>();
            Name origin = declaredOrigin(text);
            try (Master master = new Master(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin, DEFAULT_TTL)) {
                master.disableIncludes();
                for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                    records.add(record);
                }
            }
            if (origin == null) {
                origin = records.stream().filter(r -> r.getType() == Type.SOA).map(Record::getName).findFirst()
                        .orElseThrow(() -> new IOException("it has neither an $ORIGIN line nor a SOA record"));
            }
            for (Record record : records) {
                if (!record.getName().subdomain(origin)) {
                    throw new IOException(record.getName() + " is outside the zone " + origin);
                }
            }
            addMissingApexRecords(origin, records);
            return new Zone(origin, records.toArray(Record[]::new));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Zone text " + position + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Name declaredOrigin(String text) throws IOException {
        Matcher matcher = ORIGIN.matcher(text);
        return matcher.find() ? Name.fromString(matcher.group(1), Name.root) : null;
    }

    private static void addMissingApexRecords(Name origin, List<Record> records) throws IOException {
        Name host = Name.concatenate(Name.fromConstantString("ns"), origin);
        Name admin = Name.concatenate(Name.fromConstantString("hostmaster"), origin);
        boolean hasSoa = records.stream().anyMatch(r -> r.getType() == Type.SOA);
        boolean hasNs = records.stream().anyMatch(r -> r.getType() == Type.NS && r.getName().equals(origin));
        if (!hasSoa) {
            records.add(new SOARecord(origin, DClass.IN, DEFAULT_TTL, host, admin,
                    1, 3600, 600, 86400, DEFAULT_NEGATIVE_TTL));
        }
        if (!hasNs) {
            records.add(new NSRecord(origin, DClass.IN, DEFAULT_TTL, host));
        }
    }

    // ---- small helpers ----

    private static Name parseName(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a domain name: " + e.getMessage(), e);
        }
    }

    private static String key(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing for shutdown: nothing useful to do with a failure.
        }
    }
}
