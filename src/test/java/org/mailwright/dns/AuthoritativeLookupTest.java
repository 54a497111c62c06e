package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.testdns.TestDnsServer;

/** What a zone's own name servers publish, found through a resolver and asked past the cache. */
class AuthoritativeLookupTest {

    /** What the resolver says: the zone's servers, and a TXT it has kept for a while (299 s left). */
    private static final String RESOLVER_VIEW = """
            $ORIGIN corp.test.
            @        300 IN NS   ns1
            ns1      300 IN A    127.0.0.1
            @        299 IN TXT  "v=spf1 mx -all"
            mail     299 IN TXT  "v=spf1 a -all"
            """;
    /** What the zone file says. */
    private static final String ZONE_FILE = """
            $ORIGIN corp.test.
            @       7200 IN TXT  "v=spf1 mx -all"
            mail    1800 IN TXT  "v=spf1 a -all"
            """;

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)));

    @AfterEach
    void closeResolver() {
        resolver.close();
    }

    @Test
    void theTtlIsTheZoneFilesNotWhatTheResolverHasLeft() {
        try (TestDnsServer via = TestDnsServer.start(RESOLVER_VIEW);
             TestDnsServer primary = TestDnsServer.start(ZONE_FILE)) {
            AuthoritativeLookup authoritative = new AuthoritativeLookup(resolver, via.target(), primary.port());

            LookupResult apex = authoritative.lookup(DomainName.of("corp.test"), RecordType.TXT).join();
            LookupResult below = authoritative.lookup(DomainName.of("Mail.Corp.Test."), RecordType.TXT).join();

            assertEquals(7200, apex.ttl());
            assertEquals("127.0.0.1:" + primary.port(), apex.server());
            assertEquals(1800, below.records().get(0).ttl(), "a name below the apex is asked of its zone's servers");
            assertEquals(Optional.of(DomainName.of("corp.test")), authoritative.zoneOf(DomainName.of("mail.corp.test")).join());
        }
    }

    @Test
    void itAsksNowWhateverTheCacheHolds() {
        try (TestDnsServer via = TestDnsServer.start(RESOLVER_VIEW);
             TestDnsServer primary = TestDnsServer.start(ZONE_FILE)) {
            new AuthoritativeLookup(resolver, via.target(), primary.port()).lookup(DomainName.of("corp.test"), RecordType.TXT).join();
            primary.replaceZones(ZONE_FILE.replace("@       7200", "@       900"));

            LookupResult again = new AuthoritativeLookup(resolver, via.target(), primary.port())
                    .lookup(DomainName.of("corp.test"), RecordType.TXT).join();

            assertFalse(again.cached());
            assertEquals(900, again.ttl());
        }
    }

    @Test
    void aZoneNobodyAnswersForIsAnErrorSayingSo() {
        try (TestDnsServer via = TestDnsServer.start(RESOLVER_VIEW)) {
            via.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);

            LookupResult result = new AuthoritativeLookup(resolver, via.target(), via.port())
                    .lookup(DomainName.of("corp.test"), RecordType.TXT).join();

            assertEquals(Outcome.ERROR, result.outcome());
            assertEquals("the name servers of corp.test could not be found (server failure)", result.detail());
            assertEquals("no se encontraron los servidores de nombres de corp.test (fallo del servidor)",
                    result.problem().text(java.util.Locale.forLanguageTag("es")));
            assertTrue(new AuthoritativeLookup(resolver, via.target(), via.port()).zoneOf(DomainName.of("corp.test")).join().isEmpty());
            assertEquals(List.of(), result.records());
        }
    }
}
