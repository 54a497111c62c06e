package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/**
 * Keys made by Mailwright, published through their zone-file lines on the test DNS server, sign a
 * message twice (RSA and Ed25519, as the wizard advises) and both signatures verify.
 */
class RoundTripTest {

    private static final byte[] MESSAGE = """
            From: Ana <ana@corp.example>
            To: Bea <bea@else.example>
            Subject: Quarterly figures
            Date: Tue, 24 Nov 2026 10:00:00 +0100
            Message-ID: <q3@corp.example>

            Hello Bea,

            the figures are attached.\t\s
            """.getBytes(StandardCharsets.UTF_8);

    private static DkimKey rsa;
    private static DkimKey ed25519;
    private static TestDnsServer dns;
    private static ResolverService resolver;

    @BeforeAll
    static void publish() {
        rsa = KeyGenerator.generate(KeySpec.DEFAULT);
        ed25519 = KeyGenerator.generate(KeySpec.ed25519());
        String zone = "$ORIGIN corp.example.\n"
                + new DkimDnsRecord("202611a", "corp.example", rsa.record()).zoneLine(300) + "\n"
                + new DkimDnsRecord("202611e", "corp.example", ed25519.record()).zoneLine() + "\n";
        dns = TestDnsServer.start(zone);
        resolver = new ResolverService(ResolverOptions.defaults());
    }

    @AfterAll
    static void stop() {
        resolver.close();
        dns.close();
    }

    @Test
    void bothSignaturesVerifyAfterTheRoundTrip() {
        byte[] signed = signTwice(MESSAGE, SigningOptions.defaults());

        VerificationReport report = verify(signed);

        assertEquals(List.of(DkimResult.PASS, DkimResult.PASS), report.signatures().stream().map(SignatureResult::result).toList());
        assertEquals(List.of("ed25519-sha256", "rsa-sha256"), report.signatures().stream().map(SignatureResult::algorithm).toList());
        assertEquals("202611a._domainkey.corp.example", report.signatures().get(1).key().orElseThrow().name());
        assertEquals(2048, report.signatures().get(1).keyBits().orElseThrow());
        assertTrue(report.signatures().stream().allMatch(s -> s.notes().isEmpty()), "no warnings for a fresh 2048-bit key");
    }

    @Test
    void everyCanonicalizationAndBodyLengthVerifies() {
        for (Canonicalization header : Canonicalization.values()) {
            for (Canonicalization body : Canonicalization.values()) {
                SigningOptions options = SigningOptions.defaults().withCanonicalization(header, body).withBodyLength(true);
                VerificationReport report = verify(signTwice(MESSAGE, options));
                assertTrue(report.signatures().stream().allMatch(SignatureResult::passed), header + "/" + body);
            }
        }
    }

    @Test
    void aChangedSubjectFailsBothSignatures() {
        String signed = new String(signTwice(MESSAGE, SigningOptions.defaults()), StandardCharsets.UTF_8);

        VerificationReport report = verify(signed.replace("Quarterly figures", "Quarterly figures (final)")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(Reason.SIGNATURE, Reason.SIGNATURE),
                report.signatures().stream().map(s -> s.reason().orElseThrow()).toList());
    }

    @Test
    void relaxedSignaturesSurviveRewrapping() {
        String signed = new String(signTwice(MESSAGE, SigningOptions.defaults()), StandardCharsets.UTF_8);

        // A relay that refolds a field and pads a line with spaces changes nothing relaxed cares about.
        String rewrapped = signed.replace("Subject: Quarterly figures", "Subject:   Quarterly\r\n  figures")
                .replace("Hello Bea,", "Hello   Bea,  ");

        assertTrue(verify(rewrapped.getBytes(StandardCharsets.UTF_8)).anyPass());
        assertEquals(2, verify(rewrapped.getBytes(StandardCharsets.UTF_8)).signatures().stream().filter(SignatureResult::passed).count());
    }

    private static byte[] signTwice(byte[] message, SigningOptions options) {
        byte[] once = new DkimSigner(rsa, "corp.example", "202611a", options, Clock.systemUTC()).sign(message);
        return new DkimSigner(ed25519, "corp.example", "202611e", options, Clock.systemUTC()).sign(once);
    }

    private static VerificationReport verify(byte[] message) {
        return DkimVerifier.overDns(resolver, dns.target()).verify(message).join();
    }
}
