package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's DKIM ledger, dispositions and override reasons, from real imports, on SQLite and
 * PostgreSQL alike: a selector replaced by a newer one is rotated, one that just stopped is stale,
 * two selectors on one message are dual signing, and each message is counted once per reason.
 */
class SummaryLedgerTest {

    @TempDir
    Path folder;

    private ReportArchive open(String kind) {
        return kind.equals("postgresql") ? ReportArchive.open(TestPostgres.newDatabase(), folder)
                : ReportArchive.open(folder.resolve("archive.db").toString(), folder);
    }

    private void importHistory(ReportArchive archive) throws IOException {
        for (Map.Entry<String, String> report : SampleReports.ledgerHistory().entrySet()) {
            Path file = Files.writeString(folder.resolve(report.getKey() + ".xml"), report.getValue());
            assertEquals(1, archive.importFile(file, ReportLimits.DEFAULT).imported());
        }
    }

    private static Summary.Selector selector(String domain, String selector, long messages, long pass, int firstDay, int lastDay,
                                             Summary.SelectorState state, boolean dual, String replacement) {
        return new Summary.Selector(domain, selector, messages, pass, messages - pass, LocalDate.of(2026, 11, firstDay),
                LocalDate.of(2026, 11, lastDay), state, dual, Optional.ofNullable(replacement));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theLedgerFollowsEachSelectorFromFirstToLastSight(String kind) throws IOException {
        try (ReportArchive archive = open(kind)) {
            importHistory(archive);

            Summary shop = archive.summary(new SummaryQuery("shop.test", null, null));

            assertEquals(List.of(
                    selector("esp.test", "s1", 40, 40, 10, 10, Summary.SelectorState.STALE, false, null),
                    selector("shop.test", "new", 47, 47, 10, 20, Summary.SelectorState.ACTIVE, false, null),
                    selector("shop.test", "old", 35, 30, 1, 5, Summary.SelectorState.ROTATED, true, "new"),
                    selector("shop.test", "ed", 20, 20, 5, 5, Summary.SelectorState.ROTATED, true, "new"),
                    selector("shop.test", "gone", 3, 0, 12, 12, Summary.SelectorState.STALE, false, null)), shop.selectors());
            Summary all = archive.summary(SummaryQuery.ALL);
            assertEquals(Summary.SelectorState.ACTIVE, all.selectors().stream()
                    .filter(each -> each.selector().equals("new")).findFirst().orElseThrow().state());
            assertEquals(Summary.SelectorState.ACTIVE, all.selectors().stream()
                    .filter(each -> each.domain().equals("other.test")).findFirst().orElseThrow().state());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDateRangeJudgesSelectorsByItsOwnNewestReport(String kind) throws IOException {
        try (ReportArchive archive = open(kind)) {
            importHistory(archive);

            Summary early = archive.summary(new SummaryQuery("shop.test", null, LocalDate.of(2026, 11, 5)));

            assertEquals(List.of(
                    selector("shop.test", "old", 35, 30, 1, 5, Summary.SelectorState.ACTIVE, true, null),
                    selector("shop.test", "ed", 20, 20, 5, 5, Summary.SelectorState.ACTIVE, true, null)), early.selectors());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void dispositionsAndOverrideReasonsCountMessagesOncePerRow(String kind) throws IOException {
        try (ReportArchive archive = open(kind)) {
            importHistory(archive);

            Summary shop = archive.summary(new SummaryQuery("shop.test", null, null));

            Map<String, Long> dispositions = new LinkedHashMap<>();
            dispositions.put("none", 37L);
            dispositions.put("quarantine", 5L);
            dispositions.put("reject", 3L);
            dispositions.put("pass", 40L);
            assertEquals(dispositions, shop.dispositions());
            assertEquals(List.copyOf(dispositions.keySet()), List.copyOf(shop.dispositions().keySet()));
            assertEquals(List.of(
                    new Summary.OverrideReason("trusted_forwarder", 40, List.of("x".repeat(ReportArchive.COMMENT_LENGTH - 1) + "…")),
                    new Summary.OverrideReason("forwarded", 12, List.of("again", "other comment", "fourth")),
                    new Summary.OverrideReason("local_policy", 3, List.of()),
                    new Summary.OverrideReason("policy_test_mode", 3, List.of())), shop.overrides());
            assertEquals(5, archive.summary(new SummaryQuery("shop.test", null, LocalDate.of(2026, 11, 1))).overrides().get(0).messages());
        }
    }
}
