package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** check_host() as an admin meets it: which term matched, how many lookups, and a trace to read. */
class SpfEvaluatorTest {

    static final String ZONE = """
            $ORIGIN example.test.
            @            TXT "v=spf1 mx include:_spf.provider.test ip6:2001:db8:1::/48 exp=why.%{d} -all"
            @            MX  10 mail
            mail         A   192.0.2.25
            why          TXT "%{i} is not one of our senders; see https://%{d}/spf"
            helo         TXT "v=spf1 a -all"
            helo         A   192.0.2.99
            soft         TXT "v=spf1 redirect=example.test"
            """;

    static final String PROVIDER = """
            $ORIGIN provider.test.
            _spf         TXT "v=spf1 ip4:198.51.100.0/24 ~all"
            """;

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)));

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void aRequestChecksTheDomainOfItsSenderHoweverItIsWritten() {
        DomainName domain = DomainName.of("bücher.test");

        assertTrue(SpfRequest.of("192.0.2.1", "alice@BÜCHER.test.", "").checks(domain));
        assertTrue(SpfRequest.of("192.0.2.1", "alice@xn--bcher-kva.test", "").checks(domain));
        assertTrue(SpfRequest.of("192.0.2.1", "", "bücher.test").checks(domain), "a bounce checks the HELO name");
        assertFalse(SpfRequest.of("192.0.2.1", "alice@other.test", "").checks(domain));
        assertFalse(SpfRequest.of("192.0.2.1", "alice@", "").checks(domain));
    }

    @Test
    void aPassThroughAnIncludeNamesTheIncludeAndTheMechanismInsideIt() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            SpfEvaluation evaluation = evaluate(dns, "198.51.100.7", "alice@example.test", "mx.out.test");

            assertEquals(SpfResult.PASS, evaluation.result());
            assertEquals(List.of(new MatchedTerm("example.test", "include:_spf.provider.test", 0),
                    new MatchedTerm("_spf.provider.test", "ip4:198.51.100.0/24", 1)), evaluation.matched());
            assertEquals(2, evaluation.lookups());
            assertEquals("", evaluation.explanation());
            String trace = trace(evaluation);
            assertTrue(trace.contains("mx: MX example.test gave 10 mail.example.test."), trace);
            assertTrue(trace.contains("  TXT records of _spf.provider.test: \"v=spf1 ip4:198.51.100.0/24 ~all\"."), trace);
            assertTrue(trace.contains("  ip4:198.51.100.0/24 matches, so the result is pass."), trace);
            assertTrue(trace.endsWith("Result for example.test: pass."), trace);
        }
    }

    @Test
    void aFailIsExplainedByTheDomainsExpRecordWithItsMacrosExpanded() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            SpfEvaluation evaluation = evaluate(dns, "203.0.113.9", "alice@example.test", "mx.out.test");

            assertEquals(SpfResult.FAIL, evaluation.result());
            assertEquals("203.0.113.9 is not one of our senders; see https://example.test/spf", evaluation.explanation());
            assertEquals(Optional.of(evaluation.explanation()), evaluation.domainExplanation());
            assertEquals("-all", evaluation.mechanism().orElseThrow().term());
        }
    }

    @Test
    void anIpv6ClientIsMatchedByIp6AndRedirectCarriesTheResultOver() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            SpfEvaluation evaluation = evaluate(dns, "2001:db8:1::25", "bob@soft.example.test", "");

            assertEquals(SpfResult.PASS, evaluation.result());
            assertEquals(List.of("redirect=example.test", "ip6:2001:db8:1::/48"),
                    evaluation.matched().stream().map(MatchedTerm::term).toList());
        }
    }

    @Test
    void anEmptyMailFromChecksTheHeloIdentity() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            SpfEvaluation pass = evaluate(dns, "192.0.2.99", "", "helo.example.test");
            SpfEvaluation fail = evaluate(dns, "192.0.2.98", "<>", "helo.example.test");

            assertEquals(SpfResult.PASS, pass.result());
            assertEquals(SpfRequest.Identity.HELO, pass.request().identity());
            assertEquals("postmaster@helo.example.test", pass.request().sender());
            assertEquals(SpfResult.FAIL, fail.result());
            assertEquals("helo.example.test does not designate 192.0.2.98 as a permitted sender", fail.explanation());
            assertEquals(Optional.empty(), fail.domainExplanation(), "the default is not the domain's word");
        }
    }

    @Test
    void aDraftRecordIsTestedWithoutPublishingIt() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            SpfRequest request = SpfRequest.of("203.0.113.9", "alice@example.test", "");
            SpfEvaluation evaluation = new SpfEvaluator(resolver, dns.target())
                    .evaluate(request, "v=spf1 ip4:203.0.113.0/24 -all").join();

            assertEquals(SpfResult.PASS, evaluation.result());
            assertEquals("ip4:203.0.113.0/24", evaluation.mechanism().orElseThrow().term());
        }
    }

    @Test
    void aSharedIncludeIsFetchedOnceThanksToTheCache() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER)) {
            evaluate(dns, "198.51.100.7", "alice@example.test", "");
            int afterFirst = dns.udpQueries();
            SpfEvaluation again = evaluate(dns, "198.51.100.8", "carol@example.test", "");

            assertEquals(SpfResult.PASS, again.result());
            assertEquals(afterFirst, dns.udpQueries(), "the second evaluation is answered from the cache");
        }
    }

    @Test
    void aSilentServerGivesTemperrorSayingWhichLookupFailed() {
        ResolverService impatient = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(200)).withRetries(0));
        try (TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER); impatient) {
            dns.silenceName("mail.example.test");
            SpfEvaluation evaluation = new SpfEvaluator(impatient, dns.target())
                    .evaluate(SpfRequest.of("198.51.100.7", "alice@example.test", "")).join();

            assertEquals(SpfResult.TEMPERROR, evaluation.result());
            assertTrue(trace(evaluation).contains("mx: the A lookup of mail.example.test failed, so the result is temperror"),
                    trace(evaluation));
            assertTrue(evaluation.trace().stream().anyMatch(step -> step.text(Locale.forLanguageTag("es"))
                    .contains("así que el resultado es temperror")));
        }
    }

    private SpfEvaluation evaluate(TestDnsServer dns, String ip, String mailFrom, String helo) {
        return new SpfEvaluator(resolver, dns.target()).evaluate(SpfRequest.of(ip, mailFrom, helo)).join();
    }

    static String trace(SpfEvaluation evaluation) {
        return evaluation.trace().stream()
                .map(step -> "  ".repeat(step.depth()) + step.text(Locale.ENGLISH))
                .collect(Collectors.joining("\n"));
    }
}
