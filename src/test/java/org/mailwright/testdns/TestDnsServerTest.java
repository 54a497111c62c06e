package org.mailwright.testdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;

class TestDnsServerTest {

    private static final String ZONE = """
            $ORIGIN example.test.
            @        300 IN TXT "v=spf1 -all"
            www      300 IN A   192.0.2.10
            """;

    private final ResolverService resolver =
            new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withCache(false));

    @Test
    void servesRecordsAndNegativeAnswersOverUdp() {
        try (TestDnsServer dns = TestDnsServer.start(ZONE)) {
            LookupResult txt = resolver.lookup("example.test", RecordType.TXT, dns.target()).join();
            LookupResult missing = resolver.lookup("nope.example.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.OK, txt.outcome());
            assertEquals(List.of("v=spf1 -all"), txt.values());
            assertEquals(Outcome.NXDOMAIN, missing.outcome());
            assertEquals(TestDnsServer.DEFAULT_NEGATIVE_TTL, missing.ttl());
            assertTrue(dns.udpQueries() >= 2);
        }
    }
}
