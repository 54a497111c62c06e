package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The failure reports of a domain and period, counted and listed newest first, on SQLite and PostgreSQL alike. */
class FailureReportsTest {

    @TempDir
    Path folder;

    private ReportArchive imported(String kind) throws IOException {
        ReportArchive archive = kind.equals("postgresql") ? ReportArchive.open(TestPostgres.newDatabase(), folder)
                : ReportArchive.open(folder.resolve("archive.db").toString(), folder);
        List<String> messages = List.of(
                SampleReports.failure("shop.test", "203.0.113.9", "Tue, 01 Dec 2026 10:22:05 +0000", "dmarc", "reject",
                        "\"Shop\" <billing@shop.test>", "Your invoice"),
                SampleReports.failure("shop.test", "198.51.100.7", "Thu, 03 Dec 2026 08:00:00 +0100", "dkim", "spam",
                        "news@shop.test", null),
                SampleReports.failure("shop.test", "192.0.2.44", null, "spf", "delivered", "a@shop.test", "No date"),
                // Another domain, and one whose name holds LIKE's wildcard: neither is shop.test's.
                SampleReports.failure("other.test", "192.0.2.1", "Wed, 02 Dec 2026 12:00:00 +0000", "dmarc", "reject",
                        "x@other.test", "Elsewhere"),
                SampleReports.failure("shop_test", "192.0.2.2", "Wed, 02 Dec 2026 12:00:00 +0000", "dmarc", "reject",
                        "x@shop_test", "Wildcard"));
        for (int i = 0; i < messages.size(); i++) {
            Path file = Files.writeString(folder.resolve("failure" + i + ".eml"), messages.get(i));
            FileImport result = archive.importFile(file, ReportLimits.DEFAULT);
            assertEquals(1, result.imported(), result.error(Locale.ENGLISH).orElse(""));
        }
        return archive;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDomainsFailureReportsAreCountedAndTheNewestListedFirst(String kind) throws IOException {
        try (ReportArchive archive = imported(kind)) {
            ArchivedFailure.Newest shop = archive.failures(new SummaryQuery("Shop.Test.", null, null), 10);

            assertEquals(3, shop.total());
            assertEquals(List.of("198.51.100.7", "203.0.113.9", "192.0.2.44"),
                    shop.newest().stream().map(ArchivedFailure::sourceIp).toList(), "newest first, the undated last");
            ArchivedFailure invoice = shop.newest().get(1);
            assertEquals(Instant.parse("2026-12-01T10:22:05Z"), invoice.arrival());
            assertEquals(List.of("shop.test"), invoice.reportedDomains());
            assertEquals("dmarc", invoice.authFailure());
            assertEquals("reject", invoice.deliveryResult());
            assertEquals("Your invoice", invoice.subject());
            assertNull(shop.newest().get(2).arrival());

            ArchivedFailure.Newest newestOnly = archive.failures(new SummaryQuery("shop.test", null, null), 1);
            assertEquals(3, newestOnly.total());
            assertEquals(1, newestOnly.newest().size());
            assertEquals(5, archive.failures(SummaryQuery.ALL, 10).total());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aPeriodHoldsTheReportsWhoseMessageArrivedInItsUtcDays(String kind) throws IOException {
        try (ReportArchive archive = imported(kind)) {
            // 08:00 +0100 on 3 December is 07:00 UTC: still 3 December.
            ArchivedFailure.Newest third = archive.failures(
                    new SummaryQuery("shop.test", LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03")), 10);
            assertEquals(List.of("198.51.100.7"), third.newest().stream().map(ArchivedFailure::sourceIp).toList());
            ArchivedFailure.Newest untilSecond = archive.failures(new SummaryQuery("shop.test", null, LocalDate.parse("2026-12-02")), 10);
            assertEquals(List.of("203.0.113.9"), untilSecond.newest().stream().map(ArchivedFailure::sourceIp).toList(),
                    "a report without its arrival is in no period");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void eachReportIsOneLineInTheUsersLanguage(String kind) throws IOException {
        try (ReportArchive archive = imported(kind)) {
            ArchivedFailure.Newest shop = archive.failures(new SummaryQuery("shop.test", null, null), 2);

            assertEquals("Failure reports (3; the newest 2):", ReportTerms.failuresHeading(Locale.ENGLISH, shop));
            assertEquals("2026-12-01 10:22 UTC · 203.0.113.9 · shop.test · dmarc failed · delivery: reject"
                    + " · From: \"Shop\" <billing@shop.test> · “Your invoice”", ReportTerms.failureLine(Locale.ENGLISH, shop.newest().get(1)));
            assertEquals("2026-12-01 10:22 UTC · 203.0.113.9 · shop.test · falló dmarc · entrega: reject"
                    + " · De: \"Shop\" <billing@shop.test> · «Your invoice»",
                    ReportTerms.failureLine(Locale.forLanguageTag("es"), shop.newest().get(1)));
            String undated = ReportTerms.failureLine(Locale.ENGLISH, archive.failures(new SummaryQuery("shop.test", null, null), 3)
                    .newest().get(2));
            assertTrue(undated.startsWith("arrival unknown · 192.0.2.44 · "), undated);

            String json = FailureExport.json(shop);
            assertTrue(json.startsWith("{\"failure_reports\":3,\"shown\":2,\"reports\":[{\"arrival\":\"2026-12-03T07:00:00Z\","
                    + "\"feedback_type\":\"auth-failure\",\"source_ip\":\"198.51.100.7\",\"incidents\":1,"
                    + "\"reported_domains\":[\"shop.test\"],\"auth_failure\":\"dkim\","), json);
            assertTrue(json.contains("\"subject\":null"), json);
            List<String> csv = FailureExport.csv(shop).lines().toList();
            assertEquals(FailureExport.CSV_HEADER, csv.get(0));
            assertEquals(3, csv.size());
            assertTrue(csv.get(2).contains(",\"\"\"Shop\"\" <billing@shop.test>\",Your invoice,"), csv.get(2));
        }
    }
}
