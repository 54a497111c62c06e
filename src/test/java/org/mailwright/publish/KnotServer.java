package org.mailwright.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real Knot DNS server ({@code knotd}) on loopback, for the tests that prove dynamic updates
 * (RFC 2136, TSIG) and update policies against the server admins run, not a model of it.
 *
 * <p>Each server has a temporary folder of its own: {@code knot.conf}, writable copies of the zone
 * files, the journal and other databases, the control socket and Knot's log. It listens on
 * 127.0.0.1, UDP and TCP, on a port that was free, runs in the foreground as a child process (so
 * it ends with the JVM too), and is ready when every zone answers its SOA. Where {@code knotd} is
 * not installed the calling test is skipped, saying how to install it.
 *
 * <pre>{@code
 * KnotServer.TsigKey key = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
 * try (KnotServer knot = KnotServer.builder()
 *         .zone("example.test", "@ TXT \"v=spf1 -all\"")
 *         .key(key)
 *         .acl("acl:\n  - id: update\n    key: mailwright\n    action: update\n")
 *         .zoneAcl("example.test", "update")
 *         .start()) {
 *     Update update = new Update(Name.fromString("example.test."));
 *     update.replace(Name.fromString("example.test."), Type.TXT, 300, "\"v=spf1 mx -all\"");
 *     knot.send(update, key);            // NOERROR
 *     knot.txt("example.test");          // [v=spf1 mx -all]
 * }
 * }</pre>
 */
public final class KnotServer implements AutoCloseable {

    /** Where the server listens. */
    public static final String HOST = "127.0.0.1";
    /** How long the server may take to answer every zone's SOA. */
    private static final Duration READY_WAIT = Duration.ofSeconds(10);
    /** How often a start is tried on a new port when another process took the port first. */
    private static final int START_ATTEMPTS = 3;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);
    /** Knot's log repeated in a failure: its end, where the reason is. */
    private static final int LOG_SHOWN = 8_000;
    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));

    /**
     * A TSIG key as both ends know it: its name, {@code hmac-sha256} or {@code hmac-sha512}, and
     * its secret in base64.
     */
    public record TsigKey(String name, String algorithm, String secret) {
        public TsigKey {
            Objects.requireNonNull(name, "name");
            if (!algorithm.equals("hmac-sha256") && !algorithm.equals("hmac-sha512")) {
                throw new IllegalArgumentException("TSIG algorithm " + algorithm + ": use hmac-sha256 or hmac-sha512.");
            }
            Base64.getDecoder().decode(secret);
        }

        /** A key with a new random secret as long as the algorithm's hash, as keymgr and tsig-keygen make. */
        public static TsigKey random(String name, String algorithm) {
            byte[] secret = new byte[algorithm.equals("hmac-sha512") ? 64 : 32];
            new SecureRandom().nextBytes(secret);
            return new TsigKey(name, algorithm, Base64.getEncoder().encodeToString(secret));
        }

        /** The same name and algorithm with another random secret: a key the server does not know. */
        public TsigKey withOtherSecret() {
            return random(name, algorithm);
        }

        /** The key as dnsjava signs with it. */
        public TSIG tsig() {
            return new TSIG(TSIG.algorithmToName(algorithm), absoluteName(name), secret);
        }

        /** Knot's {@code key:} section for this key. */
        String knotSection() {
            return "key:\n  - id: " + name + "\n    algorithm: " + algorithm + "\n    secret: " + secret + "\n";
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server serves and allows; {@link #start()} writes it down and starts Knot. */
    public static final class Builder {
        private final Map<String, String> zoneFiles = new LinkedHashMap<>();
        private final Map<String, List<String>> zoneAcls = new LinkedHashMap<>();
        private final List<String> sections = new ArrayList<>();

        private Builder() {
        }

        /**
         * A zone holding {@code records} (master-file lines, names relative to the zone) besides
         * a SOA (serial 1, negative TTL 300 s) and an NS record {@code ns1} with an address, so a
         * test gives only the records it is about.
         */
        public Builder zone(String zone, String records) {
            String origin = absoluteText(zone);
            return zoneFile(zone, "$ORIGIN " + origin + "\n"
                    + "$TTL 300\n"
                    + "@ SOA ns1." + origin + " hostmaster." + origin + " 1 3600 600 86400 300\n"
                    + "@ NS ns1." + origin + "\n"
                    + "ns1 A 127.0.0.1\n"
                    + records + "\n");
        }

        /** A zone whose whole master file is {@code text}, SOA and NS included. */
        public Builder zoneFile(String zone, String text) {
            zoneFiles.put(normalized(zone), text);
            return this;
        }

        /** A TSIG key the server knows (its {@code key:} section is written from it). */
        public Builder key(TsigKey key) {
            return config(key.knotSection());
        }

        /**
         * Knot {@code acl:} entries, as a whole section ({@code acl:} and its {@code - id:} items),
         * written into knot.conf as given. Knot accepts a section more than once, so several calls
         * add up.
         */
        public Builder acl(String aclSection) {
            if (!aclSection.startsWith("acl:")) {
                throw new IllegalArgumentException("An acl section starts with 'acl:', not: " + aclSection);
            }
            return config(aclSection);
        }

        /** Any other section of knot.conf, written as given (a {@code key:} section with its secret, say). */
        public Builder config(String section) {
            sections.add(section.endsWith("\n") ? section : section + "\n");
            return this;
        }

        /** The acl ids that {@code zone}'s entry names, in this order. */
        public Builder zoneAcl(String zone, String... aclIds) {
            zoneAcls.computeIfAbsent(normalized(zone), z -> new ArrayList<>()).addAll(List.of(aclIds));
            return this;
        }

        /**
         * Starts Knot and waits until every zone answers its SOA.
         *
         * @throws org.opentest4j.TestAbortedException (the test is skipped) when knotd is not installed
         * @throws AssertionError when Knot did not come up, with the end of its log
         */
        public KnotServer start() {
            if (zoneFiles.isEmpty()) {
                throw new IllegalStateException("A Knot server needs at least one zone.");
            }
            for (String zone : zoneAcls.keySet()) {
                if (!zoneFiles.containsKey(zone)) {
                    throw new IllegalStateException("The acl ids are for " + zone + ", which is no zone of this server.");
                }
            }
            Optional<Path> knotd = program("knotd");
            Assumptions.assumeTrue(knotd.isPresent(),
                    "Knot DNS (knotd) is not installed, so the tests against a real DNS server are skipped;"
                            + " install it with: apt-get install -y knot");
            Path folder;
            try {
                folder = Files.createTempDirectory("mailwright-knot-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AssertionError last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                KnotServer server = new KnotServer(knotd.get(), folder, Map.copyOf(zoneFiles));
                try {
                    server.startOn(freePort(), zoneAcls, sections);
                    return server;
                } catch (PortTakenException taken) {
                    // Another process bound the port between our check and Knot's start: another port.
                    server.stopProcess();
                    last = new AssertionError(taken.getMessage());
                } catch (RuntimeException | Error failed) {
                    server.close();
                    throw failed;
                }
            }
            deleteFolder(folder);
            throw last;
        }
    }

    private final Path knotd;
    private final Path folder;
    private final Map<String, String> zoneFiles;
    private Process process;
    private Thread shutdownHook;
    private int port;

    private KnotServer(Path knotd, Path folder, Map<String, String> zoneFiles) {
        this.knotd = knotd;
        this.folder = folder;
        this.zoneFiles = zoneFiles;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The folder of knot.conf, the zone files, the databases and the log. */
    public Path folder() {
        return folder;
    }

    /** The answer section's records of {@code type} at {@code name}, asked over TCP. */
    public List<Record> query(String name, int type) {
        return ask(name, type).getSection(Section.ANSWER).stream().filter(record -> record.getType() == type).toList();
    }

    /** The TXT records at {@code name}, each as its strings joined, in the order Knot gives them. */
    public List<String> txt(String name) {
        return query(name, Type.TXT).stream()
                .map(record -> ((TXTRecord) record).getStringsAsByteArrays().stream()
                        .map(octets -> new String(octets, java.nio.charset.StandardCharsets.UTF_8))
                        .collect(java.util.stream.Collectors.joining()))
                .toList();
    }

    /** The zone's SOA serial as Knot answers it now. */
    public long serial(String zone) {
        List<Record> soa = query(zone, Type.SOA);
        if (soa.size() != 1) {
            throw new AssertionError("Knot answered " + soa.size() + " SOA records for " + zone + ".");
        }
        return ((SOARecord) soa.get(0)).getSerial();
    }

    /** One question, asked over TCP; the whole response. */
    public Message ask(String name, int type) {
        try {
            Message query = Message.newQuery(Record.newRecord(absoluteName(name), type, DClass.IN));
            return resolver().send(query);
        } catch (IOException e) {
            throw new UncheckedIOException("Knot did not answer " + name + " " + Type.string(type) + ". " + log(), e);
        }
    }

    /** A resolver that asks this server over TCP. */
    public SimpleResolver resolver() {
        try {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getByName(HOST));
            resolver.setPort(port);
            resolver.setTCP(true);
            resolver.setTimeout(QUERY_TIMEOUT);
            return resolver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resolver that asks this server over TCP and signs with {@code key}. */
    public SimpleResolver resolver(TsigKey key) {
        SimpleResolver resolver = resolver();
        resolver.setTSIGKey(key.tsig());
        return resolver;
    }

    /** Sends {@code update} signed with {@code key} and returns Knot's response (its rcode and TSIG record). */
    public Message send(Message update, TsigKey key) {
        try {
            return resolver(key).send(update);
        } catch (IOException e) {
            throw new UncheckedIOException("Knot did not answer the update. " + log(), e);
        }
    }

    /** Writes the zone's journal into its zone file (knotc zone-flush, forced: zonefile-sync is -1), waiting until it is done. */
    public void flush(String zone) {
        Path knotc = program("knotc").orElseThrow(() -> new AssertionError("knotd is installed without knotc."));
        String output = run(List.of(knotc.toString(), "-c", config().toString(), "-b", "-f", "zone-flush", absoluteText(zone)));
        if (!output.contains("OK")) {
            throw new AssertionError("knotc zone-flush " + zone + " said: " + output);
        }
    }

    /** The zone file as Knot keeps it, after writing the changes so far into it. */
    public String zoneFileText(String zone) {
        flush(zone);
        try {
            return Files.readString(zoneFile(normalized(zone)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of Knot's log, for a failure message. */
    public String log() {
        try {
            String log = Files.readString(folder.resolve("knotd.log"), StandardCharsets.UTF_8);
            return "Knot's log" + (log.length() > LOG_SHOWN ? " (its end)" : "") + ":\n"
                    + log.substring(Math.max(0, log.length() - LOG_SHOWN));
        } catch (IOException e) {
            return "Knot's log could not be read: " + e.getMessage();
        }
    }

    /** Stops Knot and deletes its folder. */
    @Override
    public void close() {
        stopProcess();
        deleteFolder(folder);
    }

    private void startOn(int port, Map<String, List<String>> zoneAcls, List<String> sections) {
        this.port = port;
        try {
            Files.createDirectories(folder.resolve("zones"));
            // A new start (after a port was taken) begins from the zone files, not an earlier journal.
            deleteFolder(folder.resolve("db"));
            Files.createDirectories(folder.resolve("db"));
            Files.createDirectories(folder.resolve("run"));
            for (Map.Entry<String, String> zone : zoneFiles.entrySet()) {
                Files.writeString(zoneFile(zone.getKey()), zone.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(config(), knotConf(zoneAcls, sections), StandardCharsets.UTF_8);
            Path log = folder.resolve("knotd.log");
            Files.deleteIfExists(log);
            // In the foreground (no -d): a child process, ended with the test, never left behind as a daemon.
            process = new ProcessBuilder(knotd.toString(), "-c", config().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        shutdownHook = new Thread(started::destroyForcibly, "knotd-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady();
    }

    /** Waits until every zone answers its SOA, or fails with what Knot logged. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        List<String> waiting = new ArrayList<>(zoneFiles.keySet());
        while (true) {
            String log = logText();
            if (log.contains("cannot bind") || log.contains("Address already in use")) {
                throw new PortTakenException("Port " + port + " was taken before Knot could bind it. " + log());
            }
            if (!process.isAlive()) {
                throw new AssertionError("knotd ended (exit code " + process.exitValue() + ") before it answered. " + log());
            }
            waiting.removeIf(this::answersSoa);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Knot did not answer the SOA of " + waiting + " within " + READY_WAIT.toSeconds()
                        + " s. " + log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for Knot.", e);
            }
        }
    }

    private boolean answersSoa(String zone) {
        try {
            SimpleResolver resolver = resolver();
            resolver.setTimeout(Duration.ofMillis(500));
            Message response = resolver.send(Message.newQuery(Record.newRecord(absoluteName(zone), Type.SOA, DClass.IN)));
            return response.getRcode() == Rcode.NOERROR && !response.getSection(Section.ANSWER).isEmpty();
        } catch (IOException notYet) {
            return false;
        }
    }

    private String knotConf(Map<String, List<String>> zoneAcls, List<String> sections) {
        StringBuilder conf = new StringBuilder()
                .append("# Written by KnotServer for one test run.\n")
                .append("server:\n")
                .append("    rundir: \"").append(folder.resolve("run")).append("\"\n")
                .append("    listen: ").append(HOST).append('@').append(port).append('\n')
                // Tests ask little; fewer threads leave the build's cores to the build.
                .append("    udp-workers: 1\n")
                .append("    tcp-workers: 1\n")
                .append("    background-workers: 1\n")
                .append("database:\n")
                .append("    storage: \"").append(folder.resolve("db")).append("\"\n")
                .append("    journal-db-max-size: 64M\n")
                .append("    kasp-db-max-size: 16M\n")
                .append("    timer-db-max-size: 16M\n")
                .append("    catalog-db-max-size: 16M\n")
                .append("log:\n")
                // Debug, so a refused update's ACL decision is in the log a failure shows.
                .append("  - target: stderr\n")
                .append("    any: debug\n")
                .append("template:\n")
                .append("  - id: default\n")
                .append("    storage: \"").append(folder.resolve("zones")).append("\"\n")
                // Changes stay in the journal until flush() writes them, so a test reads a file Knot is not writing.
                .append("    zonefile-sync: -1\n")
                .append("    journal-content: changes\n");
        sections.forEach(conf::append);
        conf.append("zone:\n");
        for (String zone : zoneFiles.keySet()) {
            conf.append("  - domain: ").append(absoluteText(zone)).append('\n')
                    .append("    file: ").append(zone).append(".zone\n");
            List<String> acls = zoneAcls.getOrDefault(zone, List.of());
            if (!acls.isEmpty()) {
                conf.append("    acl: [").append(String.join(", ", acls)).append("]\n");
            }
        }
        return conf.toString();
    }

    private Path config() {
        return folder.resolve("knot.conf");
    }

    private Path zoneFile(String zone) {
        return folder.resolve("zones").resolve(zone + ".zone");
    }

    private String logText() {
        try {
            return Files.readString(folder.resolve("knotd.log"), StandardCharsets.UTF_8);
        } catch (IOException notYet) {
            return "";
        }
    }

    private void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it ends the process itself.
            }
            shutdownHook = null;
        }
    }

    /** {@code name} on PATH, else in the usual sbin folders (Debian puts knotd in /usr/sbin, off a user's PATH). */
    static Optional<Path> program(String name) {
        List<Path> folders = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    folders.add(Path.of(entry));
                }
            }
        }
        folders.addAll(SBIN);
        return folders.stream().map(folder -> folder.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** The output of a short command (knotc), which must end within 30 s. */
    private String run(List<String> command) {
        try {
            Process running = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 30 s.");
            }
            return new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command.get(0) + ".", e);
        }
    }

    /** A port free on 127.0.0.1 for both TCP and UDP when asked (Knot listens on both). */
    private static int freePort() {
        InetAddress loopback;
        try {
            loopback = InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, candidate))) {
                    return udp.getLocalPort();
                } catch (SocketException udpTaken) {
                    // Free for TCP only: another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("No port on " + HOST + " was free for both TCP and UDP.");
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is no test's failure.
        }
    }

    private static String normalized(String zone) {
        String lower = zone.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String absoluteText(String name) {
        return normalized(name) + ".";
    }

    private static Name absoluteName(String name) {
        try {
            return Name.fromString(absoluteText(name));
        } catch (TextParseException e) {
            throw new IllegalArgumentException(name + " is no DNS name.", e);
        }
    }

    /** Knot could not bind its port: another process took it after it was found free. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
