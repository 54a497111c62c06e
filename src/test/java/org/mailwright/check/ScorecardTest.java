package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;

/** The grades: what an area that could not be checked earns, and what it does to the domain's score. */
class ScorecardTest {

    private static final Finding UNCHECKED = CheckFinding.DNSSEC_UNCHECKED.of("example.test", "no signatures passed on");
    private static final Finding INCOMPLETE = CheckFinding.CHECK_INCOMPLETE.of("Name servers", "timeout");
    private static final Finding NO_IPV6 = CheckFinding.NS_NO_IPV6.of();

    @Test
    void anAreaWhoseFindingsSayOnlyWhatCouldNotBeCheckedHasNoGrade() {
        Scorecard card = Scorecard.of(Map.of(CheckArea.DNSSEC, List.of(UNCHECKED), CheckArea.NAME_SERVERS, List.of(NO_IPV6)));

        assertEquals(Optional.empty(), area(card, CheckArea.DNSSEC).mark(), "not an A for what was never seen");
        assertEquals(List.of(new Scorecard.Cost(UNCHECKED, 0)), area(card, CheckArea.DNSSEC).costs(),
                "its finding is still listed, and costs nothing where nothing is scored");
        assertEquals(Optional.of(new Scorecard.Mark(95, Scorecard.Grade.A)), area(card, CheckArea.NAME_SERVERS).mark());
        assertEquals(95, card.score(), "the domain's score is the areas checked");
    }

    @Test
    void anAreaWithNothingToCheckHasNoGrade() {
        Scorecard card = Scorecard.of(Map.of(CheckArea.BLOCKLISTS, List.of(), CheckArea.NAME_SERVERS, List.of(NO_IPV6, INCOMPLETE)));

        assertEquals(Optional.empty(), area(card, CheckArea.BLOCKLISTS).mark(), "no mail host address to look up");
        assertEquals(Optional.of(new Scorecard.Mark(80, Scorecard.Grade.B)), area(card, CheckArea.NAME_SERVERS).mark(),
                "what it did learn is graded, the part it could not finish costing a warning");
    }

    @Test
    void aDomainNothingCouldBeCheckedAboutScoresNothing() {
        Scorecard card = Scorecard.of(Map.of(CheckArea.DNSSEC, List.of(UNCHECKED), CheckArea.NAME_SERVERS, List.of(INCOMPLETE)));

        assertEquals(0, card.score());
        assertEquals(Scorecard.Grade.F, card.grade(), "never a good grade for nothing confirmed");
    }

    private static Scorecard.AreaScore area(Scorecard card, CheckArea area) {
        return card.areas().stream().filter(score -> score.area() == area).findFirst().orElseThrow();
    }
}
