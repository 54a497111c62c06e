package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a selector stands, decided once: the thresholds and the rotation rule at their edges. */
class SelectorLedgerTest {

    private static final LocalDate NEWEST = LocalDate.of(2026, 12, 20);

    private static SelectorLedger.Sighting seen(String selector, LocalDate first, LocalDate last) {
        return new SelectorLedger.Sighting("corp.test", selector, 10, 9, first, last, NEWEST, false);
    }

    private static Summary.SelectorState state(List<Summary.Selector> ledger, String selector) {
        return ledger.stream().filter(each -> each.selector().equals(selector)).findFirst().orElseThrow().state();
    }

    @Test
    void aSelectorSeenExactlyTheThresholdBeforeTheNewestReportIsStillActive() {
        List<Summary.Selector> ledger = SelectorLedger.of(List.of(
                seen("edge", NEWEST.minusDays(30), NEWEST.minusDays(SelectorLedger.ACTIVE_DAYS)),
                seen("gone", NEWEST.minusDays(30), NEWEST.minusDays(SelectorLedger.ACTIVE_DAYS + 1))));

        assertEquals(Summary.SelectorState.ACTIVE, state(ledger, "edge"));
        assertEquals(Summary.SelectorState.STALE, state(ledger, "gone"));
    }

    @Test
    void onlyANewerActiveSelectorOfTheSameDomainMakesAStaleOneRotated() {
        LocalDate month = NEWEST.minusDays(30);
        List<Summary.Selector> ledger = SelectorLedger.of(List.of(
                seen("older-active", month.minusDays(5), NEWEST),
                seen("stale", month, month),
                new SelectorLedger.Sighting("other.test", "newer", 1, 1, NEWEST, NEWEST, NEWEST, false)));

        assertEquals(Summary.SelectorState.STALE, state(ledger, "stale"));

        List<Summary.Selector> rotated = SelectorLedger.of(List.of(seen("stale", month, month), seen("next", month.plusDays(1), NEWEST)));

        assertEquals(Summary.SelectorState.ROTATED, state(rotated, "stale"));
        assertEquals(Optional.of("next"), rotated.get(1).replacement());
        assertEquals(1, rotated.get(1).dkimFail());
    }

    @Test
    void oneSelectorSigningForTwoReportedDomainsIsMergedAndJudgedByTheNewerOfTheirReports() {
        LocalDate early = NEWEST.minusDays(20);
        List<Summary.Selector> ledger = SelectorLedger.of(List.of(
                new SelectorLedger.Sighting("esp.test", "s1", 5, 5, early, early, early, false),
                new SelectorLedger.Sighting("esp.test", "s1", 7, 6, early.plusDays(2), early.plusDays(2), NEWEST, true)));

        assertEquals(List.of(new Summary.Selector("esp.test", "s1", 12, 11, 1, early, early.plusDays(2),
                Summary.SelectorState.STALE, true, Optional.empty())), ledger);
    }
}
