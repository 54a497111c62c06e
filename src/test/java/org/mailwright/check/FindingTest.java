package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void idsAreAreaDotKebabName() {
        assertEquals("spf", Finding.of("spf.too-many-lookups", Severity.ERROR, 14).area());
        assertThrows(IllegalArgumentException.class, () -> Finding.of("TooManyLookups", Severity.ERROR));
        assertThrows(IllegalArgumentException.class, () -> Finding.of("spf.too_many", Severity.ERROR));
    }

    @Test
    void anIdTheCatalogueLacksShowsItselfInsteadOfFailing() {
        Finding unknown = Finding.of("nosuch.finding", Severity.INFO);
        assertEquals("[nosuch.finding.message]", unknown.message(Locale.ENGLISH));
        assertEquals(false, FindingCatalogue.describes("nosuch.finding", Locale.ENGLISH));
    }

    @Test
    void severitiesHaveTheirJsonNames() {
        assertEquals("error", Severity.ERROR.jsonName());
        assertEquals("pass", Severity.PASS.jsonName());
    }
}
