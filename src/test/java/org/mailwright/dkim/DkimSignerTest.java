package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DkimSignerTest {

    private static final DkimKey RSA = KeyGenerator.generate(KeySpec.DEFAULT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final byte[] MESSAGE = ("From: Ana <ana@corp.example>\r\nTo: bea@else.example\r\nTo: cy@else.example\r\n"
            + "Subject: Hi\r\nX-Mailer: test\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void theFieldCarriesTheTagsFoldedUnder78Columns() {
        String field = signer(SigningOptions.defaults().withValidity(Duration.ofDays(7)).withIdentity("ana@corp.example"))
                .signatureField(MailMessage.parse(MESSAGE));
        TagList tags = tags(field);

        assertTrue(field.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=corp.example;\r\n\ts=202611a;"), field);
        assertTrue(field.endsWith("\r\n"));
        assertTrue(field.lines().allMatch(line -> line.length() <= 78), field);
        assertEquals("1795514400", tags.get("t").orElseThrow());
        assertEquals(String.valueOf(1795514400L + 7 * 86400), tags.get("x").orElseThrow());
        assertEquals("ana@corp.example", tags.get("i").orElseThrow());
    }

    @Test
    void oversignsTheFieldsWhoseForgeryMisleads() {
        String field = signer(SigningOptions.defaults()).signatureField(MailMessage.parse(MESSAGE));

        // Present fields as often as present, the oversigned ones once more, absent oversigned ones once.
        assertEquals(List.of("from", "from", "reply-to", "subject", "subject", "date", "message-id", "to", "to", "to", "cc",
                        "mime-version", "content-type", "content-transfer-encoding"),
                List.of(TagList.removeFws(tags(field).get("h").orElseThrow()).split(":")));
    }

    @Test
    void signsOnlyTheChosenFields() {
        String field = signer(SigningOptions.defaults().withHeaders(List.of("From", "X-Mailer"), Set.of()).withBodyLength(true))
                .signatureField(MailMessage.parse(MESSAGE));

        assertEquals("from:x-mailer", TagList.removeFws(tags(field).get("h").orElseThrow()));
        assertEquals("8", tags(field).get("l").orElseThrow());
    }

    @Test
    void theSignedMessageIsTheFieldAboveTheOriginal() {
        DkimSigner signer = signer(SigningOptions.defaults());
        String field = signer.signatureField(MailMessage.parse(MESSAGE));
        byte[] signed = signer.sign(MESSAGE);

        byte[] expected = (field + new String(MESSAGE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, signed, "RSA PKCS#1 v1.5 signatures are deterministic");
    }

    @Test
    void refusesWhatReceiversWouldReject() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        var pair = generator.generateKeyPair();
        DkimKey weak = DkimKey.of(pair.getPrivate(), pair.getPublic());

        assertThrows(IllegalArgumentException.class,
                () -> new DkimSigner(weak, "corp.example", "s1", SigningOptions.defaults(), CLOCK));
        assertThrows(IllegalArgumentException.class,
                () -> new DkimSigner(RSA, "corp.example", "s1", SigningOptions.defaults().withIdentity("ana@other.example"), CLOCK));
        assertThrows(IllegalArgumentException.class,
                () -> new DkimSigner(RSA, "corp example", "s1", SigningOptions.defaults(), CLOCK));
        assertThrows(IllegalArgumentException.class,
                () -> SigningOptions.defaults().withHeaders(List.of("subject"), Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> signer(SigningOptions.defaults()).sign("Subject: no sender\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsCanonicalizationAsTheCliWritesIt() {
        assertArrayEquals(new Canonicalization[] {Canonicalization.RELAXED, Canonicalization.SIMPLE},
                SigningOptions.parseCanonicalization("relaxed"));
        assertArrayEquals(new Canonicalization[] {Canonicalization.SIMPLE, Canonicalization.RELAXED},
                SigningOptions.parseCanonicalization("simple/relaxed"));
        assertThrows(IllegalArgumentException.class, () -> SigningOptions.parseCanonicalization("relaxed/nofws"));
    }

    private static DkimSigner signer(SigningOptions options) {
        return new DkimSigner(RSA, "corp.example", "202611a", options, CLOCK);
    }

    private static TagList tags(String field) {
        try {
            return TagList.parse(field.substring(field.indexOf(':') + 1));
        } catch (TagList.TagSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
