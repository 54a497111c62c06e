package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.testsupport.Conformance;

/**
 * The Mail::DKIM verifier corpus (fastmail/mail-dkim t/corpus, expectations from t/verifier.t in
 * mail-dkim/expected-results.tsv), its FAKE_DNS.dat served by the test DNS server.
 *
 * <p>Mail::DKIM's results are read as follows: its {@code pass} is our pass; its {@code fail}
 * (the signature was checked and did not hold) is our fail for the body hash or the signature;
 * its {@code invalid} (the signature could not be checked) is any other result, including our
 * fail for a revoked key or an expired signature, which is decided before the cryptographic check.
 * The corpus predates RFC 8301 (its keys are 512 and 768 bits), so it runs with
 * {@link VerificationRules#legacy()}, which is what Mail::DKIM does without its Strict option.
 */
class MailDkimCorpusTest {

    /** verifier.t wraps these in SKIP blocks; their expected value is not what Mail::DKIM returns. */
    private static final List<String> SKIPPED_UPSTREAM = List.of(
            // "older-prestandard DKIM signatures": no bh=, the body hashed into the signature itself
            "good_ietf00_1.txt", "good_ietf00_2.txt", "good_ietf00_3.txt", "good_ietf00_4.txt", "good_ietf00_5.txt",
            // "missing q= tag on DomainKey signature accepted": good_dk_2.txt, also without q=, must pass
            "bad_dk_3.txt");

    private static TestDnsServer dns;
    private static ResolverService resolver;

    @BeforeAll
    static void serveFakeDns() throws IOException {
        DkimZones zones = new DkimZones();
        List<String> silent = new ArrayList<>();
        for (String line : Files.readAllLines(Conformance.path("dkim/mail-dkim/FAKE_DNS.dat"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            String name = parts[0];
            String value = parts[1];
            if (value.equals("~~Query timed out~~")) {
                silent.add(name);
                zones.zone(name.substring(name.indexOf('.') + 1));
            } else if (value.equals("~~SERVFAIL~~")) {
                // Served by no zone here, so the server refuses it: a DNS failure all the same.
                continue;
            } else if (value.equals("NXDOMAIN")) {
                zones.zone(name.substring(name.indexOf('.') + 1));
            } else {
                zones.txt(name, value.equals("\"\"") ? "" : value.strip());
            }
        }
        dns = TestDnsServer.start(zones.texts());
        silent.forEach(dns::silenceName);
        resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(300)).withRetries(0));
    }

    /** Also runs when serveFakeDns() skipped the class for want of the conformance data, before making either. */
    @AfterAll
    static void stop() {
        if (resolver != null) {
            resolver.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(Conformance.path("dkim/mail-dkim/expected-results.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .filter(row -> !SKIPPED_UPSTREAM.contains(row[0]))
                .map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void givesMailDkimsResult(String file, String expected) throws IOException {
        VerificationReport report = verify(file);
        assertEquals(expected, mailDkimResult(report), () -> describe(report));
    }

    @Test
    void multipleSignaturesAreJudgedOneByOne() throws IOException {
        // verifier.t: multiple_2.txt gives invalid, pass, fail for its three parseable signatures.
        List<SignatureResult> signatures = verify("multiple_2.txt").signatures();
        assertEquals(List.of("invalid", "pass", "fail", "invalid"),
                signatures.stream().map(MailDkimCorpusTest::mailDkimResult).toList());
        assertEquals(Reason.UNSUPPORTED_CANONICALIZATION, signatures.get(0).reason().orElseThrow());
        assertEquals(Reason.SIGNATURE, signatures.get(2).reason().orElseThrow());
    }

    @Test
    void dnsFailuresAreTemporaryErrors() throws IOException {
        for (String file : List.of("badkey_14.txt", "badkey_15.txt")) {
            SignatureResult only = verify(file).signatures().get(0);
            assertEquals(DkimResult.TEMPERROR, only.result(), file);
            assertEquals(Reason.DNS_ERROR, only.reason().orElseThrow(), file);
        }
    }

    @Test
    void todaysRulesRejectTheCorpusShortKeys() throws IOException {
        byte[] message = Files.readAllBytes(Conformance.path("dkim/mail-dkim/corpus/goodkey_1.txt"));
        DkimVerifier strict = new DkimVerifier(KeySource.dns(resolver, dns.target()), Clock.systemUTC(),
                VerificationRules.standard());
        SignatureResult only = strict.verify(message).join().signatures().get(0);
        assertEquals(DkimResult.FAIL, only.result());
        assertEquals(Reason.KEY_TOO_SHORT, only.reason().orElseThrow());
        assertEquals(List.of(512, 1024), only.reasonArguments());
    }

    private static VerificationReport verify(String file) throws IOException {
        byte[] message = Files.readAllBytes(Conformance.path("dkim/mail-dkim/corpus/" + file));
        DkimVerifier verifier = new DkimVerifier(KeySource.dns(resolver, dns.target()), Clock.systemUTC(),
                VerificationRules.legacy());
        return verifier.verify(message).join();
    }

    /** Mail::DKIM's overall result: the best of its signatures, pass, then fail, then invalid. */
    static String mailDkimResult(VerificationReport report) {
        if (report.unsigned()) {
            return "none";
        }
        List<String> each = report.signatures().stream().map(MailDkimCorpusTest::mailDkimResult).toList();
        return Stream.of("pass", "fail", "invalid").filter(each::contains).findFirst().orElseThrow();
    }

    static String mailDkimResult(SignatureResult signature) {
        if (signature.passed()) {
            return "pass";
        }
        boolean checkedAndWrong = signature.result() == DkimResult.FAIL
                && (signature.reason().orElseThrow() == Reason.BODY_HASH || signature.reason().orElseThrow() == Reason.SIGNATURE);
        return checkedAndWrong ? "fail" : "invalid";
    }

    private static String describe(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        for (SignatureResult s : report.signatures()) {
            text.append(s.kind()).append(' ').append(s.result()).append(' ')
                    .append(s.reason().map(Reason::id).orElse("")).append(' ').append(s.reasonArguments())
                    .append(' ').append(s.key().map(KeyLookup::records).orElse(List.of())).append('\n');
        }
        return text.toString();
    }
}
