package org.mailwright.spf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.testdns.TestDnsServer;

/**
 * The SPF batch benchmark, run by hand (not a test): {@code mailwright spf eval --batch} over
 * 10,000 cases against the in-process test DNS server, reporting evaluations per second.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) org.mailwright.spf.SpfBatchBenchmark [CASES] [RUNS]
 * </pre>
 * Each run is a fresh {@code spf eval --batch} (its own resolver and cache) in this warm JVM; see
 * {@link #serve} to time the image's launcher, a cold process, instead.
 *
 * <p>The zone has 200 sending domains; each record has mx, a and ip4 terms and includes one of
 * 5 providers, whose records include 2 more each (so an evaluation makes 3 to 8 lookups and shared
 * includes come from the cache after the first time). Cases are a fixed pseudo-random mix of
 * passing, failing and HELO-only senders.
 */
public final class SpfBatchBenchmark {

    private static final int DOMAINS = 200;
    private static final int PROVIDERS = 5;

    private SpfBatchBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path batch = Files.createTempFile("spf-batch", ".tsv");
        Files.write(batch, cases(cases));
        try (TestDnsServer dns = TestDnsServer.start(senders(), providers())) {
            for (int run = 1; run <= runs; run++) {
                long started = System.nanoTime();
                CountingStream out = new CountingStream();
                int exit = MailwrightCommand.execute(new String[] {"spf", "eval", "--batch", batch.toString(),
                        "--server", dns.address().toString(), "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err, Map.of());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %d evaluations (%d result lines, exit %d) in %.2f s = %.0f evaluations/s, %d DNS queries%n",
                        run, cases, out.lines, exit, seconds, cases / seconds, dns.udpQueries() + dns.tcpQueries());
            }
        } finally {
            Files.deleteIfExists(batch);
        }
    }

    /**
     * {@code serve FILE SECONDS}: writes the 10,000 cases to FILE and serves the zone for SECONDS,
     * printing the server's address, so the image's own launcher can be timed against it:
     * {@code time target/image/bin/mailwright spf eval --batch FILE --server ADDRESS --json > /dev/null}
     */
    private static void serve(Path file, int seconds) throws IOException, InterruptedException {
        Files.write(file, cases(10_000));
        try (TestDnsServer dns = TestDnsServer.start(senders(), providers())) {
            System.out.println(dns.address());
            Thread.sleep(seconds * 1000L);
        }
    }

    private static String senders() {
        StringBuilder zone = new StringBuilder("$ORIGIN senders.test.\n$TTL 3600\n");
        for (int d = 0; d < DOMAINS; d++) {
            int provider = d % PROVIDERS;
            zone.append("d").append(d).append(" TXT \"v=spf1 mx a ip4:192.0.").append(d % 256)
                    .append(".0/28 include:_spf.p").append(provider).append(".test -all\"\n")
                    .append("d").append(d).append(" MX 10 mx.d").append(d).append('\n')
                    .append("d").append(d).append(" A 198.18.").append(d % 256).append(".1\n")
                    .append("mx.d").append(d).append(" A 198.18.").append(d % 256).append(".25\n")
                    .append("helo").append(d).append(" TXT \"v=spf1 a -all\"\n")
                    .append("helo").append(d).append(" A 198.19.").append(d % 256).append(".1\n");
        }
        return zone.toString();
    }

    private static String providers() {
        StringBuilder zone = new StringBuilder("$ORIGIN test.\n$TTL 3600\n");
        for (int p = 0; p < PROVIDERS; p++) {
            zone.append("_spf.p").append(p).append(" TXT \"v=spf1 include:_a.p").append(p).append(".test include:_b.p")
                    .append(p).append(".test ~all\"\n")
                    .append("_a.p").append(p).append(" TXT \"v=spf1 ip4:203.0.").append(p).append(".0/25 ~all\"\n")
                    .append("_b.p").append(p).append(" TXT \"v=spf1 ip6:2001:db8:").append(p).append("::/48 ip4:203.0.")
                    .append(p).append(".128/25 ~all\"\n");
        }
        return zone.toString();
    }

    /** Half the senders' own or providers' addresses (pass), a third strangers (fail), the rest HELO checks. */
    private static List<String> cases(int count) {
        Random random = new Random(7208);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int d = random.nextInt(DOMAINS);
            int kind = random.nextInt(6);
            String line = switch (kind) {
                case 0 -> "198.18." + d % 256 + ".25\tuser" + i + "@d" + d + ".senders.test\tmx.d" + d + ".senders.test";
                case 1, 2 -> "203.0." + d % PROVIDERS + "." + random.nextInt(256) + "\tuser" + i + "@d" + d + ".senders.test\tout.example";
                case 3, 4 -> "100.64." + random.nextInt(256) + "." + random.nextInt(256) + "\tuser" + i + "@d" + d + ".senders.test\tspam.example";
                default -> "198.19." + d % 256 + ".1\t\thelo" + d + ".senders.test";
            };
            lines.add(line);
        }
        return lines;
    }

    /** Counts the result lines and throws the bytes away. */
    private static final class CountingStream extends OutputStream {
        int lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
