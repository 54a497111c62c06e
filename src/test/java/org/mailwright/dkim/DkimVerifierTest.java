package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.DkimFinding;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** The verifier's rules, one at a time, with key records given in memory or by the test DNS server. */
class DkimVerifierTest {

    private static final DkimKey RSA = KeyGenerator.generate(KeySpec.DEFAULT);
    private static final DkimKey ED25519 = KeyGenerator.generate(KeySpec.ed25519());
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String KEY_NAME = "s1._domainkey.corp.example";
    private static final String MESSAGE = "From: Ana <ana@corp.example>\r\nTo: bea@else.example\r\nSubject: Hi\r\n\r\nHello.\r\n";

    @Test
    void anUnsignedMessageHasNoSignatures() {
        VerificationReport report = verify(MESSAGE, Map.of());

        assertTrue(report.unsigned());
        assertEquals(false, report.anyPass());
    }

    @Test
    void anExpiredSignatureFails() {
        String signed = sign(RSA, SigningOptions.defaults().withValidity(Duration.ofHours(1)), NOW.minus(Duration.ofHours(2)));

        SignatureResult result = only(verify(signed, Map.of(KEY_NAME, RSA.record().value())));

        assertEquals(DkimResult.FAIL, result.result());
        assertEquals(Reason.EXPIRED, result.reason().orElseThrow());
        assertEquals("The signature expired at 2026-11-24T09:00:00Z (x=).", result.reasonText(Locale.ENGLISH));
        assertEquals(NOW.minus(Duration.ofHours(1)), result.expiresAt().orElseThrow());
    }

    @Test
    void aBodyLengthLeavesAppendedTextUnsignedAndSaysSo() {
        String signed = sign(RSA, SigningOptions.defaults().withBodyLength(true), NOW);

        SignatureResult result = only(verify(signed + "Appended by a list.\r\n", Map.of(KEY_NAME, RSA.record().value())));

        assertEquals(DkimResult.PASS, result.result());
        assertEquals(List.of(DkimFinding.BODY_PARTLY_SIGNED.of(21L)), result.notes());
        assertEquals(8, result.bodyLength().orElseThrow());
    }

    @Test
    void aBodyShorterThanTheSignedLengthIsAPermanentError() {
        String signed = sign(RSA, SigningOptions.defaults().withBodyLength(true), NOW);

        SignatureResult result = only(verify(signed.replace("Hello.\r\n", "Hel"), Map.of(KEY_NAME, RSA.record().value())));

        assertEquals(DkimResult.PERMERROR, result.result());
        assertEquals(Reason.BODY_LENGTH_EXCEEDS_BODY, result.reason().orElseThrow());
    }

    @Test
    void signatureFieldsBreakingRfc6376AreRejectedWithTheReason() {
        Map<String, Reason> cases = Map.of(
                "v=1; a=rsa-sha256; d=corp.example; s=s1; h=subject; bh=AAAA; b=AAAA", Reason.FROM_NOT_SIGNED,
                "v=1; a=rsa-sha256; d=corp.example; s=s1; h=from; b=AAAA", Reason.MISSING_TAG,
                "v=2; a=rsa-sha256; d=corp.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.UNSUPPORTED_VERSION,
                "a=rsa-sha256; d=corp.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.MISSING_TAG,
                "v=1; a=rsa-md5; d=corp.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.UNSUPPORTED_ALGORITHM,
                "v=1; a=rsa-sha256; c=relaxed/fancy; d=corp.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.UNSUPPORTED_CANONICALIZATION,
                "v=1; a=rsa-sha256; d=corp.example; i=ana@else.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.IDENTITY_MISMATCH,
                "v=1; a=rsa-sha256; d=corp.example; s=s1; h=from; t=20; x=10; bh=AAAA; b=AAAA", Reason.BAD_TIMESTAMPS,
                "v=1; a=rsa-sha256; d=corp.example; s=s1; h=from; bh=AA!A; b=AAAA", Reason.SIGNATURE_SYNTAX,
                "v=1; a=rsa-sha256; d=corp.example; d=other.example; s=s1; h=from; bh=AAAA; b=AAAA", Reason.SIGNATURE_SYNTAX);
        cases.forEach((tags, reason) -> {
            SignatureResult result = only(verify("DKIM-Signature: " + tags + "\r\n" + MESSAGE, Map.of(KEY_NAME, RSA.record().value())));
            assertEquals(DkimResult.PERMERROR, result.result(), tags);
            assertEquals(reason, result.reason().orElseThrow(), tags);
        });
    }

    @Test
    void keyRecordsThatDoNotFitTheSignatureAreRejectedWithTheReason() {
        String rsaSigned = sign(RSA, SigningOptions.defaults().withIdentity("ana@eu.corp.example"), NOW);
        String edSigned = sign(ED25519, SigningOptions.defaults(), NOW);
        String rsaKey = RSA.record().value();

        assertResult(DkimResult.PERMERROR, Reason.KEY_TYPE_MISMATCH, verify(edSigned, Map.of(KEY_NAME, rsaKey)));
        assertResult(DkimResult.PERMERROR, Reason.KEY_HASH_NOT_ALLOWED,
                verify(rsaSigned, Map.of(KEY_NAME, RSA.record().withHashAlgorithms(List.of("sha1")).value())));
        assertResult(DkimResult.PERMERROR, Reason.KEY_NOT_FOR_EMAIL,
                verify(rsaSigned, Map.of(KEY_NAME, RSA.record().withServiceTypes(List.of("tlsrpt")).value())));
        assertResult(DkimResult.PERMERROR, Reason.KEY_SUBDOMAIN_NOT_ALLOWED,
                verify(rsaSigned, Map.of(KEY_NAME, RSA.record().withStrictIdentity(true).value())));
        assertResult(DkimResult.FAIL, Reason.KEY_REVOKED, verify(rsaSigned, Map.of(KEY_NAME, "v=DKIM1; k=rsa; p=")));
        assertResult(DkimResult.PERMERROR, Reason.KEY_NOT_FOUND, verify(rsaSigned, Map.of()));
        assertResult(DkimResult.PASS, null,
                verify(rsaSigned, Map.of(KEY_NAME, RSA.record().withHashAlgorithms(List.of("sha256")).withServiceTypes(List.of("email")).value())));
    }

    @Test
    void rsaSha1VerifiesButIsReportedAsWeak() throws Exception {
        String signed = signSha1(RSA, MESSAGE);

        SignatureResult result = only(verify(signed, Map.of(KEY_NAME, RSA.record().value())));

        assertEquals(DkimResult.PASS, result.result());
        assertEquals(List.of(DkimFinding.SIGNATURE_SHA1.of()), result.notes());
    }

    @Test
    void testingModeAndShortKeysAreNoted() {
        DkimKey short1024 = KeyGenerator.generate(KeySpec.rsa(1024));
        String signed = sign(short1024, SigningOptions.defaults(), NOW);

        SignatureResult result = only(verify(signed, Map.of(KEY_NAME, short1024.record().withTesting(true).value())));

        assertEquals(DkimResult.PASS, result.result());
        assertEquals(List.of(DkimFinding.KEY_SHORT.of(1024),
                DkimFinding.TESTING_MODE.of(KEY_NAME)), result.notes());
        assertEquals(1024, result.keyBits().orElseThrow());
    }

    @Test
    void aSignatureFromTheFutureIsNoted() {
        String signed = sign(ED25519, SigningOptions.defaults(), NOW.plus(Duration.ofHours(1)));

        SignatureResult result = only(verify(signed, Map.of(KEY_NAME, ED25519.record().value())));

        assertEquals(DkimResult.PASS, result.result());
        assertEquals("dkim.timestamp-in-future", result.notes().get(0).id());
    }

    @Test
    void onlyTheFirstTwentySignaturesAreChecked() {
        String signed = MESSAGE;
        for (int i = 0; i < DkimVerifier.MAX_SIGNATURES + 1; i++) {
            signed = new String(new DkimSigner(ED25519, "corp.example", "s1", SigningOptions.defaults(), clock(NOW))
                    .sign(signed.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }

        List<SignatureResult> results = verify(signed, Map.of(KEY_NAME, ED25519.record().value())).signatures();

        assertEquals(21, results.size());
        assertTrue(results.subList(0, 20).stream().allMatch(SignatureResult::passed));
        assertResult(DkimResult.NEUTRAL, Reason.TOO_MANY_SIGNATURES, new VerificationReport(results.subList(20, 21)));
    }

    @Test
    void domainKeysSignaturesAreNotEvaluatedUnderTodaysRules() {
        String legacy = "DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws; s=s1; d=corp.example; b=AAAA\r\n" + MESSAGE;

        SignatureResult result = only(verify(legacy, Map.of(KEY_NAME, RSA.record().value())));

        assertEquals(SignatureKind.DOMAINKEYS, result.kind());
        assertResult(DkimResult.NEUTRAL, Reason.DOMAINKEYS_NOT_EVALUATED, new VerificationReport(List.of(result)));
        assertEquals("corp.example", result.domain());
    }

    @Test
    void dnsFailuresAreTemporaryAndAMissingKeyIsPermanent() {
        String signed = sign(RSA, SigningOptions.defaults(), NOW);
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN _domainkey.corp.example.\nother TXT \"v=DKIM1; p=\"\n");
             ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false)
                     .withTimeout(Duration.ofMillis(200)).withRetries(0))) {
            DkimVerifier verifier = new DkimVerifier(KeySource.dns(resolver, dns.target()), clock(NOW), VerificationRules.standard());

            SignatureResult missing = only(verifier.verify(signed.getBytes(StandardCharsets.UTF_8)).join());
            assertResult(DkimResult.PERMERROR, Reason.KEY_NOT_FOUND, new VerificationReport(List.of(missing)));
            assertEquals("nxdomain", missing.key().orElseThrow().dns().orElseThrow().outcome().jsonName());

            dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
            SignatureResult servfail = only(verifier.verify(signed.getBytes(StandardCharsets.UTF_8)).join());
            assertResult(DkimResult.TEMPERROR, Reason.DNS_ERROR, new VerificationReport(List.of(servfail)));
            assertEquals(List.of(KEY_NAME, "servfail"), servfail.reasonArguments());

            dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
            SignatureResult timeout = only(verifier.verify(signed.getBytes(StandardCharsets.UTF_8)).join());
            assertResult(DkimResult.TEMPERROR, Reason.DNS_ERROR, new VerificationReport(List.of(timeout)));
            assertTrue(timeout.reasonText(Locale.ENGLISH).contains("no answer within 200 ms"), timeout.reasonText(Locale.ENGLISH));
        }
    }

    @Test
    void reasonsAreSaidInSpanishToo() {
        String signed = sign(RSA, SigningOptions.defaults(), NOW);

        SignatureResult result = only(verify(signed.replace("Hello.", "Hola."), Map.of(KEY_NAME, RSA.record().value())));

        assertEquals("El cuerpo cambió después de firmar: su hash no coincide con bh=.", result.reasonText(Locale.forLanguageTag("es")));
    }

    // ---- helpers ----

    private static String sign(DkimKey key, SigningOptions options, Instant at) {
        return new String(new DkimSigner(key, "corp.example", "s1", options, clock(at))
                .sign(MESSAGE.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** An rsa-sha1 signature, which DkimSigner refuses to make, built by hand for the verifier. */
    private static String signSha1(DkimKey key, String message) throws Exception {
        MailMessage parsed = MailMessage.parse(message.getBytes(StandardCharsets.UTF_8));
        String bh = Base64.getEncoder().encodeToString(BodyHashes.of(parsed,
                new BodyHashes.Request(Canonicalization.SIMPLE, "SHA-1", java.util.OptionalLong.empty())).hash());
        String field = "DKIM-Signature: v=1; a=rsa-sha1; d=corp.example; s=s1; h=from:subject; bh=" + bh + "; b=";
        byte[] unsigned = (field + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] value = DkimAlgorithm.RSA_SHA1.sign(key.privateKey(), sink -> SignedData.writeHeaders(parsed,
                List.of("from", "subject"), Canonicalization.SIMPLE, new HeaderField(unsigned), unsigned, sink));
        return field + Base64.getEncoder().encodeToString(value) + "\r\n" + message;
    }

    private static VerificationReport verify(String message, Map<String, String> records) {
        KeySource keys = name -> CompletableFuture.completedFuture(records.containsKey(name)
                ? KeyLookup.given(name, records.get(name))
                : new KeyLookup(name, org.mailwright.dns.Outcome.NXDOMAIN, List.of(), java.util.Optional.empty(), "nxdomain"));
        return new DkimVerifier(keys, clock(NOW), VerificationRules.standard())
                .verify(message.getBytes(StandardCharsets.UTF_8)).join();
    }

    private static SignatureResult only(VerificationReport report) {
        assertEquals(1, report.signatures().size());
        return report.signatures().get(0);
    }

    private static void assertResult(DkimResult result, Reason reason, VerificationReport report) {
        SignatureResult signature = only(report);
        assertEquals(result, signature.result());
        assertEquals(java.util.Optional.ofNullable(reason), signature.reason());
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
