package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.findings.SpfFinding;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

class SpfLinterTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    static final String ZONE = """
            $ORIGIN example.test.
            good        TXT "v=spf1 mx ip4:192.0.2.0/24 include:_spf.mail.test -all"
            good        MX  10 mx1.good
            mx1.good    A   192.0.2.25
            heavy       TXT "v=spf1 mx include:_spf.mail.test include:big.mail.test include:_spf.mail.test ptr a:gone.example.test ?all"
            heavy       MX  10 mx1.heavy
            heavy       MX  20 mx2.heavy
            mx1.heavy   A   192.0.2.25
            mx1.heavy   AAAA 2001:db8::25
            mx2.heavy   A   198.51.100.80
            loop        TXT "v=spf1 include:loop2.example.test -all"
            loop2       TXT "v=spf1 include:loop.example.test ~all"
            twice       TXT "v=spf1 -all"
            twice       TXT "v=spf1 +all"
            bad         TXT "v=spf1 ip4:2001:db8::1 -all"
            typo        TXT "v=spf1 inclde:_spf.mail.test -all"
            nothing     TXT "google-site-verification=abc"
            open        TXT "v=spf1 a redirect=good.example.test +all"
            open        A   192.0.2.7
            manymx      TXT "v=spf1 mx -all"
            manymx      MX  1 m.example.test.
            manymx      MX  2 m.example.test.
            manymx      MX  3 m.example.test.
            manymx      MX  4 m.example.test.
            manymx      MX  5 m.example.test.
            manymx      MX  6 m.example.test.
            manymx      MX  7 m.example.test.
            manymx      MX  8 m.example.test.
            manymx      MX  9 m.example.test.
            manymx      MX  10 m.example.test.
            manymx      MX  11 m.example.test.
            """;

    static final String PROVIDER = """
            $ORIGIN mail.test.
            _spf        TXT "v=spf1 include:_a.mail.test include:_b.mail.test ~all"
            _a          TXT "v=spf1 ip4:203.0.113.0/25 ~all"
            _b          TXT "v=spf1 ip4:203.0.113.128/25 a:out.mail.test ~all"
            out         A   203.0.113.200
            big         TXT "v=spf1 a mx exists:%{i}.rbl.mail.test ~all"
            big         A   203.0.113.1
            """;

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)));

    private final TestDnsServer dns = TestDnsServer.start(ZONE, PROVIDER);

    @AfterEach
    void close() {
        dns.close();
        resolver.close();
    }

    @Test
    void aGoodRecordPassesWithItsLookupTree() {
        SpfLintReport report = lint("good.example.test");

        assertEquals(List.of("spf.valid"), ids(report));
        assertEquals(5, report.lookups());
        assertFalse(report.hasErrors());
        assertEquals("""
                good.example.test  5/10
                ├─ mx  1
                └─ include:_spf.mail.test  4
                   ├─ include:_a.mail.test  1
                   └─ include:_b.mail.test  2
                      └─ a:out.mail.test  1""", report.tree().render(10));
        assertEquals("The SPF record of good.example.test is valid and uses 5 of 10 DNS lookups.",
                report.findings().get(0).message(Locale.ENGLISH));
    }

    @Test
    void tooManyLookupsShowsTheCountAndWhereTheyGo() {
        SpfLintReport report = lint("heavy.example.test");

        assertEquals(15, report.lookups());
        Finding tooMany = report.findings("spf.too-many-lookups").get(0);
        assertEquals(Severity.ERROR, tooMany.severity());
        assertEquals("The record needs 15 DNS lookups; receivers stop at 10 (15/10): mx 1, include:_spf.mail.test 4, "
                + "include:big.mail.test 4, include:_spf.mail.test 4, ptr 1, a:gone.example.test 1.", tooMany.message(Locale.ENGLISH));
        assertTrue(tooMany.message(SPANISH).startsWith("El registro necesita 15 consultas DNS"), tooMany.message(SPANISH));
        assertEquals(List.of("_spf.mail.test", 2), report.findings("spf.duplicate-include").get(0).arguments());
        assertEquals(1, report.findings("spf.ptr-used").size());
        assertEquals(1, report.findings("spf.neutral-all").size());
        Finding voids = report.findings("spf.void-lookups").get(0);
        assertEquals(Severity.WARNING, voids.severity());
        assertEquals(List.of(2, 2, "mx, a:gone.example.test"), voids.arguments(), "big.mail.test has no MX; gone has no address");
        assertTrue(report.tree().render(10).contains("""
                ├─ include:big.mail.test  4
                │  ├─ a  1
                │  ├─ mx  1
                │  └─ exists:%{i}.rbl.mail.test  1  (dynamic)"""), report.tree().render(10));
    }

    @Test
    void aRecordIsAsBadAsItsWorstFindingNeverPassWithAnErrorOrAWarning() {
        assertEquals(Severity.ERROR, lint("heavy.example.test").worstSeverity(), "15 of 10 lookups");
        assertTrue(lint("heavy.example.test").has(SpfFinding.TOO_MANY_LOOKUPS));
        assertEquals(Severity.WARNING, new SpfLinter(resolver, dns.target())
                .lint("good.example.test", "v=spf1 mx ip4:192.0.2.0/24 ?all").join().worstSeverity(), "?all alone is a warning");
        SpfLintReport good = lint("good.example.test");
        assertEquals(Severity.PASS, good.worstSeverity());

        SpfLintReport flattened = good.with(SpfFinding.FLATTENED.of("include:_spf.mail.test", 300));

        assertEquals(List.of("spf.flattened"), ids(flattened), "a warning from outside the linter takes the pass away");
        assertEquals(Severity.WARNING, flattened.worstSeverity());
        assertEquals(List.of("spf.record-long", "spf.valid"),
                ids(good.with(SpfFinding.RECORD_LONG.of(460, 450))), "information leaves the pass, after it by severity");
    }

    @Test
    void mxHostsTheRecordDoesNotAuthorizeAreFoundByEvaluatingEachAddress() {
        SpfLintReport report = new SpfLinter(resolver, dns.target())
                .lint("heavy.example.test", "v=spf1 ip4:192.0.2.25 -all").join();

        assertEquals(List.of("mx2.heavy.example.test", "198.51.100.80", "fail"),
                report.findings("spf.mail-host-uncovered").get(0).arguments());
        assertEquals(List.of("mx1.heavy.example.test", "2001:db8::25", "fail"),
                report.findings("spf.ipv6-uncovered").get(0).arguments());
        assertEquals(2, report.findings().size(), ids(report).toString());
    }

    @Test
    void loopsAndMissingOrDuplicateRecordsAreErrors() {
        assertTrue(lint("loop.example.test").findings("spf.include-loop").get(0).message(Locale.ENGLISH)
                .contains("loop.example.test → loop2.example.test → loop.example.test"));
        assertEquals(List.of("spf.missing"), ids(lint("nothing.example.test")));
        assertEquals(List.of("spf.multiple-records"), ids(lint("twice.example.test")));
        SpfLintReport open = lint("open.example.test");
        assertTrue(ids(open).containsAll(List.of("spf.plus-all", "spf.redirect-with-all")), ids(open).toString());
        assertEquals(1, open.lookups(), "a redirect after all is never reached and costs nothing");
    }

    @Test
    void syntaxErrorsAreNamedWithTheirReasonInTheUsersLanguage() {
        Finding typo = lint("typo.example.test").findings("spf.syntax").get(0);
        assertEquals("The term \"inclde:_spf.mail.test\" at position 8 is invalid: \"inclde:_spf.mail.test\" is neither a mechanism "
                + "(all, include, a, mx, ptr, ip4, ip6, exists) nor a modifier (name=value).", typo.message(Locale.ENGLISH));
        assertTrue(typo.message(SPANISH).contains("no es un mecanismo"), typo.message(SPANISH));

        Finding family = lint("bad.example.test").findings("spf.wrong-ip-family").get(0);
        assertEquals("Write it as ip6:2001:db8::1.", family.fix(Locale.ENGLISH));
    }

    @Test
    void anMxWithMoreThanTenHostsIsAnError() {
        assertEquals(List.of("mx", "manymx.example.test", 11, 10), lint("manymx.example.test").findings("spf.mx-too-many-hosts").get(0).arguments());
    }

    @Test
    void aLongDraftMustBeSplitIntoStrings() {
        String draft = "v=spf1 " + "ip4:192.0.2.1 ".repeat(40) + "-all";
        SpfLintReport report = new SpfLinter(resolver, dns.target()).lint("nothing.example.test", draft).join();

        assertEquals(Severity.WARNING, report.findings("spf.string-too-long").get(0).severity());
        assertEquals(List.of(draft.length(), 512), report.findings("spf.record-too-long").get(0).arguments());
    }

    private SpfLintReport lint(String domain) {
        return new SpfLinter(resolver, dns.target()).lint(domain).join();
    }

    private static List<String> ids(SpfLintReport report) {
        return report.findings().stream().map(Finding::id).toList();
    }
}
