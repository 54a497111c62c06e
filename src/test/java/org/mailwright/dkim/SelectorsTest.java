package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.testdns.TestDnsServer;

/** The date-based suggestion asks DNS and passes over the selectors that already have a record. */
class SelectorsTest {

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 24);
    private static final DomainName CORP = DomainName.of("corp.example");

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults()
            .withTimeout(Duration.ofMillis(300)).withRetries(0));
    private TestDnsServer dns;

    @AfterEach
    void stop() {
        resolver.close();
        if (dns != null) {
            dns.close();
        }
    }

    private String suggest(String records, List<String> taken) throws Exception {
        dns = TestDnsServer.start("""
                $ORIGIN corp.example.
                @    300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @    300 IN NS  ns1
                ns1  300 IN A   127.0.0.1
                """ + records);
        return Selectors.suggestUnpublished(resolver, ResolverTarget.servers(List.of(dns.address())), NOVEMBER, CORP, taken)
                .get();
    }

    @Test
    void theFirstSuggestionIsOfferedWhenNothingIsPublishedThere() throws Exception {
        assertEquals("202611a", suggest("", List.of()));
    }

    @Test
    void publishedSelectorsAndRevokedOnesArePassedOver() throws Exception {
        String published = """
                202611a._domainkey 300 IN TXT "v=DKIM1; k=rsa; p=MIIB"
                202611b._domainkey 300 IN TXT "v=DKIM1; p="
                """;

        assertEquals("202611c", suggest(published, List.of()));
    }

    @Test
    void selectorsMadeHereAreNeverOfferedEvenBeforeTheyArePublished() throws Exception {
        assertEquals("202611c", suggest("202611a._domainkey 300 IN TXT \"v=DKIM1; p=MIIB\"\n", List.of("202611b")));
    }

    @Test
    void aZoneThatAnswersEveryNameStopsTheSearch() throws Exception {
        String wildcard = "*._domainkey 300 IN TXT \"v=DKIM1; p=MIIB\"\n";

        assertEquals("202611aa", suggest(wildcard, List.of()),
                "26 suggestions passed over, the next one offered unasked");
    }

    @Test
    void aNameServerThatDoesNotAnswerSaysNothingIsTaken() throws Exception {
        dns = TestDnsServer.start("""
                $ORIGIN corp.example.
                @    300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @    300 IN NS  ns1
                202611a._domainkey 300 IN TXT "v=DKIM1; p=MIIB"
                """);
        dns.silenceName("202611a._domainkey.corp.example");

        assertEquals("202611a", Selectors.suggestUnpublished(resolver, ResolverTarget.servers(List.of(dns.address())),
                NOVEMBER, CORP, List.of()).get());
    }
}
