package org.mailwright.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The messages of a period, over time: in days, weeks, months or years, whichever is the shortest
 * that keeps the period to at most {@link #MOST_PERIODS} of them, and with every period from the
 * first to the last, those without reports too. A day with no report is news (a reporter stopped
 * sending, or mail stopped flowing); a chart that leaves it out draws ten days of March as if they
 * were one week.
 *
 * @param unit the length of each period
 * @param periods oldest first
 */
public record Timeline(Unit unit, List<Period> periods) {

    /** The most periods a timeline has, so that each keeps a readable bar in a small window. */
    public static final int MOST_PERIODS = 92;
    private static final LocalDate EARLIEST = LocalDate.EPOCH;
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public Timeline {
        Objects.requireNonNull(unit, "unit");
        periods = List.copyOf(periods);
    }

    /** How long each period of a timeline is. */
    public enum Unit {
        DAY(ChronoUnit.DAYS),
        /** From Monday to Sunday, as ISO 8601 counts weeks. */
        WEEK(ChronoUnit.WEEKS),
        MONTH(ChronoUnit.MONTHS),
        YEAR(ChronoUnit.YEARS);

        private final ChronoUnit length;

        Unit(ChronoUnit length) {
            this.length = length;
        }

        /** The first day of the period {@code day} falls in. */
        public LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case YEAR -> day.withDayOfYear(1);
            };
        }

        private long periodsBetween(LocalDate first, LocalDate last) {
            return length.between(start(first), start(last)) + 1;
        }
    }

    /** One period's messages: those that passed DMARC and those that did not. */
    public record Period(LocalDate start, long dmarcPass, long dmarcFail) {

        public Period {
            Objects.requireNonNull(start, "start");
        }

        public long messages() {
            return dmarcPass + dmarcFail;
        }
    }

    /**
     * The timeline of {@code days} (as {@link ReportArchive#daily} reads them) from {@code since}
     * to {@code until}, the period asked for; either may be null, and then the first or last day with
     * reports bounds it. The years of reports centuries apart, which only a forged report claims, are
     * too many to draw each: then only the years with reports are in it.
     */
    public static Timeline of(List<ReportArchive.Daily> days, LocalDate since, LocalDate until) {
        if (days.isEmpty()) {
            return new Timeline(Unit.DAY, List.of());
        }
        LocalDate first = days.get(0).day();
        LocalDate last = first;
        for (ReportArchive.Daily day : days) {
            first = day.day().isBefore(first) ? day.day() : first;
            last = day.day().isAfter(last) ? day.day() : last;
        }
        // Within the years a report can name, so that a date typed far out never runs past what a date holds.
        first = since != null && since.isBefore(first) && !since.isBefore(EARLIEST) ? since : first;
        last = until != null && until.isAfter(last) && !until.isAfter(LATEST) ? until : last;

        Unit unit = Unit.YEAR;
        for (Unit shortest : Unit.values()) {
            if (shortest.periodsBetween(first, last) <= MOST_PERIODS) {
                unit = shortest;
                break;
            }
        }
        Map<LocalDate, long[]> sums = new TreeMap<>();
        if (unit.periodsBetween(first, last) <= MOST_PERIODS) {
            for (LocalDate start = unit.start(first); !start.isAfter(last); start = start.plus(1, unit.length)) {
                sums.put(start, new long[2]);
            }
        }
        for (ReportArchive.Daily day : days) {
            long[] sum = sums.computeIfAbsent(unit.start(day.day()), start -> new long[2]);
            sum[0] += day.dmarcPass();
            sum[1] += day.dmarcFail();
        }
        List<Period> periods = new ArrayList<>(sums.size());
        sums.forEach((start, sum) -> periods.add(new Period(start, sum[0], sum[1])));
        return new Timeline(unit, periods);
    }
}
