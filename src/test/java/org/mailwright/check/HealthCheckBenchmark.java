package org.mailwright.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/**
 * The health check's benchmark (issue 12): a batch of domains against the in-process test DNS
 * server answering every query after a fixed latency, giving domains per second; and one domain
 * checked alone, giving its wall time over its critical path (the longest chain of lookups that
 * wait on each other, each costing the latency). Not a test: run it by hand.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) org.mailwright.check.HealthCheckBenchmark [DOMAINS] [LATENCY_MS] [CONCURRENCY]
 * java ... org.mailwright.check.HealthCheckBenchmark serve FILE SECONDS [DOMAINS] [LATENCY_MS]
 * </pre>
 *
 * <p>Each domain has its own zone with two name servers, two mail hosts, SPF including the
 * provider's record, a DKIM key, DMARC at reject and TLS-RPT; the provider's name servers, mail
 * hosts (with reverse names) and SPF include are shared by all, as a hosting provider's are.
 */
public final class HealthCheckBenchmark {

    private HealthCheckBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, NoSuchAlgorithmException {
        if (args.length >= 3 && args[0].equals("serve")) {
            int domains = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
            int latency = args.length > 4 ? Integer.parseInt(args[4]) : 20;
            Files.write(Path.of(args[1]), names(domains));
            try (TestDnsServer dns = server(domains, latency)) {
                System.out.println(dns.address());
                Thread.sleep(Integer.parseInt(args[2]) * 1000L);
            }
            return;
        }
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Path file = Files.createTempFile("check-batch", ".txt");
        Path data = Files.createTempDirectory("check-history");
        Files.write(file, names(domains));
        try (TestDnsServer dns = server(domains, latency)) {
            criticalPath(dns, latency);
            long started = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = MailwrightCommand.execute(new String[] {"check", "--file", file.toString(), "--server",
                    dns.address().toString(), "--ns-port", Integer.toString(dns.port()), "--dnsbl", "bl.bench.test",
                    "--concurrency", Integer.toString(concurrency), "--data-dir", data.toString(), "--json"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
            double seconds = (System.nanoTime() - started) / 1e9;
            long lines = out.toString(StandardCharsets.UTF_8).lines().count();
            long clean = out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("\"grade\":\"A\"")).count();
            System.out.printf(Locale.ROOT, "batch: %d domains (%d lines, %d graded A, exit %d) in %.2f s = %.1f domains/s, "
                    + "%d DNS queries, %d ms latency, concurrency %d%n", domains, lines, clean, exit, seconds,
                    domains / seconds, dns.udpQueries() + dns.tcpQueries(), latency, concurrency);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * One domain alone: its wall time, and its critical path as the server saw it, the number of
     * rounds of queries (a query asked within one latency of the round's first belongs to it)
     * times the latency.
     */
    private static void criticalPath(TestDnsServer dns, int latency) {
        CheckSettings settings = CheckSettings.defaults().withNameServerPort(dns.port())
                .withBlocklists(List.of(DomainName.of("bl.bench.test")));
        // Warm the JVM first (class loading, compilation): the ratio is about lookups, not start-up.
        for (int i = 1; i <= 30; i++) {
            checkAlone(dns, settings, String.format(Locale.ROOT, "d%05d.bench.test", i));
        }
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
            dns.rewriteReplies(reply -> {
                arrivals.add(System.nanoTime());
                return reply;
            });
            long wall = checkAlone(dns, settings, String.format(Locale.ROOT, "d%05d.bench.test", 100 + run));
            dns.rewriteReplies(reply -> reply);
            List<Long> sorted = new ArrayList<>(arrivals);
            sorted.sort(Long::compare);
            int rounds = 0;
            long roundStart = 0;
            for (long arrival : sorted) {
                if (rounds == 0 || arrival - roundStart >= latency * 1_000_000L * 9 / 10) {
                    rounds++;
                    roundStart = arrival;
                }
            }
            double path = rounds * (double) latency;
            ratios.add(wall / 1e6 / path);
            System.out.printf(Locale.ROOT, "one domain: %d queries in %d rounds, wall %.1f ms, critical path %.0f ms, ratio %.2f%n",
                    sorted.size(), rounds, wall / 1e6, path, wall / 1e6 / path);
        }
        ratios.sort(Double::compare);
        System.out.printf(Locale.ROOT, "one domain: median ratio of wall time to critical path %.2f over %d runs%n",
                ratios.get(ratios.size() / 2), ratios.size());
    }

    /** The one resolver service of the single-domain runs, as an application keeps one; each run is a fresh view of it. */
    private static final ResolverService SERVICE = new ResolverService(ResolverOptions.forCommand());

    /** The wall time of one domain's check, from nothing cached: a fresh view, as a check the user starts gets. */
    private static long checkAlone(TestDnsServer dns, CheckSettings settings, String domain) {
        long started = System.nanoTime();
        new HealthCheck(SERVICE.fresh(), dns.target(), settings, Clock.systemUTC()).check(DomainName.of(domain)).join();
        return System.nanoTime() - started;
    }

    private static List<String> names(int domains) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < domains; i++) {
            names.add(String.format(Locale.ROOT, "d%05d.bench.test", i));
        }
        return names;
    }

    private static TestDnsServer server(int domains, int latency) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        List<String> zones = new ArrayList<>();
        zones.add("""
                $ORIGIN provider.test.
                $TTL 3600
                ns1  A   127.0.0.1
                ns2  A   127.0.0.1
                mx1  A   192.0.2.1
                mx2  A   192.0.2.2
                _spf TXT "v=spf1 ip4:192.0.2.0/24 -all"
                """);
        zones.add("$ORIGIN 2.0.192.in-addr.arpa.\n1 PTR mx1.provider.test.\n2 PTR mx2.provider.test.\n");
        zones.add("$ORIGIN bl.bench.test.\n");
        zones.add("$ORIGIN bench.test.\n");
        for (String name : names(domains)) {
            zones.add("$ORIGIN " + name + ".\n$TTL 3600\n"
                    + "@ SOA ns1.provider.test. hostmaster.provider.test. 2026120601 3600 600 86400 300\n"
                    + "@ NS ns1.provider.test.\n@ NS ns2.provider.test.\n"
                    + "@ MX 10 mx1.provider.test.\n@ MX 20 mx2.provider.test.\n"
                    + "@ TXT \"v=spf1 include:_spf.provider.test -all\"\n"
                    + "_dmarc TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@" + name + "\"\n"
                    + "_smtp._tls TXT \"v=TLSRPTv1; rua=mailto:tls@" + name + "\"\n"
                    + "s1._domainkey TXT ( \"v=DKIM1; k=rsa; p=" + key.substring(0, 200) + "\" \"" + key.substring(200) + "\" )\n");
        }
        TestDnsServer dns = TestDnsServer.start(zones.toArray(String[]::new));
        dns.setLatency(Duration.ofMillis(latency));
        return dns;
    }
}
