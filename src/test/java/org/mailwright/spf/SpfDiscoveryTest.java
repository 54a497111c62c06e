package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Severity;
import org.mailwright.findings.SpfFinding;
import org.mailwright.testdns.TestDnsServer;

/** What a domain publishes, read as the SPF wizard starts from it. */
class SpfDiscoveryTest {

    /** What the resolver gives: the record with what its cache has left of the TTL. */
    static final String RESOLVER_VIEW = """
            $ORIGIN corp.test.
            $TTL 300
            @        NS   ns1
            ns1      A    127.0.0.1
            @    299 TXT  "v=spf1 mx include:_spf.corp.test -all"
            @    299 TXT  "google-site-verification=abc"
            @        A    192.0.2.1
            @        MX   20 mx2
            @        MX   10 mx1
            mx1      A    192.0.2.10
            mx1      AAAA 2001:db8::10
            mx2      A    192.0.2.20
            _spf     TXT  "v=spf1 ip4:198.51.100.0/24 -all"
            new      MX   0 .
            broken   TXT  "v=spf1 mx -all"
            """;
    /** What the zone file says. */
    static final String ZONE_FILE = """
            $ORIGIN corp.test.
            @   7200 TXT  "v=spf1 mx include:_spf.corp.test -all"
            @   7200 TXT  "google-site-verification=abc"
            """;

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)));
    private final TestDnsServer via = TestDnsServer.start(RESOLVER_VIEW);
    private final TestDnsServer primary = TestDnsServer.start(ZONE_FILE);

    @AfterEach
    void close() {
        via.close();
        primary.close();
        resolver.close();
    }

    @Test
    void theRecordTheMailHostsAndTheLintAreReadAtOnce() {
        DomainFacts facts = discover("Corp.Test.");

        assertTrue(facts.readable());
        assertEquals(DomainName.of("corp.test"), facts.domain());
        assertEquals(List.of("v=spf1 mx include:_spf.corp.test -all"), facts.spfRecords());
        assertEquals("v=spf1 mx include:_spf.corp.test -all", facts.editableRecord().orElseThrow().text());
        assertEquals(List.of(new DomainFacts.MailHost("mx1.corp.test", List.of("192.0.2.10", "2001:db8::10")),
                new DomainFacts.MailHost("mx2.corp.test", List.of("192.0.2.20"))), facts.mailHosts(), "in order of preference");
        assertEquals(List.of("192.0.2.1"), facts.ownAddresses());
        assertEquals(2, facts.lint().lookups());
        assertEquals(Severity.PASS, facts.lint().worstSeverity());
    }

    @Test
    void anEditedRecordKeepsTheTtlOfTheZoneFileNotWhatTheResolverHasLeft() {
        DomainFacts facts = discover("corp.test");

        assertEquals(299, facts.txt().ttl(), "the resolver's view");
        assertEquals(OptionalLong.of(7200), facts.publishedTtl());
        assertEquals(7200, facts.zoneTtl(3600));
    }

    @Test
    void aNewRecordTakesTheTtlTheUserChose() {
        DomainFacts facts = discover("new.corp.test");

        assertEquals(List.of(), facts.spfRecords());
        assertEquals(OptionalLong.empty(), facts.publishedTtl());
        assertEquals(900, facts.zoneTtl(900));
        assertEquals(List.of(), facts.mailHosts(), "a null MX names no host");
        assertTrue(facts.lint().has(SpfFinding.MISSING));
    }

    @Test
    void silentNameServersLeaveTheTtlToTheUserAndTheRecordReadable() {
        primary.setBehaviour(TestDnsServer.Behaviour.SILENT);

        DomainFacts facts = discover("corp.test");

        assertTrue(facts.readable());
        assertEquals(List.of("v=spf1 mx include:_spf.corp.test -all"), facts.spfRecords());
        assertEquals(OptionalLong.empty(), facts.publishedTtl());
        assertEquals(3600, facts.zoneTtl(3600), "never the 299 s the resolver has left");
    }

    @Test
    void aFailedTxtLookupIsUnreadableNotAMissingRecord() {
        via.failName("broken.corp.test");

        DomainFacts facts = discover("broken.corp.test");

        assertFalse(facts.readable());
        assertEquals(Outcome.SERVFAIL, facts.txt().outcome());
        assertEquals(Optional.empty(), facts.editableRecord());
        assertTrue(facts.lint().has(SpfFinding.DNS_ERROR));
        assertFalse(facts.lint().has(SpfFinding.MISSING));
    }

    @Test
    void aMailHostsAddressIsListedWhenAnAddressOrANetworkCoversIt() {
        DomainFacts facts = discover("corp.test");

        assertEquals(List.of("2001:db8::10", "192.0.2.20"), facts.mailHostAddressesNotIn(List.of("192.0.2.0/28", "not-an-address")));
        assertEquals(List.of(), facts.mailHostAddressesNotIn(List.of("192.0.2.10", "192.0.2.20", "2001:db8::/32")));
    }

    private DomainFacts discover(String domain) {
        return new SpfDiscovery(resolver, via.target(), primary.port()).discover(DomainName.of(domain)).join();
    }
}
