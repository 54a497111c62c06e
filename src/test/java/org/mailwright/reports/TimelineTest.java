package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailwright.reports.Timeline.Period;
import org.mailwright.reports.Timeline.Unit;

/** Messages over time: every period between the first and the last, in periods few enough to draw. */
class TimelineTest {

    private static ReportArchive.Daily day(String date, long pass, long fail) {
        return new ReportArchive.Daily(LocalDate.parse(date), pass, fail);
    }

    private static Period period(String start, long pass, long fail) {
        return new Period(LocalDate.parse(start), pass, fail);
    }

    @Test
    void daysWithoutReportsAreInTheTimelineWithNoMessages() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-01", 40, 2), day("2026-12-04", 5, 5)), null, null);

        assertEquals(Unit.DAY, timeline.unit());
        assertEquals(List.of(period("2026-12-01", 40, 2), period("2026-12-02", 0, 0), period("2026-12-03", 0, 0),
                period("2026-12-04", 5, 5)), timeline.periods());
    }

    @Test
    void thePeriodAskedForIsShownWholeThoughReportsCoverOnlyPartOfIt() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-03", 7, 1)), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-05"));

        assertEquals(List.of(period("2026-12-01", 0, 0), period("2026-12-02", 0, 0), period("2026-12-03", 7, 1),
                period("2026-12-04", 0, 0), period("2026-12-05", 0, 0)), timeline.periods());
    }

    @Test
    void aQuarterIsInDaysAndLongerPeriodsInWeeksMonthsOrYears() {
        LocalDate first = LocalDate.parse("2026-01-01");
        assertEquals(Unit.DAY, Timeline.of(List.of(day("2026-01-01", 1, 0), day("2026-04-02", 1, 0)), null, null).unit(),
                "92 days");
        Timeline weeks = Timeline.of(List.of(day("2026-01-01", 1, 0), day("2026-04-03", 1, 0)), null, null);
        assertEquals(Unit.WEEK, weeks.unit(), "93 days");
        assertEquals(LocalDate.parse("2025-12-29"), weeks.periods().get(0).start(), "a week starts on Monday");
        assertEquals(Unit.MONTH, Timeline.of(List.of(day("2026-01-01", 1, 0)), null, first.plusYears(3)).unit());
        assertEquals(Unit.YEAR, Timeline.of(List.of(day("2026-01-01", 1, 0)), null, first.plusYears(20)).unit());
    }

    @Test
    void aLongerPeriodSumsItsDays() {
        Timeline timeline = Timeline.of(List.of(day("2026-01-05", 3, 1), day("2026-01-11", 4, 2), day("2026-01-12", 1, 0),
                day("2026-06-30", 10, 10)), null, null);

        assertEquals(Unit.WEEK, timeline.unit());
        assertEquals(period("2026-01-05", 7, 3), timeline.periods().get(0), "Monday to Sunday");
        assertEquals(period("2026-01-12", 1, 0), timeline.periods().get(1));
        assertEquals(period("2026-06-29", 10, 10), timeline.periods().get(timeline.periods().size() - 1));
        assertEquals(26, timeline.periods().size());
        assertEquals(31, timeline.periods().stream().mapToLong(Period::messages).sum(), "every message counted once");
    }

    @Test
    void reportsCenturiesApartKeepOnlyTheirYears() {
        Timeline timeline = Timeline.of(List.of(day("1970-01-01", 1, 0), day("2026-12-06", 2, 0), day("9999-12-31", 0, 3)),
                null, null);

        assertEquals(Unit.YEAR, timeline.unit());
        assertEquals(List.of(period("1970-01-01", 1, 0), period("2026-01-01", 2, 0), period("9999-01-01", 0, 3)),
                timeline.periods());
    }

    @Test
    void aPeriodTypedBeyondWhatAReportCanNameIsNotStretchedTo() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-06", 2, 0)), LocalDate.MIN, LocalDate.MAX);

        assertEquals(List.of(period("2026-12-06", 2, 0)), timeline.periods());
    }

    @Test
    void noPeriodsWithoutReportsAndNeverMoreThanCanBeDrawn() {
        assertEquals(List.of(), Timeline.of(List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")).periods());

        List<ReportArchive.Daily> days = new ArrayList<>();
        for (LocalDate date = LocalDate.parse("2020-01-01"); date.isBefore(LocalDate.parse("2030-01-01")); date = date.plusDays(3)) {
            days.add(new ReportArchive.Daily(date, 1, 1));
        }
        Timeline timeline = Timeline.of(days, null, null);
        assertTrue(timeline.periods().size() <= Timeline.MOST_PERIODS, timeline.unit() + " " + timeline.periods().size());
        assertEquals(2L * days.size(), timeline.periods().stream().mapToLong(Period::messages).sum());
    }
}
