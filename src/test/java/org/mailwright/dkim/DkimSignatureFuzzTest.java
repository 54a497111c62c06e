package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A DKIM-Signature field is written by whoever sent the message: {@link DkimSignature#parse}
 * reads it or ends it with a {@link DkimException} (the result and reason of that signature),
 * under today's rules and the legacy ones, and never throws anything else; the times it keeps are
 * times. Issue 11's {@code t=99999999999999999} is among the inputs beside this class;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=DkimSignatureFuzzTest} fuzzes.
 */
class DkimSignatureFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        byte[] raw = new byte[data.length + 17];
        System.arraycopy("DKIM-Signature: ".getBytes(StandardCharsets.US_ASCII), 0, raw, 0, 16);
        System.arraycopy(data, 0, raw, 16, data.length);
        raw[raw.length - 1] = '\n';
        HeaderField field = new HeaderField(raw);
        DkimSignature.withoutSignatureValue(raw);
        for (VerificationRules rules : new VerificationRules[] {VerificationRules.standard(), VerificationRules.legacy()}) {
            DkimSignature signature;
            try {
                signature = DkimSignature.parse(field, rules);
            } catch (DkimException refused) {
                refused.reason().text(java.util.Locale.ENGLISH, refused.arguments().toArray());
                continue;
            }
            signature.keyName();
            signature.identityDomain();
            signature.identityLocalPart();
            signature.bodyHashRequest();
            assertTrue(signature.signedHeaders.size() <= DkimVerifier.MAX_SIGNED_HEADERS);
            signature.timestamp.ifPresent(seconds -> Instant.ofEpochSecond(seconds));
            signature.expiration.ifPresent(seconds -> Instant.ofEpochSecond(seconds));
        }
    }
}
