package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.Detail;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/** The back-off schedule and the diff it reacts to, on snapshots assembled from made-up answers. */
class RefreshScheduleTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final ExpectedRecord SPF = ExpectedRecord.of("example.test", RecordType.TXT, "v=spf1 mx -all");
    private static final ProbeServer RESOLVER = ProbeServer.resolver(
            ResolverTarget.servers(List.of(new ServerAddress("127.0.0.1", 5300))));

    private static LookupResult txt(String value, long ttl) {
        return new LookupResult("example.test", RecordType.TXT, Outcome.OK,
                List.of(new DnsRecord("example.test", RecordType.TXT, ttl, value, List.of(value))), List.of(), ttl,
                "127.0.0.1:5300", Detail.NONE, false, Duration.ZERO);
    }

    private static Snapshot snapshot(Instant at, String value, long ttl) {
        LookupResult noSoa = new LookupResult("example.test", RecordType.SOA, Outcome.NODATA, List.of(), List.of(),
                LookupResult.NO_TTL, "127.0.0.1:5300", Detail.NONE, false, Duration.ZERO);
        return SnapshotAssembler.assemble("example.test", at, List.of(new ServerStatus(RESOLVER, noSoa)),
                List.of(SPF), List.of(List.of(txt(value, ttl))));
    }

    @Test
    void backsOffFromFifteenSecondsToFiveMinutesAndStartsAgainAfterAChange() {
        Snapshot old = snapshot(NOW, "v=spf1 -all", 3600);
        SnapshotDiff unchanged = SnapshotDiff.between(Optional.of(old), snapshot(NOW.plusSeconds(15), "v=spf1 -all", 3585));
        assertTrue(unchanged.isEmpty(), "a TTL counting down is no change");

        RefreshSchedule schedule = RefreshSchedule.standard();
        List<Long> waits = new ArrayList<>();
        for (int probe = 0; probe < 7; probe++) {
            waits.add(schedule.current().toSeconds());
            schedule = schedule.after(unchanged);
        }
        assertEquals(List.of(15L, 30L, 60L, 120L, 240L, 300L, 300L), waits);

        SnapshotDiff changed = SnapshotDiff.between(Optional.of(old), snapshot(NOW.plusSeconds(30), "v=spf1 mx -all", 300));
        assertFalse(changed.isEmpty());
        assertTrue(changed.becamePropagated());
        assertEquals(Duration.ofSeconds(15), schedule.after(changed).current());
    }

    @Test
    void waitsNoLongerThanJustAfterTheNextCacheExpiry() {
        RefreshSchedule backedOff = new RefreshSchedule(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofMinutes(5));
        Snapshot expiresSoon = snapshot(NOW, "v=spf1 -all", 40);
        assertEquals(Duration.ofSeconds(41), backedOff.delay(expiresSoon, NOW));
        assertEquals(Duration.ofSeconds(15), backedOff.delay(expiresSoon, NOW.plusSeconds(35)), "never under the minimum");
        assertEquals(Duration.ofMinutes(5), backedOff.delay(snapshot(NOW, "v=spf1 -all", 3600), NOW));
    }

    @Test
    void theFirstSnapshotIsAllNews() {
        SnapshotDiff first = SnapshotDiff.between(Optional.empty(), snapshot(NOW, "v=spf1 -all", 300));
        assertTrue(first.isFirstLook());
        assertEquals(CellState.MISMATCH, first.cells().get(0).after());
        assertEquals(List.of("v=spf1 -all"), first.cells().get(0).afterValues());
    }

    @Test
    void historyKeepsTheLatestChangesUpToItsLimit() {
        ProbeHistory history = new ProbeHistory(Optional.empty(), Optional.empty(), List.of(), 2);
        history = history.record(snapshot(NOW, "v=spf1 -all", 300))
                .record(snapshot(NOW.plusSeconds(15), "v=spf1 ~all", 300))
                .record(snapshot(NOW.plusSeconds(30), "v=spf1 ~all", 285))
                .record(snapshot(NOW.plusSeconds(45), "v=spf1 mx -all", 300));
        assertEquals(List.of(NOW.plusSeconds(15), NOW.plusSeconds(45)),
                history.changes().stream().map(SnapshotDiff::at).toList());
        assertTrue(history.lastDiff().orElseThrow().becamePropagated());
    }

    @Test
    void refusesAnImpossibleSchedule() {
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshSchedule(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(20)));
    }
}
