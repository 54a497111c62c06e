package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.xbill.DNS.Name;

/**
 * Names as users type them and as DNS data and macros make them: {@link DomainName#parse} and
 * {@link DomainName#parseDomain} take any text and give a name within RFC 1035's lengths or a
 * problem in words, and {@link QueryName#parse} gives a name DNS can carry or refuses it with
 * {@link InvalidDomainNameException}; nothing else is ever thrown, whatever the text's size.
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=DomainNameFuzzTest} fuzzes.
 */
class DomainNameFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);

        for (DomainName.Parsed parsed : new DomainName.Parsed[] {DomainName.parse(text), DomainName.parseDomain(text)}) {
            assertTrue(parsed.name().isPresent() != parsed.problem().isPresent());
            parsed.problem().ifPresent(problem -> assertFalse(problem.text(Locale.ENGLISH).startsWith("["), problem.key()));
            parsed.name().ifPresent(DomainNameFuzzTest::checkName);
        }
        try {
            Name name = QueryName.parse(text);
            assertTrue(name.isAbsolute());
            assertTrue(name.length() <= 255, "at most 255 octets on the wire");
        } catch (InvalidDomainNameException refused) {
            assertFalse(refused.problem().text(Locale.ENGLISH).startsWith("["), refused.problem().key());
        }
    }

    private static void checkName(DomainName name) {
        String ascii = name.ascii();
        assertTrue(ascii.length() <= DomainName.MAX_LENGTH, ascii);
        assertTrue(ascii.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'),
                ascii);
        name.labels().forEach(label -> assertTrue(!label.isEmpty() && label.length() <= DomainName.MAX_LABEL, ascii));
        assertEquals(name, DomainName.parse(ascii).name().orElseThrow(), "its ASCII form parses to itself");
        name.unicode();
    }
}
