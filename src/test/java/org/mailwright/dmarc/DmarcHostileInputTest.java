package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.DmarcFinding;
import org.mailwright.findings.Finding;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.testdns.TestDnsServer;

/** The DMARC cases of issue 11: report hosts no DNS name can be, names too long to ask, international names. */
class DmarcHostileInputTest {

    /** A destination host of 239 characters in four labels: valid alone, too long inside _report._dmarc. */
    private static final String LONG_HOST = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(51) + ".test";

    private final ResolverService resolver =
            new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));

    @AfterEach
    void close() {
        resolver.close();
    }

    @Test
    void aReportHostOfThreeThousandLabelsIsRefusedWithoutOverflowingTheStack() {
        String host = "a.".repeat(3000) + "test";

        assertEquals(Optional.empty(), ReportUri.parse("mailto:d@" + host));
        DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=reject; rua=mailto:d@" + host + ",mailto:ok@example.test");
        assertEquals(List.of("mailto:ok@example.test"), record.aggregateReportUris().stream().map(ReportUri::toString).toList(),
                "the other destination is still read");
        assertTrue(record.problems().stream().anyMatch(problem -> problem.kind() == SyntaxProblem.Kind.BAD_URI));
        assertTrue(DmarcLinter.recordFindings(record, PolicyScope.DOMAIN).stream().anyMatch(f -> f.type() == DmarcFinding.SYNTAX));
    }

    @Test
    void aReportHostOf239CharactersIsFineButItsAuthorizationNameIsTooLongAndTheFindingSaysSo() {
        assertEquals(239, LONG_HOST.length());
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN example.test.
                _dmarc  TXT "v=DMARC1; p=reject; rua=mailto:d@" "%s"
                """.formatted(LONG_HOST), """
                $ORIGIN %s.
                @       MX  10 mail.example.test.
                """.formatted(LONG_HOST))) {
            DmarcReport report = new DmarcLinter(resolver, dns.target()).lint("example.test").join();

            Finding tooLong = report.findings().stream().filter(f -> f.type() == DmarcFinding.AUTHORIZATION_NAME_TOO_LONG)
                    .findFirst().orElseThrow(() -> new AssertionError(report.findings().toString()));
            assertEquals("Receivers cannot check that mailto:d@" + LONG_HOST + " accepts your reports: the name they would ask, "
                    + "example.test._report._dmarc." + LONG_HOST + ", is 267 characters long, more than the 253 a DNS name may have.",
                    tooLong.message(Locale.ENGLISH));
            assertTrue(report.findings().stream().noneMatch(f -> f.type() == DmarcFinding.RUA_NO_MX), "its mailbox receives mail");
        }
    }

    @Test
    void aDomainOf250CharactersIsLintedAndItsPolicyFoundAboveIt() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(62) + ".test";
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN test.
                %s.  TXT "v=spf1 -all"
                _dmarc.%s.  TXT "v=DMARC1; p=reject; rua=mailto:d@%s"
                """.formatted(domain, "d".repeat(62) + ".test", "d".repeat(62) + ".test"))) {
            DmarcReport report = new DmarcLinter(resolver, dns.target()).lint(domain).join();

            assertEquals(DiscoveredPolicy.Source.ORGANIZATIONAL_DOMAIN, report.policy().source(),
                    "_dmarc below a 250-character name cannot exist, so the walk goes on up: " + report.findings());
            assertEquals(Optional.of(Policy.REJECT), report.policy().requestedPolicy());
        }
    }

    @Test
    void anInternationalReportDomainIsReadInItsALabelForm() {
        ReportUri uri = ReportUri.parse("mailto:dmarc@b%C3%BCcher.test").orElseThrow();

        assertEquals("xn--bcher-kva.test", uri.host());
        assertEquals("dmarc@bücher.test", uri.address());
    }

    @Test
    void anInternationalDomainIsLookedUpInItsALabelFormForItsSenders() {
        try (TestDnsServer dns = TestDnsServer.start("""
                $ORIGIN xn--bcher-kva.test.
                @       TXT "v=spf1 -all"
                """)) {
            SenderCoverage.Report report = new SenderCoverage(resolver, dns.target()).check("bücher.test", LocalDate.of(2026, 5, 1)).join();

            assertEquals(Optional.of("v=spf1 -all"), report.spf().recordText());
            assertEquals(SenderCoverage.DkimVerdict.NONE_PUBLISHED, report.dkim().verdict(), "_domainkey asked at the A-label name");
        }
    }

    @Test
    void aDomainOf250CharactersHasNoSelectorNamesToAskAndNoCrash() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(62) + ".test";
        assertEquals(250, domain.length());
        // Served from the zone above it: the test server names its own hosts below a zone's apex.
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN test.\n" + domain + ". TXT \"v=spf1 -all\"\n")) {
            SenderCoverage.Report report = new SenderCoverage(resolver, dns.target()).check(domain, LocalDate.of(2026, 5, 1)).join();

            SpfLintReport spf = report.spf();
            assertEquals(Optional.of("v=spf1 -all"), spf.recordText());
            assertEquals(SenderCoverage.DkimVerdict.NONE_PUBLISHED, report.dkim().verdict(),
                    "no selector name fits in 253 characters below it, so none can exist");
        }
    }
}
