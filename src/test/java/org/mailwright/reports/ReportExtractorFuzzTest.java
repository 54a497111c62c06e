package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Any octets as a report file (XML, gzip, zip, a message, a mailbox, failure reports): every report
 * found is read or refused, every problem is a sentence, and nothing but a
 * {@link ReportFormatException} escapes; bounded in time. The inputs beside this class are the
 * regression corpus; {@code JAZZER_FUZZ=1 mvn test -Dtest=ReportExtractorFuzzTest} fuzzes.
 */
class ReportExtractorFuzzTest {

    private static final ReportLimits LIMITS = new ReportLimits(4 << 20, 250, 8, 1 << 20, 64, 6, 16, 4096, 200);
    private static final long HANG_NANOS = 10_000_000_000L;

    @FuzzTest(maxDuration = "10m")
    void extract(byte[] data) throws IOException {
        long start = System.nanoTime();
        int[] seen = new int[1];
        try {
            ReportExtractor.extract(new ByteArrayInputStream(data), LIMITS, new ReportExtractor.Visitor() {
                @Override
                public void aggregate(ReportPlace where, InputStream xml) throws IOException {
                    seen[0]++;
                    AggregateReportReader.parse(xml, LIMITS, 10_000);
                }

                @Override
                public void failure(ReportPlace where, FailureReport report) {
                    seen[0]++;
                    assertTrue(report.feedbackType() != null && report.digest().length() == 64);
                }

                @Override
                public void problem(ReportPlace where, ReportFormatException problem) {
                    assertTrue(!problem.problem().text(Locale.ENGLISH).startsWith("["), problem.problem().key());
                }
            });
        } catch (ReportFormatException fileRefused) {
            fileRefused.problem().text(Locale.ENGLISH);
        }
        assertTrue(seen[0] <= LIMITS.maxReportsPerFile() + 1);
        assertTrue(System.nanoTime() - start < HANG_NANOS, "extracted in bounded time");
    }
}
