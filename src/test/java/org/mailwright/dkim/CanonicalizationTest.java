package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6376 section 3.4, with the example of section 3.4.6 and the empty-body rules (errata 3192). */
class CanonicalizationTest {

    private static final String EXAMPLE = "A: X \r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    @Test
    void relaxedMatchesTheRfcExample() {
        MailMessage message = MailMessage.parse(bytes(EXAMPLE));

        assertEquals("a:X\r\nb:Y Z\r\n", message.headers().stream()
                .map(h -> header(Canonicalization.RELAXED, h)).reduce("", String::concat));
        assertEquals(" C\r\nD E\r\n", body(Canonicalization.RELAXED, message.body()));
    }

    @Test
    void simpleMatchesTheRfcExample() {
        MailMessage message = MailMessage.parse(bytes(EXAMPLE));

        assertEquals("A: X \r\nB : Y\t\r\n\tZ  \r\n", message.headers().stream()
                .map(h -> header(Canonicalization.SIMPLE, h)).reduce("", String::concat));
        assertEquals(" C \r\nD \t E\r\n", body(Canonicalization.SIMPLE, message.body()));
    }

    @Test
    void emptyBodiesAreOneCrlfForSimpleAndNothingForRelaxed() {
        for (String body : new String[] {"", "\r\n", "\r\n\r\n"}) {
            assertEquals("\r\n", body(Canonicalization.SIMPLE, bytes(body)));
            assertEquals("", body(Canonicalization.RELAXED, bytes(body)));
        }
        assertEquals("", body(Canonicalization.RELAXED, bytes(" \t\r\n  \r\n")));
    }

    @Test
    void aLastLineWithoutCrlfGetsOne() {
        assertEquals("end\r\n", body(Canonicalization.SIMPLE, bytes("end")));
        assertEquals("end\r\n", body(Canonicalization.RELAXED, bytes("end  ")));
    }

    @Test
    void bareLineFeedsAreReadAsCrlfAndAnMboxSeparatorIsDropped() {
        MailMessage message = MailMessage.parse(bytes("From ana@corp.example Tue Nov 24 10:00:00 2026\nFrom: ana@corp.example\n"
                + "Subject: one\n two\n\nbody\n"));

        assertEquals(2, message.headers().size());
        assertEquals("From", message.headers().get(0).name());
        assertEquals("Subject: one\r\n two\r\n", text(message.headers().get(1).raw()));
        assertEquals("one two", message.headers().get(1).value());
        assertEquals("body\r\n", text(message.body()));
    }

    @Test
    void theSignatureValueIsRemovedWithTheWhiteSpaceAroundIt() {
        byte[] field = bytes("DKIM-Signature: v=1; bh=abc=; b = dGVz\r\n\tdA== ; d=x\r\n");

        assertEquals("DKIM-Signature: v=1; bh=abc=; b =; d=x\r\n", text(DkimSignature.withoutSignatureValue(field)));
        assertEquals("DKIM-Signature: a=1; b=\r\n", text(DkimSignature.withoutSignatureValue(bytes("DKIM-Signature: a=1; b=xyz\r\n"))));
    }

    /** One header field's canonical form, as the header hash takes it. */
    static String header(Canonicalization canonicalization, HeaderField field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedSink sink = new BufferedSink(out::write);
        canonicalization.writeHeader(field.raw(), true, sink);
        sink.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The canonical form of a whole body. */
    static String body(Canonicalization canonicalization, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long length = canonicalization.writeBody(body, 0, body.length, out::write);
        assertEquals(out.size(), length, "the length returned is the length written");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

}
