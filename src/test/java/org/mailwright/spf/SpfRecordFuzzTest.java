package org.mailwright.spf;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The SPF record parser takes any text a DNS server returns: it parses it or refuses it with
 * {@link SpfSyntaxException}, and never throws anything else. The inputs beside this class run as
 * regression tests in every build; {@code JAZZER_FUZZ=1 mvn test -Dtest=SpfRecordFuzzTest} fuzzes.
 */
class SpfRecordFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        try {
            SpfRecord record = SpfRecord.parse(text);
            record.terms().forEach(term -> term.text());
        } catch (SpfSyntaxException refused) {
            // Refusing a record is an answer.
        }
    }
}
