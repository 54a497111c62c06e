package org.mailwright.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void aFindingTakesItsIdAndSeverityFromItsType() {
        Finding finding = SpfFinding.TOO_MANY_LOOKUPS.of(14, 10, "include:a 14");

        assertEquals("spf.too-many-lookups", finding.id());
        assertEquals("spf", finding.area());
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void aFindingNeedsExactlyTheDeclaredArguments() {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> SpfFinding.MISSING.of());
        assertEquals("spf.missing takes 1 arguments [domain], not 0.", problem.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpfFinding.NO_ALL.of("extra"));
    }

    @Test
    void wordsAreFilledInWithTheArguments() {
        assertEquals("corp.example publishes no SPF record.", SpfFinding.MISSING.of("corp.example").message(Locale.ENGLISH));
    }

    @Test
    void aStrangersControlCharactersAreShownAsReplacementCharacters() {
        // A domain or comment from a report or a DNS answer: shown in the window, the CLI and JSON alike.
        assertEquals("corp\uFFFD[31m.example\uFFFD publishes no SPF record.",
                SpfFinding.MISSING.of("corp\u001b[31m.example\u202e").message(Locale.ENGLISH));
    }

    @Test
    void aTemplateNamesEachPlaceholder() {
        assertEquals("The record needs ‹lookups› DNS lookups; receivers stop at ‹limit› (‹lookups›/‹limit›): ‹breakdown›.",
                FindingCatalogue.template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, FindingCatalogue.Part.MESSAGE));
        assertEquals("‹voids› of the record ‹voids› nothing (receivers allow ‹limit›): ‹terms›.",
                FindingCatalogue.template(SpfFinding.VOID_LOOKUPS, Locale.ENGLISH, FindingCatalogue.Part.MESSAGE));
    }

    @Test
    void severitiesHaveTheirJsonNames() {
        assertEquals("error", Severity.ERROR.jsonName());
        assertEquals("pass", Severity.PASS.jsonName());
    }
}
