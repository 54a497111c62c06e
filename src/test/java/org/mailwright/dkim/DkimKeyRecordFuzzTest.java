package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Key records come from any DNS server: {@link DkimKeyRecord#parse} reads one or refuses it with
 * {@link KeyRecordException}, and so do the key it holds and its size; {@link
 * DkimKeyRecord#canonical()} never fails and is its own canonical form. Issue 11's
 * {@code p=5DgogEEAAAAAAEL}, which crashed {@code dkim verify}, is among the inputs beside this
 * class; {@code JAZZER_FUZZ=1 mvn test -Dtest=DkimKeyRecordFuzzTest} fuzzes.
 */
class DkimKeyRecordFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        DkimKeyRecord.canonicalOf(text);
        DkimKeyRecord record;
        try {
            record = DkimKeyRecord.parse(text);
        } catch (KeyRecordException refused) {
            return;
        }
        DkimKeyRecord canonical = record.canonical();
        assertEquals(canonical, canonical.canonical());
        record.value();
        try {
            record.keyBits();
        } catch (KeyRecordException noKey) {
            // An answer: the verifier makes it that signature's permerror.
        }
        try {
            record.toPublicKey();
        } catch (KeyRecordException noKey) {
            // The same.
        }
    }
}
