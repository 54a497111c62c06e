package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The daily chart names each day so that no two days share a bar. */
class ReportChartsTest {

    @Test
    void daysOfOneYearAreNamedShortAndDaysOfSeveralWithTheirYear() {
        assertEquals(List.of("30 Nov", "6 Dec"),
                ReportCharts.dayLabels(List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        // Two years' 6 Decembers were one bar of both days' messages.
        assertEquals(List.of("6 Dec 2025", "6 Dec 2026"),
                ReportCharts.dayLabels(List.of(LocalDate.of(2025, 12, 6), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        assertEquals(List.of("6 dic 2025", "1 ene 2026"),
                ReportCharts.dayLabels(List.of(LocalDate.of(2025, 12, 6), LocalDate.of(2026, 1, 1)), Locale.forLanguageTag("es")));
    }
}
