package org.mailwright.ui.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.PropagationProbe;
import org.mailwright.propagation.Role;
import org.mailwright.propagation.Snapshot;
import org.mailwright.testdns.TestDnsServer;

/** Which servers a watch asks, and what a record picked without a value is compared with. */
class WatchPlannerTest {

    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(250)).withRetries(0).withCache(false));
    private final PropagationProbe probe = new PropagationProbe(resolver, Clock.systemUTC());
    private final TestDnsServer current = TestDnsServer.start(PropagationViewModelTest.CURRENT);
    private final TestDnsServer behind = TestDnsServer.start(PropagationViewModelTest.BEHIND);

    @AfterEach
    void close() {
        resolver.close();
        current.close();
        behind.close();
    }

    @Test
    void theResolverInSettingsComesFirstThenTheStandardOnesThenTheAddedOnes() {
        ServerAddress added = ServerAddress.parse("192.0.2.53");
        List<String> ids = WatchPlanner.resolverColumns(PublicResolver.QUAD9, List.of(added)).stream()
                .map(server -> server.target().id()).toList();
        assertEquals(List.of("quad9", "system", "google", "cloudflare", "192.0.2.53:53"), ids);
    }

    @Test
    void aLoopbackResolverIsATestSetupWhoseNameServersListenOnItsPort() {
        ResolverTarget loopback = ResolverTarget.servers(List.of(ServerAddress.parse("127.0.0.1:5392")));
        assertEquals(List.of("127.0.0.1:5392"),
                WatchPlanner.resolverColumns(loopback, List.of()).stream().map(server -> server.target().id()).toList(),
                "public resolvers cannot see a loopback zone");
        assertEquals(5392, loopback.nameServerPort());
    }

    @Test
    void findsEachNameServerAddressAndAsksTheResolverThatIsOneOfThemOnce() {
        WatchPlan plan = WatchPlanner.plan(probe, "example.test", current.target(), List.of(behind.address())).join();

        assertTrue(plan.zoneFound());
        assertEquals("example.test", plan.zone());
        assertEquals(List.of(Role.AUTHORITATIVE, Role.RESOLVER), plan.servers().stream().map(ProbeServer::role).toList());
        assertEquals(List.of(current.address().toString(), behind.address().toString()),
                plan.servers().stream().map(server -> server.target().id()).toList());
        assertEquals(1, plan.authoritativeCount());
    }

    @Test
    void aRecordPickedWithoutAValueIsComparedWithTheNewestZoneNotTheMajority() {
        try (TestDnsServer alsoBehind = TestDnsServer.start(PropagationViewModelTest.BEHIND)) {
            List<ProbeServer> servers = List.of(ProbeServer.authoritative("ns1", current.address()),
                    ProbeServer.authoritative("ns2", behind.address()),
                    ProbeServer.authoritative("ns3", alsoBehind.address()));
            ExpectedRecord given = ExpectedRecord.of("example.test", RecordType.TXT, "v=spf1 -all");
            Snapshot byMajority = probe.probe("example.test",
                    List.of(ExpectedRecord.mostCommonAnswer("_dmarc.example.test", RecordType.TXT), given), servers).join();
            assertEquals(List.of(PropagationViewModelTest.OLD_DMARC), byMajority.rows().get(0).reference());

            Snapshot byNewest = NewestReference.apply(byMajority);

            assertEquals(List.of(PropagationViewModelTest.NEW_DMARC), byNewest.rows().get(0).reference());
            assertEquals(List.of(CellState.MATCH, CellState.STALE, CellState.STALE),
                    byNewest.rows().get(0).cells().stream().map(cell -> cell.state()).toList());
            assertEquals(given, byNewest.rows().get(1).record(), "a value given stays the reference");
        }
    }

    @Test
    void withoutANameServerAnsweringTheMostCommonAnswerStays() {
        Snapshot resolversOnly = probe.probe("example.test",
                List.of(ExpectedRecord.mostCommonAnswer("_dmarc.example.test", RecordType.TXT)),
                List.of(ProbeServer.resolver(current.target()))).join();

        Snapshot same = NewestReference.apply(resolversOnly);

        assertFalse(same.rows().get(0).record().hasExpectedValues());
        assertEquals(resolversOnly, same);
    }
}
