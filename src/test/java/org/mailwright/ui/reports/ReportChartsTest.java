package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.reports.Timeline;

/** The chart of messages over time names each period so that no two share a bar. */
class ReportChartsTest {

    @Test
    void daysOfOneYearAreNamedShortAndDaysOfSeveralWithTheirYear() {
        assertEquals(List.of("30 Nov", "6 Dec"),
                ReportCharts.periodLabels(Timeline.Unit.DAY, List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        // Two years' 6 Decembers were one bar of both days' messages.
        assertEquals(List.of("6 Dec 2025", "6 Dec 2026"),
                ReportCharts.periodLabels(Timeline.Unit.DAY, List.of(LocalDate.of(2025, 12, 6), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        assertEquals(List.of("6 dic 2025", "1 ene 2026"),
                ReportCharts.periodLabels(Timeline.Unit.DAY, List.of(LocalDate.of(2025, 12, 6), LocalDate.of(2026, 1, 1)), Locale.forLanguageTag("es")));
    }

    @Test
    void monthsAreNamedByTheirNameAndYearsByTheirNumber() {
        assertEquals(List.of("Nov", "Dec"), ReportCharts.periodLabels(Timeline.Unit.MONTH,
                List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)), Locale.ENGLISH));
        assertEquals(List.of("dic 2025", "ene 2026"), ReportCharts.periodLabels(Timeline.Unit.MONTH,
                List.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1)), Locale.forLanguageTag("es")));
        assertEquals(List.of("30 Nov", "7 Dec"), ReportCharts.periodLabels(Timeline.Unit.WEEK,
                List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 7)), Locale.ENGLISH));
        assertEquals(List.of("1970", "2026"), ReportCharts.periodLabels(Timeline.Unit.YEAR,
                List.of(LocalDate.of(1970, 1, 1), LocalDate.of(2026, 1, 1)), Locale.ENGLISH));
    }
}
