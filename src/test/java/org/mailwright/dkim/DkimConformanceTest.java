package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.testsupport.Conformance;

/**
 * The other DKIM conformance data in ../shared/conformance/dkim: the RFC 6376 and RFC 8463
 * examples, dkimpy's test data (used as its test_dkim.py and test_dkim_ed25519.py use it) and
 * stalwartlabs mail-auth's signed messages (verified as its dkim_verify test does: at Unix time
 * 1667843664, LF read as CRLF, the last signature must pass). Key records are served by the
 * test DNS server.
 */
class DkimConformanceTest {

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false));
    private TestDnsServer dns;

    @AfterEach
    void stop() {
        resolver.close();
        if (dns != null) {
            dns.close();
        }
    }

    // ---- RFC 8463 and RFC 6376 ----

    @Test
    void rfc8463AppendixAVerifiesForBothSignatures() throws IOException {
        serve(records(Conformance.path("dkim/rfc8463/a2-dns-records.txt")));
        VerificationReport report = verify(read("dkim/rfc8463/a3-signed-message.eml"));

        assertEquals(List.of(DkimResult.PASS, DkimResult.PASS), results(report));
        assertEquals(List.of("ed25519-sha256", "rsa-sha256"), report.signatures().stream().map(SignatureResult::algorithm).toList());
        assertEquals(Instant.ofEpochSecond(1528637909), report.signatures().get(0).signedAt().orElseThrow());
    }

    @Test
    void rfc8463AppendixAFailsOnceTheBodyChanges() throws IOException {
        serve(records(Conformance.path("dkim/rfc8463/a2-dns-records.txt")));
        String message = new String(read("dkim/rfc8463/a3-signed-message.eml"), StandardCharsets.US_ASCII);
        VerificationReport report = verify(message.replace("We lost the game.", "We won the game.").getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of(DkimResult.FAIL, DkimResult.FAIL), results(report));
        assertTrue(report.signatures().stream().allMatch(s -> s.reason().orElseThrow() == Reason.BODY_HASH));
    }

    @Test
    void rfc8463AppendixAKeysSignAsTheRfcShows() throws Exception {
        // The RFC's secret keys, read as Mailwright reads key files, match its published records.
        DkimKey ed25519 = KeyFiles.parse(Files.readString(Conformance.path("dkim/rfc8463/a1-ed25519-secret-seed.b64")), null);
        DkimKey rsa = KeyFiles.read(Conformance.path("dkim/rfc8463/a1-rsa-secret-key.pem"), null);
        List<String> published = records(Conformance.path("dkim/rfc8463/a2-dns-records.txt")).stream()
                .map(line -> line.split("\t")[1]).toList();

        assertEquals(DkimKeyRecord.parse(published.get(0)).publicKey(), ed25519.record().publicKey());
        assertEquals(DkimKeyRecord.parse(published.get(1)).publicKey(), rsa.record().publicKey());
    }

    @Test
    void rfc6376AppendixA2VerifiesWithTheAppendixCKey() throws Exception {
        String pem = Files.readString(Conformance.path("dkim/rfc6376/rfc6376-appendix-c-public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        serve(List.of("brisbane._domainkey.example.com\t" + DkimKeyRecord.of(key).value()));

        VerificationReport report = verify(read("dkim/rfc6376/rfc6376-appendix-a2-signed.eml"));

        assertEquals(List.of(DkimResult.PASS), results(report));
        assertEquals("joe@football.example.com", report.signatures().get(0).identity());
    }

    // ---- dkimpy ----

    @Test
    void dkimpyPrePublicationRfc8463MessageVerifiesForBothSignatures() throws IOException {
        // test_dkim.py test_rfc8032_verifies: LF line ends, both signatures with the RFC 8463 keys.
        serve(List.of(
                "brisbane._domainkey.football.example.com\tv=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
                "test._domainkey.football.example.com\t" + text("dkim/dkimpy/test.txt")));

        assertEquals(List.of(DkimResult.PASS, DkimResult.PASS), results(verify(read("dkim/dkimpy/rfc6376.signed.msg"))));
    }

    @ParameterizedTest
    @MethodSource("canonicalizations")
    void dkimpyMessageSignedByMailwrightVerifiesWithDkimpysRecords(Canonicalization header, Canonicalization body)
            throws Exception {
        // test_verifies and test_implicit_k: test.private signs, test.txt or test2.txt (no k=) verify.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/test.private"), null);
        byte[] signed = sign(key, "test._domainkey.example.com", read("dkim/dkimpy/test.message"),
                SigningOptions.defaults().withCanonicalization(header, body));

        for (String record : List.of("test.txt", "test2.txt")) {
            serve(List.of("test._domainkey.example.com\t" + text("dkim/dkimpy/" + record)));
            assertEquals(List.of(DkimResult.PASS), results(verify(signed)), record);
            dns.close();
        }
        dns = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"badversion.txt", "badk.txt", "test_bad.txt", "test_tlsrpt.txt"})
    void dkimpyBrokenRecordsDoNotVerify(String record) throws Exception {
        // test_badversion, test_unknown_k, test_catch_bad_key, test_ignores_tlsrptsvc.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/test.private"), null);
        byte[] signed = sign(key, "test._domainkey.example.com", read("dkim/dkimpy/test.message"), SigningOptions.defaults());
        serve(List.of("test._domainkey.example.com\t" + text("dkim/dkimpy/" + record)));

        SignatureResult only = verify(signed).signatures().get(0);

        assertEquals(DkimResult.PERMERROR, only.result(), record);
        Reason expected = switch (record) {
            case "badversion.txt" -> Reason.KEY_VERSION;
            case "badk.txt" -> Reason.KEY_TYPE_UNSUPPORTED;
            case "test_bad.txt" -> Reason.KEY_DATA;
            default -> Reason.KEY_NOT_FOR_EMAIL;
        };
        assertEquals(expected, only.reason().orElseThrow(), record);
    }

    @Test
    void dkimpyDegenerateFoldingVerifies() throws IOException {
        // test_degenerate_folding; the key is the one test_dkim.py serves for 20120113._domainkey.gmail.com.
        serve(List.of("20120113._domainkey.gmail.com\tk=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1Kd87/UeJjenpabgbFwh"
                + "+eBCsSTrqmwIYYvywlbhbqoo2DymndFkbjOVIPIldNs/m40KF+yzMn1skyoxcTUGCQs8g3FgD2Ap3ZB5DekAo5wMmk4wimDO+U8QzI3SD07y2"
                + "+07wlNWwIt8svnxgdxGkVbbhzY8i+RQ9DpSVpPbF7ykQxtKXkv/ahW3KjViiAH+ghvvIhkx4xYSIc9oSwVmAl5OctMEeWUwg8Istjqz8BZeTWbf"
                + "41fbNhte7Y+YqZOwq1Sd0DbvYAD9NOZK9vlfuac0598HY+vtSBczUiKERHv1yRbcaQtZFh5wtiRrN04BLUTD21MycBX5jYchHjPY/wIDAQAB"));

        assertEquals(List.of(DkimResult.PASS), results(verify(read("dkim/dkimpy/test2.message"))));
    }

    @ParameterizedTest
    @MethodSource("canonicalizations")
    void dkimpyEd25519KeySignsAndVerifies(Canonicalization header, Canonicalization body) throws Exception {
        // test_dkim_ed25519.py test_verifies: the raw seed signs, ed25519test.dns verifies.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/ed25519test.key"), null);
        serve(List.of("test._domainkey.example.com\tv=DKIM1; " + text("dkim/dkimpy/ed25519test.dns")));
        byte[] signed = sign(key, "test._domainkey.example.com", read("dkim/dkimpy/ed25519test.msg"),
                SigningOptions.defaults().withCanonicalization(header, body));

        assertEquals(List.of(DkimResult.PASS), results(verify(signed)));
    }

    @Test
    void dkimpyEximSignedEd25519MessageVerifies() throws IOException {
        // test_verify_third_party: signed by Exim's prototype, key in eximtest.dns.
        serve(List.of("sed._domainkey.test.ex\t" + text("dkim/dkimpy/eximtest.dns")));

        assertEquals(List.of(DkimResult.PASS), results(verify(read("dkim/dkimpy/ed25519test2.msg"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message.mbox", "test_extra.message", "test.message"})
    void dkimpyMessagesSignedWithEveryFieldVerify(String file) throws Exception {
        // test_extra_headers: every field signed, Received (repeated) included.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/test.private"), null);
        byte[] message = read("dkim/dkimpy/" + file);
        List<String> every = MailMessage.parse(message).headers().stream().map(HeaderField::name).toList();
        byte[] signed = sign(key, "test._domainkey.example.com", message,
                SigningOptions.defaults().withHeaders(every, SigningOptions.DEFAULT_OVERSIGNED));
        serve(List.of("test._domainkey.example.com\t" + text("dkim/dkimpy/test.txt")));

        // Ours is the top signature; message.mbox also carries the original sender's.
        assertEquals(DkimResult.PASS, results(verify(signed)).get(0));
    }

    @Test
    void dkimpyAddedFromFieldsBreakTheSignature() throws Exception {
        // test_multiple_from_fails: another From above or below breaks it; another X-Foo does not.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/test.private"), null);
        String signed = new String(sign(key, "test._domainkey.example.com", read("dkim/dkimpy/test.message"),
                SigningOptions.defaults()), StandardCharsets.US_ASCII);
        serve(List.of("test._domainkey.example.com\t" + text("dkim/dkimpy/test.txt")));
        String from = "From: \"Resident Evil\" <sales@spammer.com>\r\n";
        int bodyStart = signed.indexOf("\r\n\r\n") + 2;

        Function<String, DkimResult> check = text -> verify(text.getBytes(StandardCharsets.US_ASCII)).signatures().get(0).result();
        assertEquals(DkimResult.PASS, check.apply(signed.substring(0, bodyStart) + "X-Foo: bar\r\n" + signed.substring(bodyStart)));
        assertEquals(DkimResult.FAIL, check.apply(signed.substring(0, bodyStart) + from + signed.substring(bodyStart)));
        assertEquals(DkimResult.FAIL, check.apply(from + signed));
    }

    @Test
    void dkimpyMessageWithoutFromCannotBeSigned() throws Exception {
        // test_no_from_fails.
        DkimKey key = KeyFiles.read(Conformance.path("dkim/dkimpy/test.private"), null);
        byte[] message = read("dkim/dkimpy/test_nofrom.message");

        assertThrows(IllegalArgumentException.class,
                () -> sign(key, "test._domainkey.example.com", message, SigningOptions.defaults()));
    }

    // ---- stalwartlabs mail-auth ----

    @ParameterizedTest
    @ValueSource(strings = {"001.txt", "002.txt", "003.txt", "004.txt", "005.txt", "006.txt"})
    void mailAuthMessagesVerify(String file) throws IOException {
        String test = Files.readString(Conformance.path("dkim/mail-auth/" + file), StandardCharsets.UTF_8);
        int split = test.indexOf("\n\n");
        List<String> lines = test.substring(0, split).lines().map(line -> line.replaceFirst(" ", "\t")).toList();
        serve(lines);
        byte[] message = test.substring(split + 2).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        DkimVerifier verifier = new DkimVerifier(KeySource.dns(resolver, dns.target()),
                Clock.fixed(Instant.ofEpochSecond(1667843664), ZoneOffset.UTC), VerificationRules.standard());

        List<SignatureResult> signatures = verifier.verify(message).join().signatures();

        assertFalse(signatures.isEmpty());
        assertEquals(DkimResult.PASS, signatures.get(signatures.size() - 1).result(),
                () -> signatures.get(signatures.size() - 1).reasonText(java.util.Locale.ENGLISH));
    }

    // ---- helpers ----

    static Stream<org.junit.jupiter.params.provider.Arguments> canonicalizations() {
        return Stream.of(Canonicalization.values()).flatMap(h -> Stream.of(Canonicalization.values())
                .map(b -> org.junit.jupiter.params.provider.Arguments.of(h, b)));
    }

    private static byte[] sign(DkimKey key, String keyName, byte[] message, SigningOptions options) {
        String selector = keyName.substring(0, keyName.indexOf("._domainkey."));
        String domain = keyName.substring(keyName.indexOf("._domainkey.") + "._domainkey.".length());
        return new DkimSigner(key, domain, selector, options, Clock.systemUTC()).sign(message);
    }

    /** Serves "name TAB value" lines (comments skipped) from the test DNS server. */
    private void serve(List<String> lines) {
        DkimZones zones = new DkimZones();
        lines.stream().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            String[] parts = line.split("\t", 2);
            zones.txt(parts[0].strip(), parts[1].strip());
        });
        dns = TestDnsServer.start(zones.texts());
    }

    private VerificationReport verify(byte[] message) {
        return new DkimVerifier(KeySource.dns(resolver, dns.target()), Clock.systemUTC(), VerificationRules.standard())
                .verify(message).join();
    }

    private static List<DkimResult> results(VerificationReport report) {
        return report.signatures().stream().map(SignatureResult::result).toList();
    }

    private static List<String> records(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }

    private static byte[] read(String relative) throws IOException {
        return Files.readAllBytes(Conformance.path(relative));
    }

    private static String text(String relative) throws IOException {
        return Files.readString(Conformance.path(relative), StandardCharsets.US_ASCII).strip();
    }
}
