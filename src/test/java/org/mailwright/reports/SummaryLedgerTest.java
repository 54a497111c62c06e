package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private static final String LONG_COMMENT = "x".repeat(300);

    @TempDir
    Path folder;

    private ReportArchive open(String kind) {
        return kind.equals("postgresql") ? ReportArchive.open(TestPostgres.newDatabase(), folder)
                : ReportArchive.open(folder.resolve("archive.db").toString(), folder);
    }

    /** One record: source, count, disposition, DKIM signatures as "d/s/result", and reasons as "type/comment". */
    private static String record(String ip, long count, String disposition, List<String> signatures, List<String> reasons) {
        StringBuilder xml = new StringBuilder("<record><row><source_ip>" + ip + "</source_ip><count>" + count
                + "</count><policy_evaluated><disposition>" + disposition + "</disposition><dkim>pass</dkim><spf>fail</spf>");
        for (String reason : reasons) {
            String[] parts = reason.split("/", 2);
            xml.append("<reason><type>").append(parts[0]).append("</type>")
                    .append(parts.length > 1 ? "<comment>" + parts[1] + "</comment>" : "").append("</reason>");
        }
        xml.append("</policy_evaluated></row><identifiers><header_from>shop.test</header_from></identifiers><auth_results>");
        for (String signature : signatures) {
            String[] parts = signature.split("/");
            xml.append("<dkim><domain>").append(parts[0]).append("</domain><selector>").append(parts[1])
                    .append("</selector><result>").append(parts[2]).append("</result></dkim>");
        }
        return xml.append("<spf><domain>shop.test</domain><result>fail</result></spf></auth_results></record>").toString();
    }

    private void importReport(ReportArchive archive, String id, String domain, LocalDate day, String... records) throws IOException {
        long begin = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Path file = folder.resolve(id + ".xml");
        Files.writeString(file, "<feedback><report_metadata><org_name>receiver.example</org_name><email>r@receiver.example</email>"
                + "<report_id>" + id + "</report_id><date_range><begin>" + begin + "</begin><end>" + (begin + 86399)
                + "</end></date_range></report_metadata><policy_published><domain>" + domain
                + "</domain><p>none</p></policy_published>" + String.join("", records) + "</feedback>");
        assertEquals(1, archive.importFile(file, ReportLimits.DEFAULT).imported());
    }

    private void importHistory(ReportArchive archive) throws IOException {
        importReport(archive, "a", "shop.test", LocalDate.of(2026, 12, 1),
                record("192.0.2.1", 10, "none", List.of("shop.test/old/pass"), List.of()),
                record("192.0.2.2", 5, "quarantine", List.of("shop.test/old/fail"),
                        List.of("forwarded/via   list\n server", "forwarded/fourth")));
        importReport(archive, "b", "shop.test", LocalDate.of(2026, 12, 5),
                record("192.0.2.1", 20, "none", List.of("shop.test/old/pass", "shop.test/ed/pass"), List.of()));
        importReport(archive, "c", "shop.test", LocalDate.of(2026, 12, 10),
                record("192.0.2.1", 40, "pass", List.of("shop.test/new/pass", "esp.test/s1/pass"),
                        List.of("trusted_forwarder/" + LONG_COMMENT)));
        importReport(archive, "d", "shop.test", LocalDate.of(2026, 12, 12),
                record("192.0.2.3", 3, "reject", List.of("shop.test/gone/fail"), List.of("local_policy", "policy_test_mode")));
        importReport(archive, "e", "shop.test", LocalDate.of(2026, 12, 20),
                record("192.0.2.1", 7, "none", List.of("shop.test/new/pass"), List.of("forwarded/other comment", "forwarded/again")));
        // Another domain's much newer report must not make shop.test's selectors look stale.
        importReport(archive, "f", "other.test", LocalDate.of(2026, 12, 31),
                record("198.51.100.1", 2, "none", List.of("other.test/x/pass"), List.of()));
    }

    private static Summary.Selector selector(String domain, String selector, long messages, long pass, int firstDay, int lastDay,
                                             Summary.SelectorState state, boolean dual, String replacement) {
        return new Summary.Selector(domain, selector, messages, pass, messages - pass, LocalDate.of(2026, 12, firstDay),
                LocalDate.of(2026, 12, lastDay), state, dual, Optional.ofNullable(replacement));
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

            Summary early = archive.summary(new SummaryQuery("shop.test", null, LocalDate.of(2026, 12, 5)));

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
            assertEquals(5, archive.summary(new SummaryQuery("shop.test", null, LocalDate.of(2026, 12, 1))).overrides().get(0).messages());
        }
    }
}
