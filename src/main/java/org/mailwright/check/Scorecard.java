package org.mailwright.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;

/**
 * The grades of a check, every point explained: each area starts at 100 and each finding costs
 * what its severity costs ({@link #cost(Severity)}); the overall score is the areas' mean
 * weighted by {@link CheckArea#weight()}; a grade follows from a score ({@link Grade#of}), and a
 * domain with any error grades no better than {@link Grade#C}, whatever its score. The README's
 * "Scoring" section says the same in words.
 *
 * @param score the overall score, 0 to 100
 * @param grade the overall grade
 * @param areas each area's score, in the scorecard's order
 */
public record Scorecard(int score, Grade grade, List<AreaScore> areas) {

    public static final int FULL_MARKS = 100;

    public Scorecard {
        Objects.requireNonNull(grade, "grade");
        areas = List.copyOf(areas);
    }

    /** A letter grade. */
    public enum Grade {
        A(90), B(80), C(70), D(60), F(0);

        private final int lowest;

        Grade(int lowest) {
            this.lowest = lowest;
        }

        /** The lowest score that earns the grade. */
        public int lowest() {
            return lowest;
        }

        /** The grade a score earns; with an error among the findings, no better than C. */
        public static Grade of(int score, boolean anyError) {
            for (Grade grade : values()) {
                if (score >= grade.lowest && (!anyError || grade.compareTo(C) >= 0)) {
                    return grade;
                }
            }
            return F;
        }
    }

    /**
     * A score and the grade it earns.
     *
     * @param score 0 to 100
     * @param grade the grade the score earns (an error caps it at C)
     */
    public record Mark(int score, Grade grade) {
        public Mark {
            Objects.requireNonNull(grade, "grade");
        }
    }

    /**
     * One area's mark.
     *
     * @param area the area
     * @param mark 100 less the cost of its findings, never below 0, and its grade; empty when
     *     nothing about the area could be learned (its findings say only what could not be checked,
     *     or there are none): an area not checked earns no grade, good or bad, and does not count in
     *     the domain's score
     * @param costs what each finding cost, in the order found; nothing in an area not checked
     */
    public record AreaScore(CheckArea area, Optional<Mark> mark, List<Cost> costs) {
        public AreaScore {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(mark, "mark");
            costs = List.copyOf(costs);
        }
    }

    /** What one finding cost its area. */
    public record Cost(Finding finding, int points) {
    }

    /** What a finding of {@code severity} costs its area: errors 40 points, warnings 15, notes 5, passes nothing. */
    public static int cost(Severity severity) {
        return switch (severity) {
            case ERROR -> 40;
            case WARNING -> 15;
            case INFO -> 5;
            case PASS -> 0;
        };
    }

    /**
     * The scorecard of the findings of each area checked. When no area could be checked at all, the
     * domain scores 0: nothing about it was confirmed.
     */
    public static Scorecard of(Map<CheckArea, List<Finding>> findings) {
        List<AreaScore> areas = new ArrayList<>();
        int weighted = 0;
        int weights = 0;
        boolean anyChecked = false;
        boolean anyError = false;
        for (CheckArea area : CheckArea.values()) {
            List<Finding> own = findings.get(area);
            if (own == null) {
                continue;
            }
            if (own.stream().allMatch(finding -> finding.type().inconclusive())) {
                areas.add(new AreaScore(area, Optional.empty(), own.stream().map(finding -> new Cost(finding, 0)).toList()));
                continue;
            }
            List<Cost> costs = own.stream().map(finding -> new Cost(finding, cost(finding.severity()))).toList();
            int score = Math.max(0, FULL_MARKS - costs.stream().mapToInt(Cost::points).sum());
            boolean error = own.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
            anyError |= error;
            anyChecked = true;
            areas.add(new AreaScore(area, Optional.of(new Mark(score, Grade.of(score, error))), costs));
            weighted += area.weight() * score;
            weights += area.weight();
        }
        int score = !anyChecked ? 0 : weights == 0 ? FULL_MARKS : Math.round((float) weighted / weights);
        return new Scorecard(score, Grade.of(score, anyError), areas);
    }
}
