package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailwright.findings.Finding;
import org.mailwright.findings.DmarcFinding;
import org.mailwright.findings.Severity;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** The linter on a zone where each domain has one of the problems it must find, and some good ones. */
class DmarcLinterTest {

    static final String ZONE = """
            $ORIGIN test.
            $TTL 300
            mail                       A     192.0.2.25
            ; good: enforced, reports to a mailbox of its own
            good                       MX    10 mail.test.
            _dmarc.good                TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            ; good.test also takes reports for any domain, as a report service does
            *._report._dmarc.good      TXT   "v=DMARC1;"
            ; reports to other organizations, which authorize them (one by a wildcard)
            reports                    MX    10 mail.test.
            auth.test._report._dmarc.reports TXT "v=DMARC1;"
            _dmarc.auth                TXT   "v=DMARC1; p=reject; rua=mailto:d@reports.test"
            wildreports                MX    10 mail.test.
            *._report._dmarc.wildreports TXT "v=DMARC1;"
            _dmarc.wild                TXT   "v=DMARC1; p=reject; rua=mailto:d@wildreports.test"
            elsewhere                  MX    10 mail.test.
            _dmarc.unauth              TXT   "v=DMARC1; p=reject; rua=mailto:d@elsewhere.test"
            _dmarc.unauthruf           TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test; ruf=mailto:d@elsewhere.test"
            ; one problem each
            none                       A     192.0.2.1
            _dmarc.multi               TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            _dmarc.multi               TXT   "v=DMARC1; p=none; rua=mailto:dmarc@good.test"
            _dmarc.syntax              TXT   "v=DMARC1; p=block; rua=mailto:dmarc@good.test"
            _dmarc.notfirst            TXT   "p=reject; v=DMARC1; rua=mailto:dmarc@good.test"
            _dmarc.lower               TXT   "v=dmarc1; p=reject; rua=mailto:dmarc@good.test"
            _dmarc.monitor             TXT   "v=DMARC1; p=none; rua=mailto:dmarc@good.test"
            _dmarc.testing             TXT   "v=DMARC1; p=reject; t=y; rua=mailto:dmarc@good.test"
            _dmarc.norua               TXT   "v=DMARC1; p=reject"
            _dmarc.https               TXT   "v=DMARC1; p=reject; rua=https://reports.https.test/dmarc"
            _dmarc.many                TXT   "v=DMARC1; p=reject; rua=mailto:a@good.test,mailto:b@good.test,mailto:c@good.test"
            _dmarc.nomx                TXT   "v=DMARC1; p=reject; rua=mailto:a@nomail.nomx.test,mailto:b@null.nomx.test"
            nomail.nomx                TXT   "no mail here"
            null.nomx                  MX    0 .
            _dmarc.gone                TXT   "v=DMARC1; p=reject; rua=mailto:a@nowhere.gone.test"
            _dmarc.legacy              TXT   "v=DMARC1; p=reject; pct=50; rua=mailto:dmarc@good.test"
            apex                       TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            _dmarc.apex                TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            _dmarc.unknown             TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test; ruaa=mailto:x@good.test"
            _dmarc.inherit             TXT   "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:dmarc@good.test"
            sub.inherit                A     192.0.2.2
            _dmarc.nosp                TXT   "v=DMARC1; p=reject; sp=quarantine; np=none; rua=mailto:dmarc@good.test"
            _dmarc.ignored             TXT   "v=DMARC1; sp=reject"
            _dmarc.cname               CNAME _dmarc.good.test.
            _dmarc.cname               TXT   "v=DMARC1; p=none; rua=mailto:dmarc@good.test"
            _dmarc.alias               CNAME _dmarc.good.test.
            """;

    private static TestDnsServer dns;
    private static ResolverService resolver;

    @BeforeAll
    static void start() {
        dns = TestDnsServer.start(ZONE);
        resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));
    }

    @AfterAll
    static void stop() {
        resolver.close();
        dns.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"good.test", "auth.test", "wild.test", "alias.test"})
    void staysQuietOnAGoodSetup(String domain) {
        DmarcReport report = lint(domain);
        assertEquals(List.of(), report.findings(), domain);
        assertFalse(report.hasErrors());
        assertEquals("own", report.policy().sourceLabel());
        assertEquals(Policy.REJECT, report.policy().appliedPolicy().orElseThrow());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("none.test", "dmarc.missing", Severity.ERROR),
                Arguments.of("multi.test", "dmarc.multiple-records", Severity.ERROR),
                Arguments.of("syntax.test", "dmarc.syntax", Severity.ERROR),
                Arguments.of("syntax.test", "dmarc.treated-as-none", Severity.ERROR),
                Arguments.of("notfirst.test", "dmarc.not-first-v", Severity.ERROR),
                Arguments.of("lower.test", "dmarc.syntax", Severity.ERROR),
                Arguments.of("monitor.test", "dmarc.policy-none", Severity.WARNING),
                Arguments.of("testing.test", "dmarc.testing", Severity.WARNING),
                Arguments.of("norua.test", "dmarc.no-rua", Severity.WARNING),
                Arguments.of("https.test", "dmarc.rua-not-mailto", Severity.WARNING),
                Arguments.of("many.test", "dmarc.rua-too-many", Severity.WARNING),
                Arguments.of("unauth.test", "dmarc.rua-unauthorized", Severity.ERROR),
                Arguments.of("unauthruf.test", "dmarc.ruf-unauthorized", Severity.ERROR),
                Arguments.of("nomx.test", "dmarc.rua-no-mx", Severity.ERROR),
                Arguments.of("gone.test", "dmarc.rua-no-mx", Severity.ERROR),
                Arguments.of("legacy.test", "dmarc.pct-ignored", Severity.WARNING),
                Arguments.of("apex.test", "dmarc.at-apex", Severity.WARNING),
                Arguments.of("unknown.test", "dmarc.unknown-tag", Severity.WARNING),
                Arguments.of("sub.inherit.test", "dmarc.inherited", Severity.INFO),
                Arguments.of("sub.inherit.test", "dmarc.sp-weaker", Severity.WARNING),
                Arguments.of("nosp.test", "dmarc.sp-weaker", Severity.WARNING),
                Arguments.of("nosp.test", "dmarc.np-weaker", Severity.WARNING),
                Arguments.of("ignored.test", "dmarc.ignored", Severity.ERROR),
                Arguments.of("cname.test", "dmarc.cname-and-txt", Severity.ERROR));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void findsEachListedProblemAndDescribesItInBothLanguages(String domain, String id, Severity severity) {
        DmarcReport report = lint(domain);
        List<Finding> matching = report.findings().stream().filter(f -> f.id().equals(id)).toList();
        assertFalse(matching.isEmpty(), domain + ": " + report.findings());
        assertEquals(severity, matching.get(0).severity(), domain);
        if (severity == Severity.ERROR) {
            assertTrue(report.hasErrors());
        }
        for (Finding finding : report.findings()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                assertFalse(finding.message(locale).contains("{"), finding.message(locale));
            }
        }
    }

    @Test
    void aMissingPolicyIsOneErrorThatNamesTheDomain() {
        DmarcReport report = lint("none.test");
        assertEquals(List.of(DmarcFinding.MISSING.of("none.test")), report.findings());
        assertEquals("none", report.policy().sourceLabel());
        assertEquals("No DMARC policy applies to none.test: neither _dmarc.none.test nor any name above it "
                + "publishes one.", report.findings().get(0).message(Locale.ENGLISH));
        assertTrue(report.hasErrors());
    }

    @Test
    void aSyntaxErrorNamesItsPositionInBothLanguages() {
        Finding syntax = lint("syntax.test").findings().stream()
                .filter(f -> f.id().equals("dmarc.syntax")).findFirst().orElseThrow();
        assertEquals("Syntax error at character 11: p=block is not valid; p takes none | quarantine | reject.",
                syntax.message(Locale.ENGLISH));
        assertEquals("Error de sintaxis en el carácter 11: p=block no es válido; p admite none | quarantine | reject.",
                syntax.message(Locale.forLanguageTag("es")));
    }

    @Test
    void anUnauthorizedDestinationIsToldTheExactRecordToPublish() {
        DmarcReport report = lint("unauth.test");
        DestinationCheck check = report.destinations().get(0);
        assertTrue(check.external());
        assertEquals(DestinationCheck.Status.NOT_AUTHORIZED, check.status());
        assertEquals("unauth.test._report._dmarc.elsewhere.test", check.authorizationName());
        assertEquals("unauth.test._report._dmarc.elsewhere.test. IN TXT \"v=DMARC1;\"", check.zoneLine());
        Finding finding = report.findings().stream().filter(f -> f.id().equals("dmarc.rua-unauthorized"))
                .findFirst().orElseThrow();
        assertTrue(finding.fix(Locale.ENGLISH).startsWith("Ask the administrator of elsewhere.test to publish "
                + "unauth.test._report._dmarc.elsewhere.test TXT \"v=DMARC1;\""), finding.fix(Locale.ENGLISH));
    }

    @Test
    void aDestinationCheckedOnItsOwnGetsTheLintersOwnFindings() {
        ReportDestinations destinations = new ReportDestinations(resolver, dns.target());
        for (String domain : List.of("unauth.test", "nomx.test", "good.test")) {
            DmarcReport report = lint(domain);
            List<Finding> alone = report.record().orElseThrow().aggregateReportUris().stream()
                    .flatMap(uri -> destinations.check(domain, DmarcTag.RUA, uri).join().findings().stream()).toList();
            List<Finding> linted = report.findings().stream().filter(alone::contains).toList();
            assertEquals(alone, linted, domain + ": the reports step and dmarc lint judge a destination alike");
        }
        assertEquals(List.of("dmarc.rua-unauthorized"), destinations.check("unauth.test", DmarcTag.RUA,
                ReportUri.parse("mailto:d@elsewhere.test").orElseThrow()).join().findings().stream().map(Finding::id).toList());
    }

    @Test
    void aWildcardAuthorizationCounts() {
        DestinationCheck check = lint("wild.test").destinations().get(0);
        assertTrue(check.external());
        assertEquals(DestinationCheck.Status.AUTHORIZED, check.status());
    }

    @Test
    void aDestinationInTheSameOrganizationNeedsNoAuthorization() {
        DmarcReport report = lint("good.test");
        assertEquals(DestinationCheck.Status.NOT_NEEDED, report.destinations().get(0).status());
        assertEquals(MailboxCheck.Status.RECEIVES_MAIL, report.mailboxes().get(0).status());
    }

    @Test
    void saysWhyAReportMailboxCannotReceiveMail() {
        List<String> messages = lint("nomx.test").findings().stream()
                .filter(f -> f.id().equals("dmarc.rua-no-mx")).map(f -> f.message(Locale.ENGLISH)).toList();
        assertEquals(List.of(
                "Aggregate reports to mailto:a@nomail.nomx.test cannot be delivered: nomail.nomx.test has no MX record and no address.",
                "Aggregate reports to mailto:b@null.nomx.test cannot be delivered: null.nomx.test publishes a null MX (it takes no mail)."),
                messages);
        assertEquals(MailboxCheck.Status.DOES_NOT_EXIST, lint("gone.test").mailboxes().get(0).status());
    }

    @Test
    void anInheritedPolicySaysWhereItComesFromAndWhichTagApplies() {
        DmarcReport existing = lint("sub.inherit.test");
        assertEquals("inherited:inherit.test", existing.policy().sourceLabel());
        assertEquals(PolicyScope.SUBDOMAIN, existing.policy().scope());
        Finding inherited = existing.findings().stream().filter(f -> f.id().equals("dmarc.inherited")).findFirst().orElseThrow();
        assertEquals("sub.inherit.test has no record of its own; its policy comes from _dmarc.inherit.test (sp=quarantine).",
                inherited.message(Locale.ENGLISH));
        DmarcReport ghostOfNosp = lint("ghost.nosp.test");
        Finding fallback = ghostOfNosp.findings().stream().filter(f -> f.id().equals("dmarc.inherited")).findFirst().orElseThrow();
        assertEquals("ghost.nosp.test has no record of its own; its policy comes from _dmarc.nosp.test (np=none).",
                fallback.message(Locale.ENGLISH));
        DmarcReport ghost = lint("ghost.inherit.test");
        assertEquals(PolicyScope.NON_EXISTENT_SUBDOMAIN, ghost.policy().scope());
        assertEquals(Policy.REJECT, ghost.policy().appliedPolicy().orElseThrow());
    }

    @Test
    void aDnsFailureIsAnErrorThatSaysTheCheckIsIncomplete() {
        dns.silenceName("_dmarc.silent.test");
        DmarcReport report = lint("silent.test");
        assertFalse(report.policy().complete());
        Finding failed = report.findings().get(0);
        assertEquals("dmarc.lookup-failed", failed.id());
        assertTrue(failed.message(Locale.ENGLISH).startsWith("The TXT lookup of _dmarc.silent.test failed (no answer from "),
                failed.message(Locale.ENGLISH));
        assertTrue(failed.message(Locale.forLanguageTag("es")).startsWith("La consulta TXT de _dmarc.silent.test falló (sin respuesta desde "),
                failed.message(Locale.forLanguageTag("es")));
        assertEquals(failed, lint("silent.test").findings().get(0), "the same failure is the same finding, said once in a list");
    }

    @Test
    void aPolicyThatCouldNotBeLookedUpIsNotCalledMissing() {
        dns.silenceName("_dmarc.mute.test");
        DmarcReport report = lint("mute.test");
        assertEquals(DiscoveredPolicy.Source.NONE, report.policy().source());
        assertEquals(List.of("dmarc.lookup-failed"), report.findings().stream().map(Finding::id).toList());
        assertTrue(report.hasErrors());
    }

    private static DmarcReport lint(String domain) {
        return new DmarcLinter(resolver, dns.target()).lint(domain).join();
    }
}
