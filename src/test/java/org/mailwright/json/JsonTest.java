package org.mailwright.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesWhatRfc8259RequiresAndTheControlsATerminalWouldActOn() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", Json.write("say \"hi\" \\ bye"));
        assertEquals("\"a\\nb\\rc\\td\\be\\ff\"", Json.write("a\nb\rc\td\be\ff"));
        assertEquals("\"\\u0000\\u0001\\u001f\"", Json.write("\u0000\u0001\u001f"));
        assertEquals("\"/ stays\"", Json.write("/ stays"));
        // DEL, C1 (U+009B starts an escape sequence in some terminals) and the bidirectional overrides.
        assertEquals("\"\\u007f\\u0085\\u009b2J \\u202eevil\\u2066 \u200f\"", Json.write("\u007f\u0085\u009b2J \u202eevil\u2066 \u200f"));
    }

    @Test
    void keepsNonAsciiAsItselfButEscapesALoneSurrogate() {
        assertEquals("\"año ü 日本 \uD83D\uDCE7\"", Json.write("año ü 日本 \uD83D\uDCE7"));
        assertEquals("\"x\\ud83dy\"", Json.write("x\uD83Dy"));
        assertEquals("\"\\udce7\"", Json.write("\uDCE7"));
    }

    @Test
    void writesObjectsInTheirOrderWithArraysNumbersBooleansAndNull() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", "example.test");
        object.put("records", List.of("a", "b"));
        object.put("empty", List.of());
        object.put("ttl", 300L);
        object.put("count", 2);
        object.put("ratio", 0.5);
        object.put("ok", true);
        object.put("none", null);
        object.put("nested", Map.of("k", false));
        assertEquals("{\"name\":\"example.test\",\"records\":[\"a\",\"b\"],\"empty\":[],\"ttl\":300,\"count\":2,"
                + "\"ratio\":0.5,\"ok\":true,\"none\":null,\"nested\":{\"k\":false}}", Json.write(object));
        assertEquals("[null,1]", Json.write(Arrays.asList(null, 1)));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "one")));
    }
}
