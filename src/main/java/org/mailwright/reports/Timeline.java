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
 * The messages of a period, over time, with every day from the first to the last: a day with no
 * report is news (a reporter stopped sending, or mail stopped flowing), and a chart that leaves it
 * out draws ten days of March as if they were one week. The periods are days, weeks, months or
 * years, whichever is the shortest that keeps the timeline to at most {@link #MOST_PERIODS} of
 * them; a silence longer than {@link #LONGEST_SILENCE} periods is one period of its own, so a
 * report dated 1970 by a broken reporter does not leave this year's a sliver beside fifty empty
 * years.
 *
 * @param unit the length of each period but the long silences
 * @param periods oldest first
 */
public record Timeline(Unit unit, List<Period> periods) {

    /** The most periods a timeline has, so that each keeps a readable bar in a small window. */
    public static final int MOST_PERIODS = 92;
    /** The most periods in a row without reports that are each drawn; a longer silence is one period. */
    public static final int LONGEST_SILENCE = 12;
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

        /** The last day of the period that begins on {@code start}. */
        public LocalDate end(LocalDate start) {
            return start.plus(1, length).minusDays(1);
        }
    }

    /**
     * The messages from {@code start} to {@code end}, both included: one period of the timeline's
     * unit, or a silence of several.
     *
     * @param dmarcPass the messages that passed DMARC
     * @param dmarcFail the messages that did not
     */
    public record Period(LocalDate start, LocalDate end, long dmarcPass, long dmarcFail) {

        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        public long messages() {
            return dmarcPass + dmarcFail;
        }
    }

    /**
     * The timeline of {@code days} (as {@link ReportArchive#daily} reads them) from {@code since}
     * to {@code until}, the period asked for; either may be null, and then the first or last day with
     * reports bounds it. Reports of more years than {@link #MOST_PERIODS} apart and in between,
     * which only forged reports claim, make a timeline of their years, silences between them kept
     * short as ever, however many periods that takes.
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
        for (Unit unit : Unit.values()) {
            List<Period> periods = periods(unit, days, first, last, unit == Unit.YEAR ? Integer.MAX_VALUE : MOST_PERIODS);
            if (periods != null) {
                return new Timeline(unit, periods);
            }
        }
        throw new AssertionError("a timeline of years has no bound");
    }

    /** The periods of {@code unit} from {@code first} to {@code last}, or null when they are more than {@code most}. */
    private static List<Period> periods(Unit unit, List<ReportArchive.Daily> days, LocalDate first, LocalDate last, int most) {
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (ReportArchive.Daily day : days) {
            long[] sum = sums.computeIfAbsent(unit.start(day.day()), start -> new long[2]);
            sum[0] += day.dmarcPass();
            sum[1] += day.dmarcFail();
        }
        if (sums.size() > most) {
            return null;
        }
        List<Period> periods = new ArrayList<>();
        LocalDate next = unit.start(first);
        for (Map.Entry<LocalDate, long[]> sum : sums.entrySet()) {
            if (!silence(unit, next, sum.getKey(), periods, most)) {
                return null;
            }
            periods.add(new Period(sum.getKey(), unit.end(sum.getKey()), sum.getValue()[0], sum.getValue()[1]));
            next = sum.getKey().plus(1, unit.length);
        }
        LocalDate end = unit.end(unit.start(last));
        return silence(unit, next, end.plusDays(1), periods, most) && periods.size() <= most ? periods : null;
    }

    /**
     * Adds the periods without reports from {@code from} to just before {@code to}: each, or one for
     * all when they are more than {@link #LONGEST_SILENCE}. False when that makes more than {@code most}.
     */
    private static boolean silence(Unit unit, LocalDate from, LocalDate to, List<Period> periods, int most) {
        if (!from.isBefore(to)) {
            return true;
        }
        long count = unit.length.between(from, to);
        if (count > LONGEST_SILENCE) {
            periods.add(new Period(from, to.minusDays(1), 0, 0));
        } else {
            for (LocalDate start = from; start.isBefore(to); start = start.plus(1, unit.length)) {
                periods.add(new Period(start, unit.end(start), 0, 0));
            }
        }
        return periods.size() <= most;
    }
}
