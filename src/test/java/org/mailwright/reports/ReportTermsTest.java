package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's first line, which the window and {@code reports summary} both show. */
class ReportTermsTest {

    private static Summary totals(long reports, long pass, long fail) {
        return new Summary(reports, pass + fail, pass, fail, List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void largeCountsAreGroupedAsEachLanguageWritesThem() {
        Summary archive = totals(10_000, 2_879_777, 720_127);
        assertEquals("10,000 reports, 3,599,904 messages: 2,879,777 passed DMARC (80.0%), 720,127 failed (20.0%).",
                ReportTerms.totals(Locale.ENGLISH, archive));
        assertEquals("10.000 informes, 3.599.904 mensajes: 2.879.777 pasaron DMARC (80,0 %), 720.127 fallaron (20,0 %).",
                ReportTerms.totals(Locale.forLanguageTag("es"), archive));
    }

    @Test
    void aFewFailuresAmongManyStillShowAShare() {
        // Whole percents would say 100% and 0% here, though two messages failed.
        assertEquals("1 report, 1,000 messages: 998 passed DMARC (99.8%), 2 failed (0.2%).",
                ReportTerms.totals(Locale.ENGLISH, totals(1, 998, 2)));
    }

    @Test
    void aShareNeverRoundsToNothingOrToAll() {
        assertEquals("1 report, 100,000 messages: 99,998 passed DMARC (99.9%), 2 failed (0.1%).",
                ReportTerms.totals(Locale.ENGLISH, totals(1, 99_998, 2)));
        assertEquals("1 report, 40 messages: 40 passed DMARC (100.0%), 0 failed (0.0%).",
                ReportTerms.totals(Locale.ENGLISH, totals(1, 40, 0)));
    }

    @Test
    void anArchiveOfReportsWithoutMessagesSaysNoShare() {
        assertEquals("2 informes, 0 mensajes: 0 pasaron DMARC (0,0 %), 0 fallaron (0,0 %).",
                ReportTerms.totals(Locale.forLanguageTag("es"), totals(2, 0, 0)));
    }
}
