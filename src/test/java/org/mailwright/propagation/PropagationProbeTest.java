package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** The probe against several in-process authoritative servers: one current, one stale, one silent. */
class PropagationProbeTest {

    static final String NEW_DMARC = "v=DMARC1; p=reject; rua=mailto:dmarc@example.test";
    static final String OLD_DMARC = "v=DMARC1; p=none; rua=mailto:dmarc@example.test";

    static String zone(long serial, String dmarcRecord) {
        return """
                $ORIGIN example.test.
                $TTL 300
                @       IN SOA ns1 hostmaster %d 3600 600 86400 120
                @       IN NS  ns1
                ns1     IN A   127.0.0.1
                @       IN MX  10 mail
                mail    IN A   192.0.2.25
                %s
                """.formatted(serial, dmarcRecord);
    }

    static final String CURRENT = zone(2026010102, "_dmarc 600 IN TXT \"v=DMARC1; p=reject; \" \"rua=mailto:dmarc@example.test\"");
    static final String STALE = zone(2026010101, "_dmarc 600 IN TXT \"" + OLD_DMARC + "\"");
    static final String NOT_YET = zone(2026010101, "");

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(250)).withRetries(0).withCache(false));
    private final PropagationProbe probe = new PropagationProbe(resolver, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestDnsServer current = TestDnsServer.start(CURRENT);
    private final TestDnsServer stale = TestDnsServer.start(STALE);
    private final TestDnsServer silent = TestDnsServer.start(CURRENT);

    @AfterEach
    void stop() {
        resolver.close();
        current.close();
        stale.close();
        silent.close();
    }

    private List<ProbeServer> authoritative() {
        return List.of(ProbeServer.authoritative("ns1.example.test", current.address()),
                ProbeServer.authoritative("ns2.example.test", stale.address()),
                ProbeServer.authoritative("ns3.example.test", silent.address()));
    }

    private Snapshot run(List<ExpectedRecord> records, List<ProbeServer> servers) {
        return probe.probe("example.test", records, servers).join();
    }

    @Test
    void currentStaleAndSilentServersEachShowWhatTheyHave() {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        Snapshot snapshot = run(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC)),
                authoritative());

        Row row = snapshot.rows().get(0);
        assertEquals(List.of(CellState.MATCH, CellState.STALE, CellState.ERROR),
                row.cells().stream().map(Cell::state).toList());
        assertEquals(OptionalLong.of(2026010102), snapshot.servers().get(0).serial());
        assertEquals(OptionalLong.of(2026010101), snapshot.servers().get(1).serial());
        assertEquals(OptionalLong.empty(), snapshot.servers().get(2).serial());
        assertEquals(OptionalLong.of(2026010102), snapshot.newestSerial());

        Cell match = row.cells().get(0);
        assertEquals(List.of(NEW_DMARC), match.values(), "the strings as published, joined");
        assertEquals(600, match.ttl());
        assertEquals(current.address().toString(), match.server());
        Cell behind = row.cells().get(1);
        assertEquals(List.of(OLD_DMARC), behind.values());
        assertEquals(stale.address() + " is behind: its zone serial is 2026010101 while the newest is 2026010102;"
                + " it still answers " + OLD_DMARC + ".", behind.explain(Locale.ENGLISH));
        assertTrue(row.cells().get(2).explain(Locale.ENGLISH).startsWith("No answer from " + silent.address()),
                row.cells().get(2).explain(Locale.ENGLISH));

        assertFalse(snapshot.propagated());
        assertEquals(PropagationEstimate.unknown(), snapshot.estimate(), "a silent server gives no estimate");
    }

    @Test
    void turnsGreenWhenTheOthersCatchUp() {
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        List<ExpectedRecord> records = List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC));
        ProbeHistory history = ProbeHistory.empty().record(run(records, authoritative()));
        assertFalse(history.latest().orElseThrow().propagated());

        stale.replaceZones(CURRENT);
        silent.setBehaviour(TestDnsServer.Behaviour.NORMAL);
        history = history.record(run(records, authoritative()));

        Snapshot green = history.latest().orElseThrow();
        assertTrue(green.propagated());
        assertEquals(PropagationEstimate.done(NOW), green.estimate());
        SnapshotDiff diff = history.lastDiff().orElseThrow();
        assertTrue(diff.becamePropagated());
        assertEquals(List.of(Optional.of(CellState.STALE), Optional.of(CellState.ERROR)),
                diff.cells().stream().map(SnapshotDiff.CellChange::before).toList());
        assertEquals(List.of("ns2.example.test", "ns3.example.test"),
                diff.serials().stream().map(change -> change.server().label()).toList());
        assertEquals(2, history.changes().size(), "the first look and the catching up");
    }

    @Test
    void aMissingRecordCarriesTheNegativeCachingTime() {
        stale.replaceZones(NOT_YET);
        Snapshot snapshot = run(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC)),
                List.of(ProbeServer.authoritative("ns1", current.address()), ProbeServer.resolver(stale.target())));
        Cell missing = snapshot.cell(0, 1);
        assertEquals(CellState.MISSING, missing.state(), "a resolver is never stale, whatever its serial");
        assertEquals(120, missing.ttl(), "min(SOA TTL 300, MINIMUM 120)");
        assertEquals(stale.address() + " has no such record (NXDOMAIN); resolvers may remember that for 120 s.",
                missing.explain(Locale.ENGLISH));
        assertEquals(Optional.of(NOW.plusSeconds(120)), missing.expectedBy());
        assertEquals(PropagationEstimate.estimated(NOW.plusSeconds(120)), snapshot.estimate());
    }

    @Test
    void resolversClearWhenTheOldAnswersTtlRunsOut() {
        Snapshot snapshot = run(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC)),
                List.of(ProbeServer.authoritative("ns1", current.address()), ProbeServer.resolver(stale.target())));
        Cell old = snapshot.cell(0, 1);
        assertEquals(CellState.MISMATCH, old.state());
        assertEquals(stale.address() + " answers something else: " + OLD_DMARC + " (TTL 600 s).",
                old.explain(Locale.ENGLISH));
        assertEquals(PropagationEstimate.estimated(NOW.plusSeconds(600)), snapshot.estimate());
    }

    @Test
    void whileASecondaryIsBehindResolversMayFetchTheOldAnswerUntilItRefreshes() {
        Snapshot snapshot = run(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC)),
                List.of(ProbeServer.authoritative("ns1", current.address()),
                        ProbeServer.authoritative("ns2", stale.address()), ProbeServer.resolver(current.target())));
        assertEquals(CellState.STALE, snapshot.cell(0, 1).state());
        assertEquals(Optional.of(NOW.plusSeconds(3600)), snapshot.cell(0, 1).expectedBy(), "the SOA refresh");
        assertEquals(CellState.MATCH, snapshot.cell(0, 2).state());
        assertEquals(Optional.of(NOW.plusSeconds(3600 + 600)), snapshot.cell(0, 2).expectedBy(),
                "refresh plus the old answer's TTL");
        assertEquals(PropagationEstimate.estimated(NOW.plusSeconds(4200)), snapshot.estimate());
    }

    @Test
    void anAuthoritativeServerWithTheCurrentSerialButAnotherValueWasNeverPublished() {
        Snapshot snapshot = run(List.of(ExpectedRecord.of("_dmarc.example.test", RecordType.TXT,
                        "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.test")),
                List.of(ProbeServer.authoritative("ns1", current.address())));
        assertEquals(CellState.MISMATCH, snapshot.cell(0, 0).state());
        assertEquals(PropagationEstimate.unknown(), snapshot.estimate());
    }

    @Test
    void withoutExpectedValuesTheNewestZoneIsTheReferenceNotTheMajority() {
        try (TestDnsServer another = TestDnsServer.start(STALE)) {
            Snapshot snapshot = run(List.of(ExpectedRecord.asPublished("_dmarc.example.test", RecordType.TXT)),
                    List.of(ProbeServer.authoritative("ns2", stale.address()),
                            ProbeServer.authoritative("ns1", current.address()),
                            ProbeServer.resolver(another.target())));
            Row row = snapshot.rows().get(0);
            assertEquals(Row.Reference.NEWEST_ZONE, row.source());
            assertEquals(List.of(NEW_DMARC), row.reference(), "the change on its way out, though two of three have the old");
            assertEquals(List.of(CellState.STALE, CellState.MATCH, CellState.MISMATCH),
                    row.cells().stream().map(Cell::state).toList());
        }
    }

    @Test
    void withoutANameServerAtTheNewestSerialWithTheRecordTheMostCommonAnswerIsTheReference() {
        try (TestDnsServer another = TestDnsServer.start(STALE); TestDnsServer removed = TestDnsServer.start(zone(2026010103, ""))) {
            Snapshot resolversOnly = run(List.of(ExpectedRecord.asPublished("_dmarc.example.test", RecordType.TXT)),
                    List.of(ProbeServer.resolver(current.target()), ProbeServer.resolver(stale.target()),
                            ProbeServer.resolver(another.target())));
            assertEquals(Row.Reference.MOST_COMMON, resolversOnly.rows().get(0).source());
            assertEquals(List.of(OLD_DMARC), resolversOnly.rows().get(0).reference());

            Snapshot newestHasNone = run(List.of(ExpectedRecord.asPublished("_dmarc.example.test", RecordType.TXT)),
                    List.of(ProbeServer.authoritative("ns1", removed.address()), ProbeServer.resolver(current.target())));
            assertEquals(Row.Reference.MOST_COMMON, newestHasNone.rows().get(0).source());
            assertEquals(List.of(NEW_DMARC), newestHasNone.rows().get(0).reference());

            Snapshot nobody = run(List.of(ExpectedRecord.asPublished("nothing.example.test", RecordType.TXT)),
                    List.of(ProbeServer.authoritative("ns1", current.address())));
            assertEquals(Row.Reference.NONE, nobody.rows().get(0).source());
            assertEquals(List.of(), nobody.rows().get(0).reference());
        }
    }

    @Test
    void severalRecordsAreRowsAndTheDnsOutcomesBecomeErrors() {
        stale.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
        silent.setBehaviour(TestDnsServer.Behaviour.REFUSED);
        Snapshot snapshot = run(List.of(
                        ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, NEW_DMARC),
                        ExpectedRecord.of("example.test", RecordType.MX, "10 mail.example.test")),
                authoritative());
        assertEquals(2, snapshot.rows().size());
        assertEquals(List.of(CellState.MATCH, CellState.ERROR, CellState.ERROR),
                snapshot.rows().get(1).cells().stream().map(Cell::state).toList());
        assertTrue(snapshot.cell(1, 1).explain(Locale.ENGLISH).contains("(SERVFAIL)"));
        assertTrue(snapshot.cell(1, 2).explain(Locale.ENGLISH).contains("(REFUSED)"));
    }

    @Test
    void asksEveryServerFreshEachTimeEvenWhenTheResolverServiceCaches() {
        try (ResolverService caching = new ResolverService(ResolverOptions.defaults())) {
            PropagationProbe fresh = new PropagationProbe(caching, Clock.systemUTC());
            List<ExpectedRecord> records = List.of(ExpectedRecord.of("example.test", RecordType.MX, "10 mail.example.test"));
            fresh.probe("example.test", records, List.of(ProbeServer.resolver(current.target()))).join();
            int before = current.udpQueries();
            fresh.probe("example.test", records, List.of(ProbeServer.resolver(current.target()))).join();
            assertEquals(before + 2, current.udpQueries(), "the record and the SOA, again");
        }
    }
}
