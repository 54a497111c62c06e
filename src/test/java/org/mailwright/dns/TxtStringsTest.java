package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxtStringsTest {

    @Test
    void aLongValueIsCutEvery255OctetsAndJoinsBackToItself() {
        String value = "v=DKIM1; k=rsa; p=" + "A".repeat(600);

        List<String> strings = TxtStrings.split(value);

        assertEquals(List.of(255, 255, 108), strings.stream().map(String::length).toList());
        assertEquals(value, String.join("", strings));
    }

    @Test
    void octetsCountNotCharactersAndNoCharacterIsCutInTwo() {
        String value = "é".repeat(200);

        List<String> strings = TxtStrings.split(value);

        assertEquals(List.of(254, 146), strings.stream().map(s -> s.getBytes(StandardCharsets.UTF_8).length).toList());
        assertEquals(value, String.join("", strings));
    }

    @Test
    void anEmptyValueIsOneEmptyString() {
        assertEquals(List.of(""), TxtStrings.split(""));
        assertEquals("example.test. IN TXT \"\"", TxtStrings.zoneLine("example.test", ""));
    }

    @Test
    void theZoneLineQuotesEscapesAndMakesTheNameAbsolute() {
        assertEquals("example.test. 300 IN TXT \"say \\\"hi\\\" \\\\ bye\"", TxtStrings.zoneLine("example.test.", 300, "say \"hi\" \\ bye"));
        String value = "x".repeat(256);
        assertEquals("t.example. IN TXT \"" + "x".repeat(255) + "\" \"x\"", TxtStrings.zoneLine("t.example", value));
    }
}
