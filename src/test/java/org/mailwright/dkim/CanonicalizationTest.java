package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6376 section 3.4, with the example of section 3.4.6 and the empty-body rules (errata 3192). */
class CanonicalizationTest {

    private static final String EXAMPLE = "A: X \r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    @Test
    void relaxedMatchesTheRfcExample() {
        MailMessage message = MailMessage.parse(bytes(EXAMPLE));

        assertEquals("a:X\r\nb:Y Z\r\n", text(message.headers().stream()
                .map(h -> text(Canonicalization.RELAXED.header(h.raw()))).reduce("", String::concat)));
        assertEquals(" C\r\nD E\r\n", text(Canonicalization.RELAXED.body(message.body())));
    }

    @Test
    void simpleMatchesTheRfcExample() {
        MailMessage message = MailMessage.parse(bytes(EXAMPLE));

        assertEquals("A: X \r\nB : Y\t\r\n\tZ  \r\n", message.headers().stream()
                .map(h -> text(Canonicalization.SIMPLE.header(h.raw()))).reduce("", String::concat));
        assertEquals(" C \r\nD \t E\r\n", text(Canonicalization.SIMPLE.body(message.body())));
    }

    @Test
    void emptyBodiesAreOneCrlfForSimpleAndNothingForRelaxed() {
        for (String body : new String[] {"", "\r\n", "\r\n\r\n"}) {
            assertEquals("\r\n", text(Canonicalization.SIMPLE.body(bytes(body))));
            assertEquals("", text(Canonicalization.RELAXED.body(bytes(body))));
        }
        assertEquals("", text(Canonicalization.RELAXED.body(bytes(" \t\r\n  \r\n"))));
    }

    @Test
    void aLastLineWithoutCrlfGetsOne() {
        assertEquals("end\r\n", text(Canonicalization.SIMPLE.body(bytes("end"))));
        assertEquals("end\r\n", text(Canonicalization.RELAXED.body(bytes("end  "))));
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String text(String already) {
        return already;
    }
}
