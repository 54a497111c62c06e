package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.Timeline;

/** The chart of messages over time names each period so that no two share a bar. */
class ReportChartsTest {

    private static Timeline timeline(Timeline.Unit unit, LocalDate... starts) {
        return new Timeline(unit, java.util.Arrays.stream(starts).map(start -> new Timeline.Period(start, unit.end(start), 1, 0)).toList());
    }

    @Test
    void daysOfOneYearAreNamedShortAndDaysOfSeveralWithTheirYear() {
        assertEquals(List.of("30 Nov", "6 Dec"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.DAY, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        // Two years' 6 Decembers were one bar of both days' messages.
        assertEquals(List.of("6 Dec 2025", "6 Dec 2026"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.DAY, LocalDate.of(2025, 12, 6), LocalDate.of(2026, 12, 6)), Locale.ENGLISH));
        assertEquals(List.of("6 dic 2025", "1 ene 2026"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.DAY, LocalDate.of(2025, 12, 6), LocalDate.of(2026, 1, 1)), Locale.forLanguageTag("es")));
    }

    @Test
    void monthsAreNamedByTheirNameYearsByTheirNumberAndWeeksByTheirMonday() {
        assertEquals(List.of("Nov", "Dec"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)), Locale.ENGLISH));
        assertEquals(List.of("dic 2025", "ene 2026"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1)), Locale.forLanguageTag("es")));
        assertEquals(List.of("30 Nov", "7 Dec"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.WEEK, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 7)), Locale.ENGLISH));
        assertEquals(List.of("1970", "2026"), ReportCharts.periodLabels(
                timeline(Timeline.Unit.YEAR, LocalDate.of(1970, 1, 1), LocalDate.of(2026, 1, 1)), Locale.ENGLISH));
    }

    @Test
    void aLongSilenceIsNamedByItsFirstAndLastDay() {
        Timeline timeline = Timeline.of(List.of(new ReportArchive.Daily(LocalDate.of(1970, 1, 1), 1, 0),
                new ReportArchive.Daily(LocalDate.of(2026, 12, 6), 1, 0)), null, null);

        assertEquals(List.of("1 Jan 1970", "2 Jan 1970 – 5 Dec 2026", "6 Dec 2026"),
                ReportCharts.periodLabels(timeline, Locale.ENGLISH));
    }
}
