package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.testdns.TestDnsServer;

/** TTL caching in the resolver service, with a clock the test moves instead of waiting. */
class DnsCacheTest {

    private static final String ZONE = """
            $ORIGIN cache.test.
            @    300 IN SOA ns1 hostmaster 1 3600 600 86400 30
            @    300 IN NS  ns1
            www  300 IN A   192.0.2.1
            long 604800 IN A 192.0.2.7
            """;

    private static final String CHANGED = """
            $ORIGIN cache.test.
            www  300 IN A   192.0.2.2
            """;

    private final MutableClock clock = new MutableClock();
    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(200)).withRetries(0), clock);

    @AfterEach
    void closeResolver() {
        resolver.close();
    }

    @Test
    void anAnswerIsServedFromTheCacheWithinItsTtlWithTheTtlCountedDown() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            LookupResult first = lookup(dns, "www.cache.test");
            dns.replaceZones(CHANGED);
            clock.advance(Duration.ofSeconds(100));
            LookupResult second = lookup(dns, "WWW.Cache.Test");

            assertFalse(first.cached());
            assertTrue(second.cached());
            assertEquals(List.of("192.0.2.1"), second.values());
            assertEquals(200, second.ttl());
            assertEquals(200, second.records().get(0).ttl());
            assertEquals(1, dns.udpQueries());
        }
    }

    @Test
    void anAnswerIsFetchedAgainOnceItsTtlHasPassed() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            lookup(dns, "www.cache.test");
            dns.replaceZones(CHANGED);
            clock.advance(Duration.ofSeconds(300));
            LookupResult fresh = lookup(dns, "www.cache.test");

            assertFalse(fresh.cached());
            assertEquals(List.of("192.0.2.2"), fresh.values());
            assertEquals(300, fresh.ttl());
            assertEquals(2, dns.udpQueries());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"missing.cache.test, A", "www.cache.test, TXT"})
    void negativeAnswersAreKeptForTheSoaNegativeTtl(String name, RecordType type) {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            LookupResult first = resolver.lookup(name, type, dns.target()).join();
            clock.advance(Duration.ofSeconds(29));
            LookupResult withinTtl = resolver.lookup(name, type, dns.target()).join();
            clock.advance(Duration.ofSeconds(2));
            LookupResult afterTtl = resolver.lookup(name, type, dns.target()).join();

            assertEquals(30, first.ttl());
            assertTrue(withinTtl.cached());
            assertEquals(first.outcome(), withinTtl.outcome());
            assertFalse(afterTtl.cached());
            assertEquals(2, dns.udpQueries());
        }
    }

    @Test
    void noAnswerIsKeptLongerThanADay() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            lookup(dns, "long.cache.test");
            clock.advance(Duration.ofDays(1).minusSeconds(1));
            LookupResult withinADay = lookup(dns, "long.cache.test");
            clock.advance(Duration.ofSeconds(2));
            LookupResult afterADay = lookup(dns, "long.cache.test");

            assertTrue(withinADay.cached());
            assertFalse(afterADay.cached());
            assertEquals(2, dns.udpQueries());
        }
    }

    @Test
    void failuresAreNeverCached() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
            lookup(dns, "www.cache.test");
            LookupResult servfail = lookup(dns, "www.cache.test");
            dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
            lookup(dns, "www.cache.test");
            LookupResult timeout = lookup(dns, "www.cache.test");

            assertEquals(Outcome.SERVFAIL, servfail.outcome());
            assertEquals(Outcome.TIMEOUT, timeout.outcome());
            assertFalse(servfail.cached() || timeout.cached());
            assertEquals(4, dns.udpQueries());
            assertEquals(0, resolver.cache().size());
        }
    }

    @Test
    void eachTargetHasItsOwnAnswers() {
        try (TestDnsServer first = TestDnsServer.start(ZONE); TestDnsServer second = TestDnsServer.start(CHANGED)) {
            assertEquals(List.of("192.0.2.1"), lookup(first, "www.cache.test").values());
            assertEquals(List.of("192.0.2.2"), lookup(second, "www.cache.test").values());
        }
    }

    @Test
    void clearingTheCacheMakesTheNextLookupAskAgain() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            lookup(dns, "www.cache.test");
            assertEquals(1, resolver.cache().size());

            resolver.cache().clear();
            LookupResult again = lookup(dns, "www.cache.test");

            assertFalse(again.cached());
            assertEquals(2, dns.udpQueries());
        }
    }

    @Test
    void aFreshViewAsksAgainNegativeAnswersIncludedAndTeachesTheCache() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            assertEquals(Outcome.NXDOMAIN, resolver.lookup("new.cache.test", RecordType.A, dns.target()).join().outcome());
            dns.replaceZones(ZONE + "new 300 IN A 192.0.2.9\n");

            assertEquals(Outcome.NXDOMAIN, resolver.lookup("new.cache.test", RecordType.A, dns.target()).join().outcome());
            ResolverService fresh = resolver.fresh();
            LookupResult checked = fresh.lookup("new.cache.test", RecordType.A, dns.target()).join();
            LookupResult again = fresh.lookup("new.cache.test", RecordType.A, dns.target()).join();
            LookupResult afterwards = resolver.lookup("new.cache.test", RecordType.A, dns.target()).join();

            assertFalse(checked.cached());
            assertEquals(List.of("192.0.2.9"), checked.values());
            assertTrue(again.cached(), "within one check an answer it got itself is reused");
            assertTrue(afterwards.cached());
            assertEquals(List.of("192.0.2.9"), afterwards.values());
            assertEquals(2, dns.udpQueries());
        }
    }

    @Test
    void closingAFreshViewLeavesTheServiceWorking() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            resolver.fresh().close();
            assertEquals(List.of("192.0.2.1"), lookup(dns, "www.cache.test").values());
        }
    }

    @Test
    void withTheCacheOffEveryLookupAsks() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE);
             ResolverService uncached = new ResolverService(ResolverOptions.defaults().withCache(false), clock)) {
            uncached.lookup("www.cache.test", RecordType.A, dns.target()).join();
            LookupResult second = uncached.lookup("www.cache.test", RecordType.A, dns.target()).join();

            assertFalse(second.cached());
            assertEquals(2, dns.udpQueries());
        }
    }

    @Test
    void theAnswersKeptStayWithinTheirBoundTheOldestGoingFirst() {
        DnsCache cache = new DnsCache(clock);
        ResolverTarget target = ResolverTarget.servers(List.of(new ServerAddress("192.0.2.53", 53)));
        String largest = "x".repeat(60_000);
        int answers = (int) (2 * DnsCache.MAX_WEIGHT / (2 * largest.length()));

        for (int i = 0; i < answers; i++) {
            String name = "n" + i + ".cache.test";
            cache.put(target, new LookupResult(name, RecordType.TXT, Outcome.OK,
                    List.of(new DnsRecord(name, RecordType.TXT, 300, largest, List.of(largest))), List.of(), 300,
                    "192.0.2.53:53", Detail.NONE, false, Duration.ZERO));
        }

        assertTrue(cache.weight() <= DnsCache.MAX_WEIGHT, Long.toString(cache.weight()));
        assertTrue(cache.size() < answers, Integer.toString(cache.size()));
        assertTrue(cache.get(target, "n0.cache.test", RecordType.TXT, 0).isEmpty(), "the oldest went");
        assertTrue(cache.get(target, "n" + (answers - 1) + ".cache.test", RecordType.TXT, 0).isPresent(), "the newest stayed");
        cache.clear();
        assertEquals(0, cache.weight());
    }

    private LookupResult lookup(TestDnsServer dns, String name) {
        return resolver.lookup(name, RecordType.A, dns.target()).join();
    }
}
