package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.testdns.TestDnsServer;

/**
 * The health check against a real DNS server on loopback: a clean domain gets no warning or
 * error, and on domains with planted faults every fault is named by its id and nothing else is.
 */
class HealthCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static TestDnsServer dns;
    private static ResolverService resolver;

    @BeforeAll
    static void serve() throws NoSuchAlgorithmException {
        String strong = publicKey(2048);
        String weak = publicKey(1024);
        dns = TestDnsServer.start("""
                $ORIGIN clean.test.
                @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
                @        NS    ns1
                @        NS    ns2
                ns1      A     127.0.0.1
                ns2      A     127.0.0.1
                @        MX    10 mail
                mail     A     192.0.2.25
                mail     AAAA  2001:db8::25
                @        TXT   "v=spf1 mx -all"
                _dmarc   TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@clean.test"
                _smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls@clean.test"
                default._bimi TXT "v=BIMI1; l=https://clean.test/logo.svg"
                """ + "s1._domainkey TXT " + quoted("v=DKIM1; k=rsa; p=" + strong) + "\n", """
                $ORIGIN faults.test.
                @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
                @        NS    ns1
                @        MX    10 mail
                @        MX    15 mail
                @        MX    20 alias
                @        MX    30 nowhere
                @        MX    40 192.0.2.99.
                mail     A     192.0.2.26
                alias    CNAME mail
                ns1      A     127.0.0.1
                @        TXT   "v=spf1 mx -all"
                _dmarc   TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@faults.test"
                _smtp._tls TXT "v=TLSRPTv1; rua=ftp://reports.faults.test"
                default._bimi TXT "v=BIMI1; l=http://faults.test/logo.svg"
                """ + "mail._domainkey TXT " + quoted("v=DKIM1; t=y; p=" + weak) + "\n"
                + "k2._domainkey TXT \"v=DKIM1; p=\"\n", """
                $ORIGIN nomail.test.
                @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
                @        NS    ns1
                @        NS    ns2
                ns1      A     127.0.0.1
                ns2      AAAA  ::1
                ns3      A     127.0.0.1
                @        MX    0 .
                @        TXT   "v=spf1 ~all"
                _dmarc   TXT   "v=DMARC1; p=quarantine; rua=mailto:dmarc@clean.test"
                """, """
                $ORIGIN 2.0.192.in-addr.arpa.
                25       PTR   mail.clean.test.
                26       PTR   mail.clean.test.
                """, """
                $ORIGIN 8.b.d.0.1.0.0.2.ip6.arpa.
                5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 PTR mail.clean.test.
                """, """
                $ORIGIN bl.test.
                26.2.0.192 A 127.0.0.2
                """, """
                $ORIGIN noptr.test.
                @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
                @        NS    ns1
                ns1      A     127.0.0.1
                @        MX    10 mail
                mail     A     198.51.100.7
                @        TXT   "v=spf1 mx -all"
                _dmarc   TXT   "v=DMARC1; p=reject"
                """, """
                $ORIGIN refusing.test.
                25.2.0.192 A 127.255.255.254
                5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2 A 127.255.255.254
                """);
        resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(400)).withRetries(0));
    }

    @AfterAll
    static void close() {
        resolver.close();
        dns.close();
    }

    private static HealthReport check(String domain, List<String> blocklists) {
        CheckSettings settings = CheckSettings.defaults().withNameServerPort(dns.port())
                .withBlocklists(blocklists.stream().map(DomainName::of).toList());
        return new HealthCheck(resolver.fresh(), dns.target(), settings, CLOCK).check(DomainName.of(domain)).join();
    }

    private static Set<String> ids(HealthReport report, Severity... severities) {
        Set<Severity> wanted = Set.of(severities);
        return report.findings().stream().filter(f -> wanted.contains(f.severity())).map(Finding::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCleanDomainHasNoWarningOrError() {
        HealthReport report = check("clean.test", List.of("bl.test"));

        assertEquals(Set.of(), ids(report, Severity.ERROR, Severity.WARNING), () -> describe(report));
        assertTrue(ids(report, Severity.PASS).containsAll(Set.of("ns.ok", "mx.ok", "spf.valid", "dkim.found", "tlsrpt.ok",
                "bimi.ok")), () -> describe(report));
        assertEquals(Scorecard.Grade.A, report.scorecard().grade(), () -> describe(report));
        assertFalse(report.hasErrors());
    }

    @Test
    void everyPlantedFaultIsNamedByItsIdAndNothingElse() {
        HealthReport report = check("faults.test", List.of("bl.test"));

        assertEquals(new TreeSet<>(Set.of("ns.single", "mx.duplicate", "mx.target-cname", "mx.target-no-address",
                        "mx.target-ip-literal", "mx.fcrdns-mismatch", "dkim.weak-key", "dkim.testing", "tlsrpt.invalid",
                        "bimi.invalid", "dnsbl.listed")),
                ids(report, Severity.ERROR, Severity.WARNING), () -> describe(report));
        assertTrue(ids(report, Severity.INFO).contains("dkim.revoked"), () -> describe(report));
        assertTrue(report.hasErrors());
        assertTrue(report.scorecard().grade().compareTo(Scorecard.Grade.C) >= 0, "an error caps the grade at C");
    }

    @Test
    void aDomainThatAcceptsNoMailIsExpectedToSendNone() {
        HealthReport report = check("nomail.test", List.of());

        Set<String> found = ids(report, Severity.ERROR, Severity.WARNING, Severity.INFO);
        assertTrue(found.containsAll(Set.of("mx.null", "mx.null-spf", "mx.null-dmarc")), () -> describe(report));
        assertFalse(found.contains("mx.missing"), () -> describe(report));
        assertFalse(found.contains("ns.no-ipv6"), "ns2 has an IPv6 address: " + describe(report));
    }

    @Test
    void noSelectorFoundIsAWarningThatSaysWhichWereTried() {
        HealthReport report = check("nomail.test", List.of());

        Finding missing = report.findings().stream().filter(f -> f.id().equals("dkim.missing")).findFirst().orElseThrow();
        String message = missing.message(Locale.ENGLISH);
        assertEquals(Severity.WARNING, missing.severity());
        assertTrue(message.contains("default, dkim, mail, selector1, selector2, google"), message);
        assertTrue(message.contains("202612"), "date-like selectors are tried: " + message);
    }

    @Test
    void aBlocklistThatRefusesIsNeverReadAsAListingAndIsSaidOnceBesideTheListsThatAnswered() {
        HealthReport report = check("clean.test", List.of("refusing.test", "bl.test"));

        List<Finding> blocklists = report.areas().get(CheckArea.BLOCKLISTS);
        assertEquals(List.of("dnsbl.refused", "dnsbl.clean"), blocklists.stream().map(Finding::id).toList(),
                "one refusal for the list, however many addresses it refused: " + describe(report));
        assertEquals("None of the 2 mail host addresses is listed on bl.test.", blocklists.get(1).message(Locale.ENGLISH));
        assertFalse(report.hasErrors());
        assertEquals(new Scorecard.Mark(95, Scorecard.Grade.A), mark(report, CheckArea.BLOCKLISTS));
    }

    @Test
    void anAreaNothingCouldBeLearnedAboutHasNoGradeAndDoesNotCountInTheScore() {
        HealthReport report = check("clean.test", List.of("refusing.test"));

        assertEquals(List.of("dnsbl.refused"), report.areas().get(CheckArea.BLOCKLISTS).stream().map(Finding::id).toList());
        Scorecard card = report.scorecard();
        assertTrue(card.areas().stream().filter(area -> area.area() == CheckArea.BLOCKLISTS).findFirst().orElseThrow()
                .mark().isEmpty(), "a refusal is no verdict, good or bad");
        List<Scorecard.AreaScore> graded = card.areas().stream().filter(area -> area.mark().isPresent()).toList();
        int weights = graded.stream().mapToInt(area -> area.area().weight()).sum();
        int weighted = graded.stream().mapToInt(area -> area.area().weight() * area.mark().get().score()).sum();
        assertEquals(Math.round((float) weighted / weights), card.score(), "the areas that were checked");
        assertTrue(HealthReportExport.json(report, Locale.ENGLISH)
                .contains("\"blocklists\":{\"grade\":null,\"score\":null,"), "no number that could be read as a score");
        assertTrue(HealthReportExport.markdown(report, Locale.ENGLISH).contains("- **Blocklists**: not checked\n"));
    }

    @Test
    void aReverseLookupThatFailsLeavesTheMailHostsGradedOnWhatWasLearned() {
        // No server here has 100.51.198.in-addr.arpa: its PTR lookup is refused.
        HealthReport report = check("noptr.test", List.of());

        List<String> mailHosts = report.areas().get(CheckArea.MAIL_HOSTS).stream().map(Finding::id).toList();
        assertTrue(mailHosts.containsAll(List.of("mx.ok", "mx.lookup-failed")), () -> describe(report));
        assertFalse(mailHosts.contains("mx.no-ptr"), "a failed lookup is not a missing name");
        assertEquals(new Scorecard.Mark(80, Scorecard.Grade.B), mark(report, CheckArea.MAIL_HOSTS),
                "the failed lookup's warning and the note of no IPv6 address: " + describe(report));
    }

    @Test
    void aMailExchangeLookupThatFailsLeavesTheMailHostsNotChecked() {
        HealthReport report = check("unserved.example", List.of());

        assertEquals(List.of("mx.lookup-failed"), report.areas().get(CheckArea.MAIL_HOSTS).stream().map(Finding::id).toList(),
                () -> describe(report));
        assertTrue(report.scorecard().areas().stream().filter(area -> area.area() == CheckArea.MAIL_HOSTS).findFirst()
                .orElseThrow().mark().isEmpty(), "no grade for hosts never seen");
    }

    private static Scorecard.Mark mark(HealthReport report, CheckArea area) {
        return report.scorecard().areas().stream().filter(score -> score.area() == area).findFirst().orElseThrow().mark()
                .orElseThrow();
    }

    @Test
    void aDomainThatDoesNotExistHasNoNameServers() {
        HealthReport report = check("absent.clean.test", List.of());

        assertTrue(ids(report, Severity.ERROR).contains("ns.missing"), () -> describe(report));
    }

    @Test
    void everyPointOfTheScoreIsExplained() {
        HealthReport report = check("faults.test", List.of("bl.test"));

        for (Scorecard.AreaScore area : report.scorecard().areas()) {
            int spent = area.costs().stream().mapToInt(Scorecard.Cost::points).sum();
            assertEquals(report.areas().get(area.area()).size(), area.costs().size(), area.area().id());
            if (area.mark().isPresent()) {
                assertEquals(Math.max(0, 100 - spent), area.mark().get().score(), area.area().id());
            } else {
                assertTrue(area.costs().stream().allMatch(cost -> cost.finding().type().inconclusive() && cost.points() == 0),
                        area.area().id() + " is not graded only when nothing about it could be learned");
            }
        }
        List<Scorecard.AreaScore> graded = report.scorecard().areas().stream().filter(a -> a.mark().isPresent()).toList();
        assertTrue(graded.size() >= 7, () -> describe(report));
        int weights = graded.stream().mapToInt(a -> a.area().weight()).sum();
        int weighted = graded.stream().mapToInt(a -> a.area().weight() * a.mark().get().score()).sum();
        assertEquals(Math.round((float) weighted / weights), report.scorecard().score());
    }

    @Test
    void aNameServerThatAnswersTheZonesSoaWithoutAuthorityIsLame() {
        try (TestDnsServer cached = TestDnsServer.start("""
                $ORIGIN cached.test.
                @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
                @        NS    ns1
                @        NS    ns2
                ns1      A     127.0.0.1
                ns2      A     127.0.0.1
                """)) {
            cached.rewriteReplies(reply -> {
                if (reply.getQuestion().getType() != org.xbill.DNS.Type.SOA) {
                    return reply;
                }
                org.xbill.DNS.Message fromCache = reply.clone();
                fromCache.getHeader().unsetFlag(org.xbill.DNS.Flags.AA);
                return fromCache;
            });
            CheckSettings settings = CheckSettings.defaults().withNameServerPort(cached.port()).withBlocklists(List.of());
            HealthReport report = new HealthCheck(resolver.fresh(), cached.target(), settings, CLOCK)
                    .check(DomainName.of("cached.test")).join();

            assertTrue(ids(report, Severity.ERROR).contains("ns.lame"), () -> describe(report));
            assertFalse(ids(report, Severity.PASS).contains("ns.ok"), () -> describe(report));
        }
    }

    @Test
    void aSilentServerLeavesTheCheckIncompleteNotFailed() {
        TestDnsServer silent = TestDnsServer.start("$ORIGIN quiet.test.\n@ TXT \"v=spf1 -all\"\n");
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        try (ResolverService quick = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(100))
                .withRetries(0))) {
            CheckSettings settings = CheckSettings.defaults().withNameServerPort(silent.port()).withBlocklists(List.of());
            HealthReport report = new HealthCheck(quick, silent.target(), settings, CLOCK)
                    .check(DomainName.of("quiet.test")).join();

            Set<String> found = ids(report, Severity.ERROR, Severity.WARNING, Severity.INFO);
            assertTrue(found.contains("check.incomplete"), () -> describe(report));
            assertFalse(found.contains("ns.missing") || found.contains("mx.missing") || found.contains("dkim.missing"),
                    "a silent server proves nothing missing: " + describe(report));
        } finally {
            silent.close();
        }
    }

    private static String describe(HealthReport report) {
        return report.findings().stream().map(f -> f.id() + ": " + f.message(Locale.ENGLISH)).collect(Collectors.joining("\n"));
    }

    private static String publicKey(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    /** A TXT value in strings of at most 255 characters, as a zone file needs. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < value.length(); i += 200) {
            out.append(" \"").append(value, i, Math.min(value.length(), i + 200)).append('"');
        }
        return out.append(" )").toString();
    }
}
