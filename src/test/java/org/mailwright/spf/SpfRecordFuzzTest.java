package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The SPF record parser takes any text a DNS server returns: it parses it or refuses it with
 * {@link SpfSyntaxException}, and never throws anything else. A record parsed holds at most
 * {@value SpfRecord#MAX_TERMS} terms in at most {@value SpfRecord#MAX_LENGTH} characters, and its
 * own text parses to the same terms. The inputs beside this class run as regression tests in
 * every build; {@code JAZZER_FUZZ=1 mvn test -Dtest=SpfRecordFuzzTest} fuzzes.
 */
class SpfRecordFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        try {
            SpfRecord record = SpfRecord.parse(text);
            assertTrue(record.terms().size() <= SpfRecord.MAX_TERMS && text.length() <= SpfRecord.MAX_LENGTH);
            assertEquals(record.terms().stream().map(Term::text).toList(),
                    SpfRecord.parse(record.text()).terms().stream().map(Term::text).toList());
            record.ownLookups();
        } catch (SpfSyntaxException refused) {
            // Refusing a record is an answer.
        }
    }
}
