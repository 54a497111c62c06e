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

    /** A day's messages, or a week's, month's or year's from {@code start}. */
    private static Period period(Unit unit, String start, long pass, long fail) {
        LocalDate first = LocalDate.parse(start);
        return new Period(first, unit.end(first), pass, fail);
    }

    private static Period day(String date) {
        return period(Unit.DAY, date, 0, 0);
    }

    @Test
    void daysWithoutReportsAreInTheTimelineWithNoMessages() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-01", 40, 2), day("2026-12-04", 5, 5)), null, null);

        assertEquals(Unit.DAY, timeline.unit());
        assertEquals(List.of(period(Unit.DAY, "2026-12-01", 40, 2), day("2026-12-02"), day("2026-12-03"),
                period(Unit.DAY, "2026-12-04", 5, 5)), timeline.periods());
    }

    @Test
    void thePeriodAskedForIsShownWholeThoughReportsCoverOnlyPartOfIt() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-03", 7, 1)), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-05"));

        assertEquals(List.of(day("2026-12-01"), day("2026-12-02"), period(Unit.DAY, "2026-12-03", 7, 1),
                day("2026-12-04"), day("2026-12-05")), timeline.periods());
    }

    @Test
    void aQuarterIsInDaysAndLongerPeriodsInWeeksMonthsOrYears() {
        List<ReportArchive.Daily> everyDay = new ArrayList<>();
        for (LocalDate date = LocalDate.parse("2026-01-01"); !date.isAfter(LocalDate.parse("2026-04-02")); date = date.plusDays(1)) {
            everyDay.add(new ReportArchive.Daily(date, 1, 0));
        }
        assertEquals(Unit.DAY, Timeline.of(everyDay, null, null).unit(), "92 days");
        everyDay.add(day("2026-04-03", 1, 0));
        Timeline weeks = Timeline.of(everyDay, null, null);
        assertEquals(Unit.WEEK, weeks.unit(), "93 days");
        assertEquals(period(Unit.WEEK, "2025-12-29", 4, 0), weeks.periods().get(0), "a week runs from Monday to Sunday");

        assertEquals(Unit.MONTH, Timeline.of(everyNthDay("2026-01-01", 3, 3), null, null).unit(), "three years");
        assertEquals(Unit.YEAR, Timeline.of(everyNthDay("2026-01-01", 20, 10), null, null).unit(), "twenty years");
    }

    @Test
    void aLongerPeriodSumsItsDays() {
        List<ReportArchive.Daily> days = everyNthDay("2026-01-05", 1, 1);
        days.add(day("2026-01-05", 0, 2));
        Timeline timeline = Timeline.of(days, null, LocalDate.parse("2027-01-31"));

        assertEquals(Unit.WEEK, timeline.unit());
        assertEquals(period(Unit.WEEK, "2026-01-05", 7, 2), timeline.periods().get(0), "Monday to Sunday, the day given twice");
        assertEquals(period(Unit.WEEK, "2026-01-12", 7, 0), timeline.periods().get(1));
        assertEquals(period(Unit.WEEK, "2027-01-04", 1, 0), timeline.periods().get(52), "the last day with reports");
        assertEquals(period(Unit.WEEK, "2027-01-25", 0, 0), timeline.periods().get(55), "to the end of the period asked for");
        assertEquals(56, timeline.periods().size());
        assertEquals(days.size() + 1, timeline.periods().stream().mapToLong(Period::messages).sum(), "every message counted once");
    }

    /** A report every {@code step} days for {@code years} years from {@code first}, each of one passing message. */
    private static List<ReportArchive.Daily> everyNthDay(String first, int years, int step) {
        List<ReportArchive.Daily> days = new ArrayList<>();
        LocalDate start = LocalDate.parse(first);
        for (LocalDate date = start; date.isBefore(start.plusYears(years)); date = date.plusDays(step)) {
            days.add(new ReportArchive.Daily(date, 1, 0));
        }
        return days;
    }

    @Test
    void aLongSilenceIsOnePeriodSoThatABrokenReportersDateDoesNotHideTheRest() {
        // A report that says it began on 1 January 1970, beside a fortnight of this year's.
        List<ReportArchive.Daily> days = new ArrayList<>(List.of(day("1970-01-01", 1, 0)));
        for (int day = 0; day < 14; day++) {
            days.add(new ReportArchive.Daily(LocalDate.parse("2026-11-20").plusDays(day), 10, 1));
        }
        days.remove(5);

        Timeline timeline = Timeline.of(days, null, null);
        assertEquals(Unit.DAY, timeline.unit(), "the fortnight keeps its days");
        assertEquals(period(Unit.DAY, "1970-01-01", 1, 0), timeline.periods().get(0));
        assertEquals(new Period(LocalDate.parse("1970-01-02"), LocalDate.parse("2026-11-19"), 0, 0), timeline.periods().get(1),
                "fifty-six years without reports are one period");
        assertEquals(day("2026-11-24"), timeline.periods().get(6), "a day without reports among them is its own");
        assertEquals(16, timeline.periods().size());

        Timeline twelveDays = Timeline.of(List.of(day("2026-11-01", 1, 0), day("2026-11-14", 1, 0)), null, null);
        assertEquals(14, twelveDays.periods().size(), "twelve days without reports are each drawn");
        Timeline thirteenDays = Timeline.of(List.of(day("2026-11-01", 1, 0), day("2026-11-15", 1, 0)), null, null);
        assertEquals(List.of(period(Unit.DAY, "2026-11-01", 1, 0),
                new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-14"), 0, 0),
                period(Unit.DAY, "2026-11-15", 1, 0)), thirteenDays.periods());
    }

    @Test
    void reportsCenturiesApartKeepOnlyTheirYearsAndTheSilencesBetween() {
        Timeline timeline = Timeline.of(List.of(day("1970-01-01", 1, 0), day("2026-12-06", 2, 0), day("9999-12-31", 0, 3)),
                null, null);

        assertEquals(Unit.DAY, timeline.unit(), "three days, and two long silences");
        assertEquals(5, timeline.periods().size());
        assertEquals(new Period(LocalDate.parse("2026-12-07"), LocalDate.parse("9999-12-30"), 0, 0), timeline.periods().get(3));

        List<ReportArchive.Daily> everyOtherYear = new ArrayList<>();
        for (int year = 1970; year <= 9999; year += 2) {
            everyOtherYear.add(new ReportArchive.Daily(LocalDate.of(year, 6, 1), 1, 0));
        }
        Timeline years = Timeline.of(everyOtherYear, null, null);
        assertEquals(Unit.YEAR, years.unit(), "more years of reports than fit: each year, as many as there are");
        assertEquals(2L * everyOtherYear.size() - 1, years.periods().size());
        assertEquals(everyOtherYear.size(), years.periods().stream().mapToLong(Period::messages).sum());
    }

    @Test
    void aPeriodTypedBeyondWhatAReportCanNameIsNotStretchedTo() {
        Timeline timeline = Timeline.of(List.of(day("2026-12-06", 2, 0)), LocalDate.MIN, LocalDate.MAX);

        assertEquals(List.of(period(Unit.DAY, "2026-12-06", 2, 0)), timeline.periods());
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
        for (int i = 1; i < timeline.periods().size(); i++) {
            assertEquals(timeline.periods().get(i - 1).end().plusDays(1), timeline.periods().get(i).start(), "no day left out");
        }
    }
}
