package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailwright.testdns.TestDnsServer;

/** A question asked again while its answer is on the way waits for that answer: a batch asks a shared include once. */
class SharedLookupTest {

    @Test
    void concurrentAskersOfOneQuestionShareOneQuery() {
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN provider.test.\n_spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
             ResolverService resolver = new ResolverService(ResolverOptions.defaults())) {
            // The answer takes its time, so every asker asks while the first question is still on its way.
            dns.setLatency(java.time.Duration.ofMillis(300));
            List<ResolverService> views = IntStream.range(0, 20).mapToObj(i -> resolver.fresh()).toList();
            List<CompletableFuture<LookupResult>> askers = views.stream()
                    .map(view -> view.lookup("_spf.provider.test", RecordType.TXT, dns.target()))
                    .toList();

            askers.forEach(asker -> assertEquals(Outcome.OK, asker.join().outcome()));
            assertEquals(1, dns.udpQueries());
        }
    }

    @Test
    void aFreshViewMadeAfterTheAnswerAsksAgain() {
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN provider.test.\n_spf TXT \"v=spf1 -all\"\n");
             ResolverService resolver = new ResolverService(ResolverOptions.defaults())) {
            resolver.lookup("_spf.provider.test", RecordType.TXT, dns.target()).join();
            resolver.fresh().lookup("_spf.provider.test", RecordType.TXT, dns.target()).join();

            assertEquals(2, dns.udpQueries());
        }
    }
}
