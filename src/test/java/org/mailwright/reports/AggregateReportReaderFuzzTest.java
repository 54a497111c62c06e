package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any octets as an aggregate report: read or refused with a {@link ReportFormatException}, never
 * another exception, a hang or a blow-up; read twice, the same report; the messages are the sum of
 * the rows' counts. The inputs beside this class are the regression corpus;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=AggregateReportReaderFuzzTest} fuzzes.
 */
class AggregateReportReaderFuzzTest {

    private static final ReportLimits LIMITS = new ReportLimits(1 << 20, 250, 8, 1 << 20, 32, 4, 16, 1024, 100);
    private static final long HANG_NANOS = 5_000_000_000L;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) throws IOException {
        long start = System.nanoTime();
        AggregateReport report;
        try {
            report = AggregateReportReader.parse(new ByteArrayInputStream(data), LIMITS, 10_000);
        } catch (ReportFormatException refused) {
            refused.problem().text(java.util.Locale.ENGLISH);
            return;
        }
        assertEquals(report, AggregateReportReader.parse(new ByteArrayInputStream(data), LIMITS, 10_000));
        assertEquals(report.rows().stream().mapToLong(ReportRow::count).sum(), report.messages());
        assertTrue(report.rows().stream().allMatch(row -> row.count() >= 0 && row.sourceIp() != null));
        assertTrue(report.header().metadata().reportId() != null);
        assertTrue(System.nanoTime() - start < HANG_NANOS, "read in linear time");
    }
}
