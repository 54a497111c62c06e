package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.TxtStrings;
import org.mailwright.findings.Finding;
import org.mailwright.findings.SpfFinding;
import org.mailwright.testdns.TestDnsServer;

/**
 * The SPF cases of issue 11, as an attacker would try them: names in DNS answers and in the
 * client's own data that are no valid names, records far larger than any real one, silent name
 * servers. Each ends in an RFC 7208 result or a finding, never an exception, within its deadline.
 */
class SpfHostileInputTest {

    /** A stack far smaller than any thread's default: recursion on the record's size overflows it. */
    private static final long SMALL_STACK = 192 * 1024;

    private final ResolverService resolver =
            new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void aPtrNameWithAnEscapedDotIsSkippedAndTheNextNameStillValidates() {
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN y.
                pz      TXT "v=spf1 ptr:pz.y -all"
                mail.pz A   192.0.2.1
                """, """
                $ORIGIN 2.0.192.in-addr.arpa.
                1       PTR a\\.\\..pz.y.
                1       PTR mail.pz.y.
                """)) {
            SpfEvaluation evaluation = evaluate(dns, "192.0.2.1", "alice@pz.y");

            assertEquals(SpfResult.PASS, evaluation.result(), trace(evaluation));
            assertTrue(trace(evaluation).contains("\"a\\.\\..pz.y.\" is not a host name (an escaped dot or an odd character), so it is skipped."),
                    trace(evaluation));
        }
    }

    @Test
    void anExistsTargetFromALocalPartThatIsNoValidLabelDoesNotMatch() {
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN y.
                ex          TXT "v=spf1 exists:%{l}.x.y -all"
                foo+bar.x   A   127.0.0.2
                """)) {
            for (String localPart : List.of("Ā b", "a".repeat(64), "a..b", "ü\\", "\u0000", "(ÿÿĀ.(")) {
                SpfEvaluation evaluation = evaluate(dns, "192.0.2.1", localPart + "@ex.y");

                assertEquals(SpfResult.FAIL, evaluation.result(), localPart + ": " + trace(evaluation));
            }
            assertEquals(SpfResult.PASS, evaluate(dns, "192.0.2.1", "foo+bar@ex.y").result(),
                    "a local part that is a label DNS can carry is looked up as it is (RFC 7208 section 7.3)");
        }
    }

    @Test
    void anInternationalSenderDomainIsLookedUpInItsALabelForm() {
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN xn--bcher-kva.test.
                @       TXT "v=spf1 a:mail.bücher.test -all"
                mail    A   192.0.2.1
                """.replace("bücher", "xn--bcher-kva"))) {
            assertEquals(SpfResult.PASS, evaluate(dns, "192.0.2.1", "alice@bücher.test").result());
            assertEquals(SpfResult.PASS, evaluate(dns, "192.0.2.1", "alice@BÜCHER.test").result());
            assertEquals(SpfResult.FAIL, evaluate(dns, "192.0.2.2", "alice@bücher.test").result());
        }
    }

    @Test
    void twoThousandIp4TermsOverTcpArePermerrorNamingTheBound() {
        String record = "v=spf1 " + IntStream.range(0, 2000).mapToObj(i -> "ip4:10.0." + i / 256 + "." + i % 256)
                .collect(Collectors.joining(" ")) + " -all";
        assertTrue(record.length() > 25_000, "about 28 KB, as in the issue");
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("big.test", record))) {
            SpfEvaluation evaluation = evaluate(dns, "10.0.1.1", "alice@big.test");

            assertEquals(SpfResult.PERMERROR, evaluation.result());
            assertTrue(trace(evaluation).contains("Mailwright reads records of at most 16,384"), trace(evaluation));
            assertTrue(dns.tcpQueries() > 0, "the answer came over TCP");

            SpfLintReport report = lint(dns, "big.test");
            assertTrue(report.findings(SpfFinding.SYNTAX.id()).get(0).message(Locale.ENGLISH)
                    .contains("Mailwright reads records of at most 16,384"), report.findings().toString());
        }
    }

    @Test
    void threeThousandExistsTermsArePermerrorNamingTheBound() {
        String record = "v=spf1 " + IntStream.range(0, 3000).mapToObj(i -> "exists:" + i + ".e.test")
                .collect(Collectors.joining(" ")) + " -all";
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("e.test", record))) {
            SpfEvaluation evaluation = evaluate(dns, "192.0.2.1", "alice@e.test");

            assertEquals(SpfResult.PERMERROR, evaluation.result());
            assertTrue(lint(dns, "e.test").has(SpfFinding.SYNTAX));
        }
    }

    @Test
    void aRecordOfTheMostTermsIsEvaluatedInALoopNotByRecursion() {
        String draft = "v=spf1 " + IntStream.range(0, SpfRecord.MAX_TERMS - 1).mapToObj(i -> "ip4:10.0." + i / 256 + "." + i % 256)
                .collect(Collectors.joining(" ")) + " -all";
        assertEquals(SpfRecord.MAX_TERMS, SpfRecord.parse(draft).terms().size());
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("loop.test", "v=spf1 -all"))) {
            SpfEvaluator evaluator = new SpfEvaluator(resolver, dns.target());
            SpfRequest request = SpfRequest.of("192.0.2.1", "alice@loop.test", "");

            SpfEvaluation evaluation = onSmallStack(() -> evaluator.evaluate(request, draft)).join();

            assertEquals(SpfResult.FAIL, evaluation.result());
            assertEquals("-all", evaluation.mechanism().orElseThrow().term());
            assertEquals(SpfResult.PERMERROR, evaluator.evaluate(request, draft.replace(" -all", " ip4:10.9.9.9 -all")).join().result(),
                    "one term more than the bound is refused");
        }
    }

    @Test
    void aRecordOfTheMostTermsIsLintedInALoopNotByRecursion() {
        // Each a: target has an empty label, so nothing is asked: the whole walk runs on the calling thread.
        String draft = "v=spf1 " + "a:x..y ".repeat(SpfRecord.MAX_TERMS - 1) + "-all";
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("loop.test", "v=spf1 -all"))) {
            SpfLinter linter = new SpfLinter(resolver, dns.target());

            SpfLintReport report = onSmallStack(() -> linter.lint("loop.test", draft)).join();

            assertEquals(SpfRecord.MAX_TERMS - 1, report.lookups());
            assertTrue(report.has(SpfFinding.TOO_MANY_LOOKUPS));
            assertTrue(report.has(SpfFinding.TOO_MANY_VOID_LOOKUPS));
        }
    }

    @Test
    void anEscapedDotInTheDomainsOwnMxHostIsSkippedByLintAndEval() {
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN example.test.
                @       TXT "v=spf1 mx -all"
                @       MX  10 a\\.\\..example.test.
                @       MX  20 mail
                mail    A   192.0.2.25
                """)) {
            SpfLintReport report = lint(dns, "example.test");

            assertTrue(report.has(SpfFinding.VALID), report.findings().toString());
            assertEquals(SpfResult.PASS, evaluate(dns, "192.0.2.25", "alice@example.test").result());
        }
    }

    @Test
    void fortySilentTermsAreNamedAsTimeoutsWellWithinTheDeadline() {
        String record = "v=spf1 " + IntStream.rangeClosed(1, 40).mapToObj(i -> "a:s" + i + ".example.test")
                .collect(Collectors.joining(" ")) + " -all";
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("example.test", record))) {
            IntStream.rangeClosed(1, 40).forEach(i -> dns.silenceName("s" + i + ".example.test"));
            long started = System.nanoTime();

            SpfLintReport report = new SpfLinter(resolver, dns.target(), Duration.ofSeconds(10)).lint("example.test").join();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "the terms are asked at once: " + took);
            Finding timeouts = report.findings(SpfFinding.LOOKUP_TIMEOUT.id()).get(0);
            assertTrue(timeouts.message(Locale.ENGLISH).startsWith("No answer came in time for these 40 lookups: a:s1.example.test (A s1.example.test), "),
                    timeouts.message(Locale.ENGLISH));
        }
    }

    @Test
    void aLintOfSilentIncludesEndsAtItsDeadline() {
        String record = "v=spf1 " + IntStream.rangeClosed(1, 10).mapToObj(i -> "include:s" + i + ".example.test")
                .collect(Collectors.joining(" ")) + " -all";
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("example.test", record));
             ResolverService patient = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofSeconds(10)))) {
            IntStream.rangeClosed(1, 10).forEach(i -> dns.silenceName("s" + i + ".example.test"));
            long started = System.nanoTime();

            SpfLintReport report = new SpfLinter(patient, dns.target(), Duration.ofMillis(1200)).lint("example.test").join();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofMillis(3000)) < 0, "each lookup would wait 20 s; the deadline is 1.2 s: " + took);
            assertEquals(10, report.findings(SpfFinding.DNS_ERROR.id()).size(), report.findings().toString());
            assertEquals("The TXT lookup of s1.example.test failed (no answer).",
                    report.findings(SpfFinding.DNS_ERROR.id()).get(0).message(Locale.ENGLISH));
            // The outcome in the finding's own language, never its code.
            assertEquals("La consulta TXT de s1.example.test falló (sin respuesta).",
                    report.findings(SpfFinding.DNS_ERROR.id()).get(0).message(Locale.forLanguageTag("es")));
        }
    }

    @Test
    void anEvaluationPastItsDeadlineIsTemperror() {
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("example.test", "v=spf1 include:slow.example.test -all"));
             ResolverService patient = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofSeconds(10)))) {
            dns.silenceName("slow.example.test");
            long started = System.nanoTime();

            SpfEvaluation evaluation = new SpfEvaluator(patient, dns.target(), "unknown", Clock.systemUTC(), Duration.ofMillis(800))
                    .evaluate(SpfRequest.of("192.0.2.1", "alice@example.test", "")).join();

            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
            assertEquals(SpfResult.TEMPERROR, evaluation.result());
            assertTrue(trace(evaluation).contains("No answer within the time an evaluation may take (800 ms), so the result is temperror"),
                    trace(evaluation));
        }
    }

    @Test
    void aLintOfAHugeTreeStopsAtItsBudgetAndSaysSo() {
        String record = "v=spf1 " + IntStream.range(0, 150).mapToObj(i -> "exists:e" + i + ".example.test")
                .collect(Collectors.joining(" ")) + " -all";
        try (TestDnsServer dns = TestDnsServer.start(zoneWith("example.test", record))) {
            SpfLintReport report = lint(dns, "example.test");

            assertEquals(150, report.lookups());
            Finding incomplete = report.findings(SpfFinding.CHECK_INCOMPLETE.id()).get(0);
            assertEquals("The record's tree needs more than the 100 lookups one check makes, so 50 terms were counted but not looked up.",
                    incomplete.message(Locale.ENGLISH));
            assertEquals(50, report.lookupTree().orElseThrow().children().stream()
                    .filter(node -> node.status() == LookupNode.Status.UNCHECKED).count());
        }
    }

    @Test
    void aMacroOfALongSenderRepeatedInARecordBuildsOnlyTheNameItEndsIn() {
        MacroContext context = new MacroContext("x".repeat(4000) + "@example.test", "x".repeat(4000), "example.test",
                "example.test", IpText.parseAddress("192.0.2.1"), "helo", null, 0, null);
        MacroString spec = MacroString.parse("%{l}.".repeat(2000) + "example.test", MacroString.Use.DOMAIN_SPEC);

        String name = spec.expandDomain(context);

        assertEquals("example.test", name, "every label of 4,000 characters is cut, as section 7.3 cuts from the left");
        MacroString text = MacroString.parse("%{s} ".repeat(2000), MacroString.Use.EXPLANATION);
        assertEquals(MacroString.MAX_EXPLANATION, text.expand(context).length());
    }

    private SpfEvaluation evaluate(TestDnsServer dns, String ip, String mailFrom) {
        return new SpfEvaluator(resolver, dns.target()).evaluate(SpfRequest.of(ip, mailFrom, "helo.test")).join();
    }

    private SpfLintReport lint(TestDnsServer dns, String domain) {
        return new SpfLinter(resolver, dns.target()).lint(domain).join();
    }

    private static String trace(SpfEvaluation evaluation) {
        return evaluation.trace().stream().map(step -> step.text(Locale.ENGLISH)).collect(Collectors.joining("\n"));
    }

    /** A zone with {@code record} as the TXT record of its apex, cut into strings as a zone file must. */
    private static String zoneWith(String origin, String record) {
        String strings = TxtStrings.split(record).stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" "));
        return "$ORIGIN " + origin + ".\n@ TXT " + strings + "\n";
    }

    /** Runs {@code start} on a thread with {@link #SMALL_STACK}; what it returns, or its failure, comes back. */
    private static <T> CompletableFuture<T> onSmallStack(Supplier<CompletableFuture<T>> start) {
        AtomicReference<CompletableFuture<T>> started = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                started.set(start.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertFalse(thrown.get() != null, () -> "the evaluation threw on a small stack: " + thrown.get());
        return started.get();
    }
}
