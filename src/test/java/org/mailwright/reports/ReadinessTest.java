package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.findings.Finding;

/** Readiness for the next DMARC stage, read from two weeks of a domain's reports. */
class ReadinessTest {

    private static final long DAY = 86_400;
    private static final long NOV_1 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();

    @TempDir
    Path folder;

    private Optional<String> readiness(List<List<SampleReports.Row>> days) throws Exception {
        return finding(days).map(Finding::id);
    }

    private Optional<Finding> finding(List<List<SampleReports.Row>> days) throws Exception {
        try (ReportArchive archive = ReportArchive.open(folder.resolve("archive.db").toString(), folder)) {
            for (int day = 0; day < days.size(); day++) {
                if (days.get(day).isEmpty()) {
                    continue;
                }
                Path file = Files.writeString(folder.resolve("d" + day + ".xml"),
                        SampleReports.xml("google.com", "g-" + day, "corp.test", NOV_1 + day * DAY, days.get(day)));
                archive.importFile(file, ReportLimits.DEFAULT);
            }
            return Readiness.of(archive, "corp.test");
        }
    }

    private static List<List<SampleReports.Row>> fortnight(List<SampleReports.Row> first, List<SampleReports.Row> last) {
        List<List<SampleReports.Row>> days = new java.util.ArrayList<>();
        days.add(first);
        for (int day = 1; day < 14; day++) {
            days.add(List.of());
        }
        days.add(last);
        return days;
    }

    @Test
    void twoWeeksOfAlignedMailFromItsOwnSendersIsReady() throws Exception {
        // A source known from the start that only ever fails is not the domain's own sender: it does not count against it.
        assertEquals(Optional.of("reports.ready-for-next-stage"), readiness(fortnight(
                List.of(SampleReports.row("192.0.2.1", 100, "pass", "pass"), SampleReports.row("198.51.100.66", 5, "fail", "fail")),
                List.of(SampleReports.row("192.0.2.1", 100, "pass", "pass"), SampleReports.row("198.51.100.66", 5, "fail", "fail")))));
    }

    @Test
    void oneFailureInTenThousandIsNotSaidAsAHundredPercent() throws Exception {
        Finding ready = finding(fortnight(List.of(SampleReports.row("192.0.2.1", 5_000, "pass", "pass")),
                List.of(SampleReports.row("192.0.2.1", 4_999, "pass", "pass"), SampleReports.row("192.0.2.1", 1, "fail", "fail"))))
                .orElseThrow();
        assertEquals("reports.ready-for-next-stage", ready.id());
        assertTrue(ready.message(Locale.ENGLISH).contains(" 99.9% of the mail "), ready.message(Locale.ENGLISH));
    }

    @Test
    void tooMuchUnalignedMailFromItsOwnSendersIsNotReady() throws Exception {
        assertEquals(Optional.of("reports.not-ready"), readiness(fortnight(
                List.of(SampleReports.row("192.0.2.1", 100, "pass", "pass")),
                List.of(SampleReports.row("192.0.2.1", 90, "pass", "pass"), SampleReports.row("192.0.2.1", 10, "fail", "fail")))));
    }

    @Test
    void aNewSourceFailingIsNotReadyAsItMayBeAnUnlistedSender() throws Exception {
        assertEquals(Optional.of("reports.not-ready"), readiness(fortnight(
                List.of(SampleReports.row("192.0.2.1", 100, "pass", "pass")),
                List.of(SampleReports.row("192.0.2.1", 100, "pass", "pass"), SampleReports.row("198.51.100.66", 5, "fail", "fail")))));
    }

    @Test
    void aFewDaysOrAFewMessagesAreTooLittleToJudge() throws Exception {
        assertEquals(Optional.of("reports.too-little-to-judge"),
                readiness(List.of(List.of(SampleReports.row("192.0.2.1", 500, "pass", "pass")))));
    }

    @Test
    void aDomainWithoutReportsHasNoWordOnIt() throws Exception {
        assertEquals(Optional.empty(), readiness(List.of()));
    }
}
