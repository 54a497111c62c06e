package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** Whether a domain's senders can pass DMARC: its SPF lint and the DKIM keys found at the usual selectors. */
class SenderCoverageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String KEY = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    private static TestDnsServer dns;
    private static ResolverService resolver;
    private static SenderCoverage coverage;

    @BeforeAll
    static void start() {
        dns = TestDnsServer.start("""
                $ORIGIN test.
                $TTL 300
                signed                     TXT   "v=spf1 -all"
                202611a._domainkey.signed  TXT   "%s"
                selector1._domainkey.signed TXT  "v=DKIM1; p="
                revoked                    TXT   "v=spf1 -all"
                google._domainkey.revoked  TXT   "v=DKIM1; p="
                elsewhere                  TXT   "v=spf1 -all"
                rare._domainkey.elsewhere  TXT   "%s"
                bare                       A     192.0.2.1
                failing                    A     192.0.2.2
                """.formatted(KEY, KEY));
        resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));
        coverage = new SenderCoverage(resolver, dns.target());
    }

    @AfterAll
    static void stop() {
        resolver.close();
        dns.close();
    }

    @Test
    void findsTheKeysOfTheDkimPagesOwnSelectorsAndTellsRevokedOnesApart() {
        SenderCoverage.Report report = coverage.check("signed.test", TODAY).join();
        assertEquals(SenderCoverage.DkimVerdict.KEYS, report.dkim().verdict());
        assertEquals(List.of("202611a"), report.dkim().live());
        assertEquals(List.of("selector1"), report.dkim().revoked());
        assertEquals("v=spf1 -all", report.spf().recordText().orElseThrow());
    }

    @Test
    void tellsOnlyRevokedKeysFromNoKeysAtAllAndFromKeysElsewhere() {
        assertEquals(SenderCoverage.DkimVerdict.ONLY_REVOKED, coverage.check("revoked.test", TODAY).join().dkim().verdict());
        assertEquals(SenderCoverage.DkimVerdict.NONE_PUBLISHED, coverage.check("bare.test", TODAY).join().dkim().verdict(),
                "nothing exists under _domainkey.bare.test");
        assertEquals(SenderCoverage.DkimVerdict.NOT_FOUND, coverage.check("elsewhere.test", TODAY).join().dkim().verdict(),
                "a key exists under _domainkey.elsewhere.test, at a selector nobody guesses");
    }

    @Test
    void aFailingServerIsNotMistakenForMissingKeys() {
        dns.failName("_domainkey.failing.test");
        assertEquals(SenderCoverage.DkimVerdict.FAILED, coverage.check("failing.test", TODAY).join().dkim().verdict());
    }

    @Test
    void asksTheCommonSelectorsThenAYearOfMonthlyOnesNewestFirst() {
        List<String> selectors = SenderCoverage.selectorsToTry(TODAY);
        assertEquals(SenderCoverage.COMMON_SELECTORS, selectors.subList(0, SenderCoverage.COMMON_SELECTORS.size()));
        assertEquals("202611a", selectors.get(SenderCoverage.COMMON_SELECTORS.size()));
        assertTrue(selectors.contains("202512a"));
        assertEquals(SenderCoverage.COMMON_SELECTORS.size() + SenderCoverage.MONTHS_OF_OWN_SELECTORS, selectors.size());
    }
}
