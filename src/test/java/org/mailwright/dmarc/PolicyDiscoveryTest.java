package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dmarc.DiscoveredPolicy.Source;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** The RFC 9989 DNS tree walk (section 4.10) and its examples, against the test DNS server. */
class PolicyDiscoveryTest {

    private static final String TEST = """
            $ORIGIN test.
            _dmarc.example             TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@example.test"
            a.b.c.d.e.f.g.h.i.j.mail.example A 192.0.2.1
            ; RFC 9989 section 5.1.8: a psd=n record too deep for the walk to reach
            _dmarc.b.c.d.e.f.g.example TXT "v=DMARC1; p=none; psd=n"
            mail.a.b.c.d.e.f.g.example A 192.0.2.2
            ; records at two levels, without psd
            _dmarc.two.example         TXT "v=DMARC1; p=none; rua=mailto:d@example.test"
            a.two.example              A 192.0.2.3
            ; an organizational domain that says so
            _dmarc.dept.example        TXT "v=DMARC1; p=quarantine; psd=n"
            _dmarc.multi.example       TXT "v=DMARC1; p=none"
            _dmarc.multi.example       TXT "v=DMARC1; p=reject"
            _dmarc.spf.example         TXT "v=spf1 -all"
            sub.example                A 192.0.2.4
            """;

    /** RFC 9989 appendix B.4.3, with a PSD record at bank.example. */
    private static final String BANK = """
            $ORIGIN example.
            _dmarc.bank                TXT "v=DMARC1; p=reject; psd=y"
            _dmarc.giant.bank          TXT "v=DMARC1; p=quarantine; rua=mailto:d@giant.bank.example"
            mail.giant.bank            A 192.0.2.10
            mail.mega.bank             A 192.0.2.11
            """;

    private final TestDnsServer dns = TestDnsServer.start(TEST, BANK);
    private final ResolverService resolver =
            new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(300)).withRetries(0));
    private final PolicyDiscovery discovery = new PolicyDiscovery(resolver, dns.target());

    @AfterEach
    void stop() {
        resolver.close();
        dns.close();
    }

    @Test
    void theLongWalkOfSection410MakesEightQueriesSkippingTheMiddle() {
        DiscoveredPolicy policy = discovery.discover("a.b.c.d.e.f.g.h.i.j.mail.example.test").join();
        assertEquals(List.of(
                "_dmarc.a.b.c.d.e.f.g.h.i.j.mail.example.test",
                "_dmarc.g.h.i.j.mail.example.test",
                "_dmarc.h.i.j.mail.example.test",
                "_dmarc.i.j.mail.example.test",
                "_dmarc.j.mail.example.test",
                "_dmarc.mail.example.test",
                "_dmarc.example.test",
                "_dmarc.test"), queried(policy.walk()));
        assertEquals(Source.ORGANIZATIONAL_DOMAIN, policy.source());
        assertEquals("inherited:example.test", policy.sourceLabel());
        assertEquals("example.test", policy.walk().organizationalDomain());
        assertEquals(PolicyScope.SUBDOMAIN, policy.scope());
        assertEquals(Optional.of(Policy.QUARANTINE), policy.appliedPolicy());
        // Eight walk queries and one to learn whether the name exists, nothing more.
        assertEquals(9, dns.udpQueries());
        assertTrue(policy.complete());
    }

    @Test
    void eightLabelsStartAtTheParentAndNineSkipToSevenLabels() {
        assertEquals(List.of("a.b.c.d.e.f.g.h", "b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h"),
                PolicyDiscovery.walkTargets("a.b.c.d.e.f.g.h"));
        assertEquals(List.of("x.a.b.c.d.e.f.g.h", "b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h"),
                PolicyDiscovery.walkTargets("x.a.b.c.d.e.f.g.h"));
        assertEquals(List.of("example.com", "com"), PolicyDiscovery.walkTargets("example.com"));
        assertEquals(List.of("com"), PolicyDiscovery.walkTargets("com"));
    }

    @Test
    void aPsdNoRecordTooDeepForTheWalkIsNeverSeenAsSection518Warns() {
        DiscoveredPolicy policy = discovery.discover("mail.a.b.c.d.e.f.g.example.test").join();
        assertFalse(queried(policy.walk()).contains("_dmarc.b.c.d.e.f.g.example.test"));
        assertEquals("inherited:example.test", policy.sourceLabel());
        // Even its direct child has 9 labels, so the walk jumps from it straight to 7 labels.
        assertFalse(queried(discovery.discover("x.b.c.d.e.f.g.example.test").join().walk())
                .contains("_dmarc.b.c.d.e.f.g.example.test"));
        assertEquals("b.c.d.e.f.g.example.test",
                discovery.treeWalk("b.c.d.e.f.g.example.test").join().organizationalDomain());
    }

    @Test
    void withRecordsAtTwoLevelsTheOneWithFewestLabelsIsTheOrganizationalDomain() {
        DiscoveredPolicy policy = discovery.discover("a.two.example.test").join();
        assertEquals("example.test", policy.walk().organizationalDomain());
        assertEquals("inherited:example.test", policy.sourceLabel());
        assertEquals(Optional.of(Policy.QUARANTINE), policy.requestedPolicy());
    }

    @Test
    void psdNoMakesTheWalkStopThere() {
        DiscoveredPolicy policy = discovery.discover("host.dept.example.test").join();
        assertEquals(List.of("_dmarc.host.dept.example.test", "_dmarc.dept.example.test"), queried(policy.walk()));
        assertEquals("dept.example.test", policy.walk().organizationalDomain());
        assertEquals("inherited:dept.example.test", policy.sourceLabel());
    }

    @Test
    void theNamesOwnRecordComesFirstAndEndsTheSearch() {
        DiscoveredPolicy policy = discovery.discover("two.example.test").join();
        assertEquals(Source.OWN, policy.source());
        assertEquals("own", policy.sourceLabel());
        assertEquals(List.of("_dmarc.two.example.test"), queried(policy.walk()));
        assertEquals(Optional.of(Policy.NONE), policy.requestedPolicy());
        assertEquals(Optional.of(true), policy.domainExists());
    }

    @Test
    void theOrganizationalDomainWalkGoesOnPastTheStartsOwnRecord() {
        TreeWalk walk = discovery.treeWalk("two.example.test").join();
        assertEquals(List.of("_dmarc.two.example.test", "_dmarc.example.test", "_dmarc.test"), queried(walk));
        assertEquals("example.test", walk.organizationalDomain());
        assertEquals("nothing.test", discovery.treeWalk("nothing.test").join().organizationalDomain());
    }

    @Test
    void multipleRecordsAreDiscardedAndTheWalkGoesOn() {
        DiscoveredPolicy policy = discovery.discover("multi.example.test").join();
        assertEquals(WalkStep.Status.MULTIPLE_RECORDS, policy.walk().steps().get(0).status());
        assertEquals("inherited:example.test", policy.sourceLabel());
    }

    @Test
    void recordsThatDoNotStartWithTheVersionAreNotPolicies() {
        DiscoveredPolicy policy = discovery.discover("spf.example.test").join();
        assertEquals(WalkStep.Status.NO_RECORD, policy.walk().steps().get(0).status());
        assertEquals(1, policy.walk().steps().get(0).published().size());
        assertEquals("inherited:example.test", policy.sourceLabel());
    }

    @Test
    void aSubdomainThatDoesNotExistGetsNpAndOneThatExistsGetsSp() {
        DiscoveredPolicy existing = discovery.discover("sub.example.test").join();
        assertEquals(Optional.of(true), existing.domainExists());
        assertEquals(PolicyScope.SUBDOMAIN, existing.scope());
        assertEquals(Optional.of(Policy.QUARANTINE), existing.requestedPolicy());
        DiscoveredPolicy ghost = discovery.discover("ghost.example.test").join();
        assertEquals(Optional.of(false), ghost.domainExists());
        assertEquals(PolicyScope.NON_EXISTENT_SUBDOMAIN, ghost.scope());
        assertEquals(Optional.of(Policy.REJECT), ghost.requestedPolicy());
    }

    @Test
    void noRecordAnywhereMeansNoPolicy() {
        DiscoveredPolicy policy = discovery.discover("nothing.test").join();
        assertEquals(Source.NONE, policy.source());
        assertEquals("none", policy.sourceLabel());
        assertEquals(Optional.empty(), policy.record());
        assertEquals(Optional.empty(), policy.appliedPolicy());
        assertEquals(Optional.empty(), policy.domainExists());
    }

    @Test
    void appendixB43ThePublicSuffixRecordSetsTheOrganizationalDomainOneLabelBelow() {
        DiscoveredPolicy giant = discovery.discover("giant.bank.example").join();
        assertEquals(Source.OWN, giant.source());
        assertEquals("giant.bank.example", discovery.treeWalk("giant.bank.example").join().organizationalDomain());

        DiscoveredPolicy mailFrom = discovery.discover("mail.giant.bank.example").join();
        assertEquals(Source.ORGANIZATIONAL_DOMAIN, mailFrom.source());
        assertEquals("inherited:giant.bank.example", mailFrom.sourceLabel());
        assertEquals(List.of("_dmarc.mail.giant.bank.example", "_dmarc.giant.bank.example", "_dmarc.bank.example"),
                queried(mailFrom.walk()));

        DiscoveredPolicy mega = discovery.discover("mail.mega.bank.example").join();
        assertEquals("mega.bank.example", mega.walk().organizationalDomain());
        assertEquals(Source.PUBLIC_SUFFIX, mega.source());
        assertEquals("inherited:bank.example", mega.sourceLabel());
        assertEquals(Optional.of(Policy.REJECT), mega.requestedPolicy());
    }

    @Test
    void aFailedLookupDoesNotStopTheWalkButMakesItIncomplete() {
        dns.silenceName("_dmarc.sub.example.test");
        DiscoveredPolicy policy = discovery.discover("sub.example.test").join();
        assertEquals(WalkStep.Status.LOOKUP_FAILED, policy.walk().steps().get(0).status());
        assertFalse(policy.complete());
        assertEquals("inherited:example.test", policy.sourceLabel());
    }

    @Test
    void namesAreCanonicalAndMalformedOnesRefused() {
        assertEquals("own", discovery.discover("Two.Example.TEST.").join().sourceLabel());
        assertEquals("two.example.test", discovery.discover("Two.Example.TEST.").join().domain());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> discovery.discover("exa..mple.test"));
        assertEquals("There is an empty part between two dots, or a dot at the start.", malformed.getMessage());
    }

    private static List<String> queried(TreeWalk walk) {
        return walk.steps().stream().map(WalkStep::queryName).toList();
    }
}
