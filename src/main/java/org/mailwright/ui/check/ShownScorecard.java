package org.mailwright.ui.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.check.CheckArea;
import org.mailwright.check.Scorecard.Grade;
import org.mailwright.check.Scorecard.Mark;
import org.mailwright.findings.Finding;

/**
 * A health check's scorecard as the window shows it, worded in the language chosen when it was
 * made. The grades, scores and costs are the core's ({@link org.mailwright.check.Scorecard}), the
 * same the CLI prints; this adds only words and the wizard that fixes each finding.
 *
 * @param domain the domain checked, as people write it
 * @param grade the overall grade
 * @param score the overall score, 0 to 100
 * @param headline the grade and score in a few words
 * @param detail when the check was made and which resolver answered
 * @param areas each area checked, in the scorecard's order
 */
public record ShownScorecard(String domain, Grade grade, int score, String headline, String detail, List<Area> areas) {

    public ShownScorecard {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        areas = List.copyOf(areas);
    }

    /**
     * One area's card.
     *
     * @param name the area's name, as the CLI and the exports say it
     * @param mark its score and grade; empty when it could not be checked
     * @param markText its score in words ({@code 85 / 100}), or that it was not checked
     * @param tally how many errors, warnings and notes it has, in words
     * @param findings its findings, most serious first
     */
    public record Area(CheckArea area, String name, Optional<Mark> mark, String markText, String tally, List<Line> findings) {
        public Area {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(markText, "markText");
            Objects.requireNonNull(tally, "tally");
            findings = List.copyOf(findings);
        }
    }

    /**
     * One finding of an area.
     *
     * @param cost the points it cost its area
     * @param fix the wizard that writes the record it is about; empty when none does
     */
    public record Line(Finding finding, int cost, Optional<FixWizard> fix) {
        public Line {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(fix, "fix");
        }
    }
}
