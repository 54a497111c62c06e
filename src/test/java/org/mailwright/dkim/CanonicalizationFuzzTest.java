package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;

/**
 * Canonicalization (RFC 6376 section 3.4) of any octets, as a body and as a header field: the
 * length returned is the length written, a canonical form is its own canonical form, {@code l=}
 * cuts exactly that prefix, and the output is never more than the input and one CRLF (two for a
 * header field without a colon). {@code JAZZER_FUZZ=1 mvn test -Dtest=CanonicalizationFuzzTest}
 * fuzzes.
 */
class CanonicalizationFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void canonicalize(byte[] data) {
        for (Canonicalization canonicalization : Canonicalization.values()) {
            byte[] body = body(canonicalization, data);
            assertTrue(body.length <= data.length + 2);
            assertArrayEquals(body, body(canonicalization, body), canonicalization + " body is its own canonical form");
            int cut = data.length == 0 ? 0 : data[0] & 0xff;
            ByteArrayOutputStream limited = new ByteArrayOutputStream();
            ByteSink sink = limited::write;
            canonicalization.writeBody(data, 0, data.length, sink.limitedTo(cut));
            assertEquals(Math.min(cut, body.length), limited.size());

            byte[] header = header(canonicalization, data);
            assertTrue(header.length <= data.length + 3);
            if (canonicalization == Canonicalization.RELAXED) {
                assertArrayEquals(header, header(canonicalization, header), "a relaxed header field is its own canonical form");
            }
        }
    }

    private static byte[] body(Canonicalization canonicalization, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long length = canonicalization.writeBody(data, 0, data.length, out::write);
        assertEquals(out.size(), length);
        return out.toByteArray();
    }

    private static byte[] header(Canonicalization canonicalization, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedSink sink = new BufferedSink(out::write);
        canonicalization.writeHeader(data, true, sink);
        sink.flush();
        return out.toByteArray();
    }
}
