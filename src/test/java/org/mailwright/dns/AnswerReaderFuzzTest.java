package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.xbill.DNS.Name;

/**
 * DNS answers into {@link LookupResult}: whatever octets a server sends back, {@link AnswerReader}
 * reads them as a stray, a rejected reply or an accepted one, and an accepted one becomes a
 * result with words in both languages; it never throws. The first octet chooses the asked type;
 * the rest is the reply, asked as {@code example.test} with id {@value #ID} (the inputs beside
 * this class carry it). {@code JAZZER_FUZZ=1 mvn test -Dtest=AnswerReaderFuzzTest} fuzzes.
 */
class AnswerReaderFuzzTest {

    static final int ID = 0x4d57;
    private static final Name ASKED = Name.fromConstantString("example.test.");

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        if (data.length == 0) {
            return;
        }
        RecordType type = RecordType.values()[(data[0] & 0xff) % RecordType.values().length];
        Query query = new Query(ASKED, type, ID, true);
        byte[] wire = Arrays.copyOfRange(data, 1, data.length);

        AnswerReader.Reading reading = AnswerReader.read(wire, query);

        if (reading instanceof AnswerReader.Reading.Accepted accepted) {
            LookupResult result = AnswerReader.interpret(accepted.message(), query, "192.0.2.53:53", Duration.ZERO);
            assertEquals("example.test", result.name());
            assertEquals(type, result.type());
            assertEquals(result.outcome() == Outcome.OK, !result.records().isEmpty(), result.outcome().name());
            assertTrue(result.aliases().size() <= AnswerReader.MAX_CNAME_CHAIN + 1, "aliases are bounded");
            result.records().forEach(record -> assertEquals(type, record.type()));
            result.mx();
            result.soa();
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
                String words = result.explain(locale);
                assertFalse(words.startsWith("["), words);
            }
        } else if (reading instanceof AnswerReader.Reading.Rejected rejected) {
            assertFalse(rejected.outcome().isConclusive(), "a rejected reply is never taken as published data");
            assertFalse(rejected.detail().text(Locale.ENGLISH).startsWith("["), rejected.detail().key());
        }
    }
}
