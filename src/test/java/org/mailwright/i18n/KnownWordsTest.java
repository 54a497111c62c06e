package org.mailwright.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownWordsTest {

    private static final KnownWords WORDS = KnownWords.of(
            "no route to host", "host-unreachable",
            "route", "route",
            "reset", "connection-reset");

    @Test
    void theFirstKnownWordsInTheMessageGiveItsCode() {
        assertEquals(Optional.of("host-unreachable"), WORDS.codeIn("connect failed: no route to host"), "in the table's order");
        assertEquals(Optional.of("route"), WORDS.codeIn("a route was reset"), "the first in the table, not in the message");
        assertEquals(Optional.of("connection-reset"), WORDS.codeIn("connection reset by peer"));
    }

    @Test
    void wordsAreMatchedAsWritten() {
        assertEquals(Optional.empty(), WORDS.codeIn("No Route To Host"), "the caller lowers the message where the table is in lower case");
        assertEquals(Optional.empty(), WORDS.codeIn(""));
    }

    @Test
    void aPairWithoutItsCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KnownWords.of("network is unreachable"));
    }
}
