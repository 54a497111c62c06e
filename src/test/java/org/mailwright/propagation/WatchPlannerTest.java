package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.testdns.TestDnsServer;

/** Which servers a check asks: one rule for the command line and the window. */
class WatchPlannerTest {

    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(250)).withRetries(0));
    private final TestDnsServer current = TestDnsServer.start(PropagationProbeTest.CURRENT);
    private final TestDnsServer other = TestDnsServer.start(PropagationProbeTest.STALE);

    @AfterEach
    void close() {
        resolver.close();
        current.close();
        other.close();
    }

    private static List<String> ids(List<ProbeServer> servers) {
        return servers.stream().map(server -> server.target().id()).toList();
    }

    private static ResolverTarget server(String address) {
        return ResolverTarget.servers(List.of(ServerAddress.parse(address)));
    }

    @Test
    void withoutNamedServersTheResolverComesFirstThenTheStandardOnes() {
        assertEquals(List.of("quad9", "system", "google", "cloudflare"),
                ids(WatchPlanner.resolverColumns(new ServerChoice(PublicResolver.QUAD9, List.of(), true, false, 53))));
        assertEquals(List.of("system", "google", "cloudflare", "quad9"),
                ids(WatchPlanner.resolverColumns(new ServerChoice(ResolverTarget.system(), List.of(), true, false, 53))));
    }

    @Test
    void serversAddedInTheWindowJoinTheStandardOnes() {
        ServerChoice added = new ServerChoice(PublicResolver.QUAD9, List.of(server("192.0.2.53")), true, true, 53);
        assertEquals(List.of("quad9", "system", "google", "cloudflare", "192.0.2.53:53"), ids(WatchPlanner.resolverColumns(added)));
    }

    @Test
    void namedServersReplaceTheStandardOnes() {
        ServerChoice named = new ServerChoice(server("192.0.2.53"), List.of(server("192.0.2.53"), server("198.51.100.53")),
                false, false, 53);
        assertEquals(List.of("192.0.2.53:53", "198.51.100.53:53"), ids(WatchPlanner.resolverColumns(named)));
        assertFalse(named.asksNameServers());
        assertTrue(new ServerChoice(server("192.0.2.53"), List.of(server("192.0.2.53")), false, true, 53).asksNameServers());
    }

    @Test
    void aLoopbackResolverIsATestSetUpThePublicResolversCannotSee() {
        ServerChoice loopback = new ServerChoice(server("127.0.0.1:5392"), List.of(), true, false, 5392);
        assertTrue(loopback.resolverOnLoopback());
        assertEquals(List.of("127.0.0.1:5392"), ids(WatchPlanner.resolverColumns(loopback)));
    }

    @Test
    void aPortIsAPort() {
        assertThrows(IllegalArgumentException.class, () -> new ServerChoice(ResolverTarget.system(), List.of(), true, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new ServerChoice(ResolverTarget.system(), List.of(), true, false, 65536));
    }

    @Test
    void findsTheZoneAndEachNameServerAddressOnThePortGivenAndAsksAServerOnce() {
        WatchPlan plan = WatchPlanner.plan(resolver, "nope.deeper.example.test.",
                new ServerChoice(current.target(), List.of(current.target(), other.target()), false, true, current.port())).join();

        assertTrue(plan.zoneFound());
        assertEquals("example.test", plan.zone());
        assertEquals(List.of(ProbeServer.authoritative("ns1.example.test", current.address()), ProbeServer.resolver(other.target())),
                plan.servers(), "the resolver is one of the name servers: asked once, as what it is");
        assertEquals(1, plan.authoritativeCount());
    }

    @Test
    void twoNameServersOnOneAddressAreEachShownByNameAndAddress() {
        try (TestDnsServer shared = TestDnsServer.start("""
                $ORIGIN example.test.
                $TTL 300
                @    IN SOA ns1 hostmaster 1 3600 600 86400 120
                @    IN NS  ns1
                @    IN NS  ns2
                ns1  IN A   127.0.0.1
                ns2  IN A   127.0.0.1
                """)) {
            WatchPlan plan = WatchPlanner.plan(resolver, "_dmarc.example.test",
                    new ServerChoice(shared.target(), List.of(shared.target()), false, true, shared.port())).join();

            assertEquals(List.of(ProbeServer.authoritative("ns1.example.test", shared.address()),
                    ProbeServer.authoritative("ns2.example.test", shared.address())), plan.servers());
            assertEquals(2, plan.authoritativeCount());
            assertFalse(plan.servers().get(0).id().equals(plan.servers().get(1).id()), "two columns, told apart in every snapshot");
        }
    }

    @Test
    void nameServersOnAnotherPortAreOtherServers() {
        WatchPlan plan = WatchPlanner.plan(resolver, "example.test",
                new ServerChoice(current.target(), List.of(current.target()), false, true, 53)).join();

        assertEquals(List.of("127.0.0.1:53", current.address().toString()), ids(plan.servers()));
    }

    @Test
    void withoutAZoneOnlyTheResolversAreAsked() {
        WatchPlan plan = WatchPlanner.plan(resolver, "example.org",
                new ServerChoice(current.target(), List.of(), true, true, current.port())).join();

        assertFalse(plan.zoneFound(), "REFUSED all the way up");
        assertEquals("example.org", plan.zone());
        assertEquals(List.of(current.address().toString()), ids(plan.servers()));
    }

    @Test
    void theServersAreFoundAfreshEachTimeThoughTheServiceCaches() {
        ServerChoice choice = new ServerChoice(current.target(), List.of(), true, true, current.port());
        WatchPlanner.plan(resolver, "_dmarc.example.test", choice).join();
        int asked = current.udpQueries();

        WatchPlanner.plan(resolver, "_dmarc.example.test", choice).join();

        assertTrue(current.udpQueries() > asked, "asked again, not answered from the cache");
    }
}
