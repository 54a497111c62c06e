package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.check.DomainOverview.Aspect;
import org.mailwright.check.DomainOverview.Item;
import org.mailwright.check.DomainOverview.Note;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.spf.SpfLinter;
import org.mailwright.testdns.TestDnsServer;

/** The Domain page's verdicts are the linters' own: never Pass beside a linter's error. */
class DomainOverviewTest {

    private static final String ZONE = """
            $ORIGIN corp.test.
            @        300 IN SOA ns1 hostmaster 2026120601 3600 600 86400 300
            @        300 IN NS  ns1
            ns1      300 IN A   192.0.2.53
            @        300 IN MX  10 mail
            mail     300 IN A   192.0.2.25
            @        300 IN A   192.0.2.80
            @        300 IN TXT "v=spf1 mx include:a.corp.test include:b.corp.test include:c.corp.test include:d.corp.test include:e.corp.test include:f.corp.test include:g.corp.test include:h.corp.test include:i.corp.test -all"
            a        300 IN TXT "v=spf1 a:x1.corp.test a:x2.corp.test -all"
            b        300 IN TXT "v=spf1 ip4:192.0.2.1 -all"
            c        300 IN TXT "v=spf1 ip4:192.0.2.2 -all"
            d        300 IN TXT "v=spf1 ip4:192.0.2.3 -all"
            e        300 IN TXT "v=spf1 ip4:192.0.2.4 -all"
            f        300 IN TXT "v=spf1 ip4:192.0.2.5 -all"
            g        300 IN TXT "v=spf1 ip4:192.0.2.8 -all"
            h        300 IN TXT "v=spf1 ip4:192.0.2.9 -all"
            i        300 IN TXT "v=spf1 ip4:192.0.2.10 -all"
            x1       300 IN A   192.0.2.6
            x2       300 IN A   192.0.2.7
            _dmarc   300 IN TXT "v=DMARC1; p=rejected; rua=mailto:dmarc@corp.test"
            nospf    300 IN MX  0 .
            """;

    private final TestDnsServer dns = TestDnsServer.start(ZONE);
    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));

    @AfterEach
    void close() {
        resolver.close();
        dns.close();
    }

    @Test
    void anSpfRecordNeeding12Of10LookupsIsTheLintersErrorNotAPass() {
        Item spf = look("corp.test").get(Aspect.SPF);
        List<String> ids = spf.findings().stream().map(Finding::id).toList();

        assertTrue(ids.contains("spf.too-many-lookups"), ids.toString());
        assertEquals(12, spf.findings().get(0).arguments().get(0));
        assertEquals(Optional.of(Severity.ERROR), spf.severity());
        assertEquals(findingIds(new SpfLinter(resolver, dns.target()).lint("corp.test").join().findings()), ids);
    }

    @Test
    void aDmarcRecordWithSyntaxErrorsIsAnErrorAsTheLinterSays() {
        Item dmarc = look("corp.test").get(Aspect.DMARC);

        assertEquals(Optional.of(Severity.ERROR), dmarc.severity());
        assertEquals(findingIds(new DmarcLinter(resolver, dns.target()).lint("corp.test").join().findings()),
                findingIds(dmarc.findings()));
        assertEquals(List.of("v=DMARC1; p=rejected; rua=mailto:dmarc@corp.test"), dmarc.records());
    }

    @Test
    void aMissingSpfRecordHasTheSameSeverityAsInTheWizard() {
        Item spf = look("nospf.corp.test").get(Aspect.SPF);

        assertEquals(List.of("spf.missing"), findingIds(spf.findings()));
        assertEquals(Optional.of(Severity.ERROR), spf.severity());
    }

    @Test
    void aNullMxIsNotedAsAccepingNoMail() {
        Item mx = look("nospf.corp.test").get(Aspect.MX);

        assertEquals(Note.NULL_MX, mx.note());
        assertEquals(Optional.of(Severity.INFO), mx.severity());
    }

    @Test
    void lookupsSayWhatTheyFound() {
        Map<Aspect, Item> items = look("corp.test");

        assertEquals(Optional.of(Severity.PASS), items.get(Aspect.NS).severity());
        assertEquals(2026120601L, items.get(Aspect.SOA).answer().soa().orElseThrow().serial());
        assertEquals(Note.NO_ADDRESS, items.get(Aspect.AAAA).note());
        assertEquals(Optional.of(Severity.INFO), items.get(Aspect.AAAA).severity());
    }

    @Test
    void aSilentServerLeavesTheStateUnknownNeverPass() {
        dns.silenceName("corp.test");
        Item ns = look("corp.test").get(Aspect.NS);

        assertEquals(Optional.empty(), ns.severity());
    }

    @Test
    void aLookAsksTheServersNowNotTheCache() {
        dns.replaceZones(ZONE.replace("_dmarc   300 IN TXT \"v=DMARC1; p=rejected; rua=mailto:dmarc@corp.test\"\n", ""));
        assertEquals(Optional.of(Severity.ERROR), look("corp.test").get(Aspect.DMARC).severity());

        dns.replaceZones(ZONE.replace("p=rejected", "p=reject"));
        Item dmarc = new DomainOverview(resolver.fresh(), dns.target()).look(DomainName.of("corp.test")).get(Aspect.DMARC).join();

        assertEquals(List.of("v=DMARC1; p=reject; rua=mailto:dmarc@corp.test"), dmarc.records());
    }

    private Map<Aspect, Item> look(String domain) {
        Map<Aspect, CompletableFuture<Item>> looks = new DomainOverview(resolver.fresh(), dns.target()).look(DomainName.of(domain));
        return Map.copyOf(looks.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join())));
    }

    private static List<String> findingIds(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }
}
