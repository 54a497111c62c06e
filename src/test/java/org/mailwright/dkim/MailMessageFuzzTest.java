package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Whole messages, verified: the first line of an input is the key record every selector
 * publishes, the rest is the message. A message is read or refused with a
 * {@link MessageLimitException}; then every DKIM-Signature and DomainKey-Signature field gets
 * exactly one result, under today's rules and the legacy ones, and nothing throws. Issue 11's
 * messages (a key record that is no key, a 17-digit t=) are among the inputs beside this class;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=MailMessageFuzzTest} fuzzes.
 */
class MailMessageFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    /** Far beyond what a few kilobytes can need in linear time: only a hang or a blow-up passes it. */
    private static final long HANG_NANOS = 5_000_000_000L;

    @FuzzTest(maxDuration = "10m")
    void verify(byte[] data) {
        KeyAndMessage input = KeyAndMessage.split(data);
        long start = System.nanoTime();
        MailMessage message;
        try {
            message = MailMessage.parse(input.message());
        } catch (MessageLimitException refused) {
            return;
        }
        long signatures = message.headers().stream()
                .filter(field -> field.hasName("DKIM-Signature") || field.hasName("DomainKey-Signature")).count();
        KeySource keys = input.keys();
        for (VerificationRules rules : new VerificationRules[] {VerificationRules.standard(), VerificationRules.legacy()}) {
            VerificationReport report = new DkimVerifier(keys, CLOCK, rules).verify(message).join();
            assertEquals(signatures, report.signatures().size());
            report.signatures().forEach(result -> result.reasonText(java.util.Locale.ENGLISH));
        }
        assertTrue(System.nanoTime() - start < HANG_NANOS, "verified in linear time");
    }
}
