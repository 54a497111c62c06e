package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source is new when the archive had watched the domain for a while without seeing it. */
class SourceHistoryTest {

    private static final long DAY = 86_400;
    private static final long NOV_1 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();

    @TempDir
    Path folder;

    @Test
    void aSourceFirstSeenInTheLastWeekAfterAWeekOfWatchingIsNew() throws Exception {
        Path first = Files.writeString(folder.resolve("a.xml"), SampleReports.xml("google.com", "g-1", "corp.test", NOV_1,
                List.of(SampleReports.row("192.0.2.1", 10, "pass", "pass"))));
        Path later = Files.writeString(folder.resolve("b.xml"), SampleReports.xml("google.com", "g-2", "corp.test", NOV_1 + 10 * DAY,
                List.of(SampleReports.row("192.0.2.1", 10, "pass", "pass"), SampleReports.row("203.0.113.5", 4, "fail", "fail"))));
        try (ReportArchive archive = ReportArchive.open(folder.resolve("archive.db").toString(), folder)) {
            archive.importFile(first, ReportLimits.DEFAULT);
            archive.importFile(later, ReportLimits.DEFAULT);

            SourceHistory history = archive.sourceHistory("CORP.test.");

            assertEquals(Optional.of(Instant.ofEpochSecond(NOV_1 + 10 * DAY)), history.newSince("203.0.113.5"));
            assertEquals(Optional.empty(), history.newSince("192.0.2.1"), "seen from the first report on");
            assertEquals(Optional.empty(), archive.sourceHistory("other.test").newSince("203.0.113.5"));
        }
    }

    @Test
    void aReportDatedAfterItsImportMovesNothingAndIsSaid() throws Exception {
        // A forger's report, dated a year ahead, with a source nobody has seen: it must not make the
        // real reports old, nor its source new, nor the readiness window end in the future.
        long now = Instant.now().getEpochSecond();
        long ahead = now + 365 * DAY;
        Path first = Files.writeString(folder.resolve("a.xml"), SampleReports.xml("google.com", "g-1", "corp.test", NOV_1,
                List.of(SampleReports.row("192.0.2.1", 10, "pass", "pass"))));
        Path forged = Files.writeString(folder.resolve("b.xml"), SampleReports.xml("forger.example", "f-1", "corp.test", ahead,
                List.of(SampleReports.row("203.0.113.5", 1000, "pass", "pass"))));
        try (ReportArchive archive = ReportArchive.open(folder.resolve("archive.db").toString(), folder)) {
            archive.importFile(first, ReportLimits.DEFAULT);
            archive.importFile(forged, ReportLimits.DEFAULT);

            SourceHistory history = archive.sourceHistory("corp.test");

            assertEquals(Optional.of(Instant.ofEpochSecond(NOV_1)), history.latest());
            assertEquals(Optional.empty(), history.newSince("203.0.113.5"));
            assertEquals(Optional.of(new SourceHistory.DatedAhead(1, Instant.ofEpochSecond(ahead))), history.ahead());
            String day = Instant.ofEpochSecond(ahead).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
            assertEquals("Reports of corp.test that begin after they were imported: 1, the latest on " + day + ". They count in the"
                    + " totals, but not in readiness, new sources or the selector ledger.",
                    history.datedAheadWarning("corp.test").orElseThrow().message(Locale.ENGLISH));
            assertEquals(1010, archive.summary(new SummaryQuery("corp.test", null, null)).messages(), "counted in the totals");
            assertEquals(Optional.empty(), archive.sourceHistory("other.test").datedAheadWarning("other.test"));
        }
    }

    @Test
    void aYoungArchiveCallsNothingNew() {
        Instant start = Instant.ofEpochSecond(NOV_1);
        SourceHistory history = new SourceHistory(Map.of("192.0.2.9", start.plusSeconds(3 * DAY)), Optional.of(start),
                Optional.of(start.plusSeconds(3 * DAY)));

        assertEquals(Optional.empty(), history.newSince("192.0.2.9"));
    }

    @Test
    void theNewSourceIsSaidWithItsFirstDayAndItsFailures() {
        Instant start = Instant.ofEpochSecond(NOV_1);
        SourceHistory history = new SourceHistory(Map.of("203.0.113.5", start.plusSeconds(10 * DAY)), Optional.of(start),
                Optional.of(start.plusSeconds(10 * DAY)));
        Summary summary = new Summary(2, 4, 0, 4, List.of(new Summary.Source("203.0.113.5", 4, 0, 4, 0, 0)), List.of(), Map.of(), List.of());
        try (var resolver = new org.mailwright.dns.ResolverService(org.mailwright.dns.ResolverOptions.defaults()
                .withTimeout(java.time.Duration.ofMillis(200)).withRetries(0));
             var dns = org.mailwright.testdns.TestDnsServer.start("$ORIGIN corp.test.\n@ TXT \"v=spf1 -all\"\n")) {
            var advice = new SourceAdvice(resolver, dns.target()).advise("corp.test", summary, Map.of(), history).join();

            assertEquals("203.0.113.5 (no reverse name) sends as corp.test since 2026-11-11, a source the reports had not shown "
                    + "before: 4 messages, 4 of them failing DMARC.", advice.suggestions().stream()
                    .filter(f -> f.id().equals("reports.new-source")).findFirst().orElseThrow().message(Locale.ENGLISH));
        }
    }
}
