package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.testdns.TestDnsServer;

/**
 * The MTA-STS area against a real HTTPS server on loopback, its certificates issued by an
 * authority made in the test, and the domain's DNS served by the test DNS server: the host of
 * the policy is found through Mailwright's resolver, never the machine's.
 */
class MtaStsProbeTest {

    private static final DomainName DOMAIN = DomainName.of("example.test");
    private static final String HOST = "mta-sts.example.test";
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final String RECORD = "_mta-sts 300 IN TXT \"v=STSv1; id=2026120601\"";
    private static final String POLICY = """
            version: STSv1\r
            mode: enforce\r
            mx: mx1.example.test\r
            mx: *.backup.example.test\r
            max_age: 604800\r
            """;
    private static final TestAuthority AUTHORITY = TestAuthority.create("Mailwright test authority");

    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withCache(false).withTimeout(Duration.ofMillis(500)).withRetries(0));
    private TestDnsServer dns;
    private PolicyServer https;

    @AfterEach
    void close() throws IOException {
        resolver.close();
        if (dns != null) {
            dns.close();
        }
        if (https != null) {
            https.close();
        }
    }

    private static String zone(String... records) {
        return """
                $ORIGIN example.test.
                @          300 IN MX 10 mx1
                @          300 IN MX 20 mx2.backup
                mx1        300 IN A  192.0.2.25
                mx2.backup 300 IN A  192.0.2.26
                mta-sts    300 IN A  127.0.0.1
                """ + String.join("\n", records) + "\n";
    }

    /** Serves {@code zone} and {@code response} (with a certificate for the policy host), and runs the probe. */
    private List<Finding> check(String zone, byte[] response) {
        return check(zone, AUTHORITY.server(HOST), response);
    }

    private List<Finding> check(String zone, SSLContext serverTls, byte[] response) {
        dns = TestDnsServer.start(zone);
        https = PolicyServer.start(serverTls, response);
        return probe(https.port());
    }

    private List<Finding> probe(int port) {
        CheckSettings settings = CheckSettings.defaults().withHttpsPort(port).withTls(AUTHORITY.client());
        return new MtaStsProbe().run(new CheckContext(DOMAIN, resolver, dns.target(), settings)).join();
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private String url() {
        return "https://" + HOST + ":" + https.port() + "/.well-known/mta-sts.txt";
    }

    @Test
    void aGoodEnforcePolicyIsAPassAndNothingElse() {
        List<Finding> findings = check(zone(RECORD), PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.ok"), ids(findings));
        assertEquals("MTA-STS is published in enforce mode and covers every mail host (mx1.example.test, "
                + "mx2.backup.example.test).", findings.get(0).message(Locale.ENGLISH));
        String request = https.requests().get(0);
        assertTrue(request.startsWith("GET /.well-known/mta-sts.txt HTTP/1.1\r\n"), request);
        assertTrue(request.contains("\r\nHost: " + HOST + ":" + https.port() + "\r\n"), request);
        assertTrue(request.contains("\r\nConnection: close\r\n"), request);
        assertEquals(List.of(List.of(new SNIHostName(HOST))), https.serverNames(), "the host name is sent as SNI");
        assertTrue(dns.questionsReceived().stream().anyMatch(name -> name.equalsIgnoreCase(HOST)),
                "the policy host is looked up through Mailwright's resolver: " + dns.questionsReceived());
    }

    @Test
    void theHealthCheckRunsItInTheTransportArea() {
        dns = TestDnsServer.start(zone(RECORD));
        https = PolicyServer.start(AUTHORITY.server(HOST), PolicyServer.ok(POLICY));
        CheckSettings settings = CheckSettings.defaults().withHttpsPort(https.port()).withTls(AUTHORITY.client())
                .withBlocklists(List.of());

        HealthReport report = new HealthCheck(resolver.fresh(), dns.target(), settings, Clock.systemUTC()).check(DOMAIN).join();

        List<Finding> transport = report.areas().get(CheckArea.TRANSPORT);
        assertTrue(ids(transport).contains("mtasts.ok"), transport.toString());
        assertTrue(transport.stream().filter(finding -> finding.area().equals("mtasts"))
                .allMatch(finding -> finding.severity() == Severity.PASS), transport.toString());
    }

    @Test
    void aMailHostThePatternsDoNotNameIsNotCovered() {
        String policy = POLICY.replace("mx: *.backup.example.test\r\n", "mx: *.example.test\r\n");

        List<Finding> findings = check(zone(RECORD), PolicyServer.ok(policy));

        // *.example.test stands for exactly one more label: mx2.backup.example.test has two.
        assertEquals(List.of("mtasts.mx-not-covered"), ids(findings));
        assertEquals("The mail host mx2.backup.example.test is not matched by the policy's mx patterns "
                + "(mx1.example.test, *.example.test).", findings.get(0).message(Locale.ENGLISH));
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void aRedirectIsNotFollowed() {
        byte[] redirect = ("HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.example.test/mta-sts.txt\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        List<Finding> findings = check(zone(RECORD), redirect);

        assertEquals(List.of("mtasts.policy-unreachable"), ids(findings));
        assertEquals("The MTA-STS policy at " + url() + " could not be fetched: the server redirects (HTTP 301) to "
                + "https://www.example.test/mta-sts.txt, and senders do not follow redirects.",
                findings.get(0).message(Locale.ENGLISH));
        assertEquals(1, https.requests().size(), "the redirect's target is not asked");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        List<Finding> findings = check(zone(RECORD), AUTHORITY.server("www.example.test"), PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.policy-unreachable"), ids(findings));
        assertEquals("The MTA-STS policy at " + url() + " could not be fetched: the server's certificate is not valid "
                + "for mta-sts.example.test.", findings.get(0).message(Locale.ENGLISH));
        assertEquals("No se pudo descargar la política MTA-STS de " + url() + ": el certificado del servidor no es "
                + "válido para mta-sts.example.test.", findings.get(0).message(SPANISH));
        assertTrue(https.requests().isEmpty(), "nothing is asked of a server that is not the policy host");
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefused() {
        TestAuthority stranger = TestAuthority.create("Someone else");

        List<Finding> findings = check(zone(RECORD), stranger.server(HOST), PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.policy-unreachable"), ids(findings));
        assertTrue(findings.get(0).message(Locale.ENGLISH).endsWith(
                "the certificate of mta-sts.example.test is not signed by a trusted certificate authority."),
                findings.get(0).message(Locale.ENGLISH));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Instant now = Instant.now();
        SSLContext expired = AUTHORITY.server(HOST, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));

        List<Finding> findings = check(zone(RECORD), expired, PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.policy-unreachable"), ids(findings));
        assertTrue(findings.get(0).message(Locale.ENGLISH).endsWith(
                "the certificate of mta-sts.example.test has expired or is not valid yet."),
                findings.get(0).message(Locale.ENGLISH));
    }

    @Test
    void noRecordIsNoPolicyAndNothingIsFetched() {
        List<Finding> findings = check(zone("@ 300 IN TXT \"v=spf1 -all\""), PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.missing"), ids(findings));
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(https.requests().isEmpty());
    }

    @Test
    void anIdOfOtherThanLettersAndDigitsIsInvalid() {
        List<Finding> findings = check(zone("_mta-sts 300 IN TXT \"v=STSv1; id=2026-12-06\""), PolicyServer.ok(POLICY));

        assertEquals(List.of("mtasts.record-invalid"), ids(findings));
        assertEquals("The MTA-STS record at _mta-sts.example.test is not valid: the id 2026-12-06 is not 1 to 32 letters "
                + "and digits.", findings.get(0).message(Locale.ENGLISH));
        assertEquals("El registro MTA-STS de _mta-sts.example.test no es válido: el id 2026-12-06 no consta de 1 a 32 "
                + "letras y cifras.", findings.get(0).message(SPANISH));
        assertTrue(https.requests().isEmpty());
    }

    @Test
    void aRecordWithoutIdOrTwoRecordsAreInvalid() {
        List<Finding> noId = check(zone("_mta-sts 300 IN TXT \"v=STSv1;\""), PolicyServer.ok(POLICY));
        assertEquals(List.of("mtasts.record-invalid"), ids(noId));
        assertTrue(noId.get(0).message(Locale.ENGLISH).endsWith("the id tag is missing."), noId.get(0).message(Locale.ENGLISH));
        dns.replaceZones(zone(RECORD, "_mta-sts 300 IN TXT \"v=STSv1; id=2\"", "_mta-sts 300 IN TXT \"v=spf1 -all\""));

        List<Finding> two = probe(https.port());

        assertEquals(List.of("mtasts.record-invalid"), ids(two));
        assertTrue(two.get(0).message(Locale.ENGLISH).endsWith("2 records where one is allowed."), two.get(0).message(Locale.ENGLISH));
    }

    @Test
    void aTestingPolicyKeptLessThanADayIsSaidTwice() {
        String policy = "version: STSv1\nmode: testing\nmx: mx1.example.test\nmx: mx2.backup.example.test\nmax_age: 3600\n";

        List<Finding> findings = check(zone(RECORD), PolicyServer.ok(policy));

        assertEquals(List.of("mtasts.testing", "mtasts.short-max-age"), ids(findings));
        assertEquals("The MTA-STS policy's max_age is 3600 seconds, less than a day.", findings.get(1).message(Locale.ENGLISH));
    }

    @Test
    void aWithdrawnPolicyIsSaidAsSuch() {
        List<Finding> findings = check(zone(RECORD), PolicyServer.ok("version: STSv1\nmode: none\nmax_age: 60\n"));

        assertEquals(List.of("mtasts.testing"), ids(findings));
        assertEquals("The MTA-STS policy is in none mode.", findings.get(0).message(Locale.ENGLISH));
    }

    @Test
    void aPolicyServedAsHtmlOrUnreadableIsInvalid() {
        List<Finding> html = check(zone(RECORD), PolicyServer.ok("text/html", POLICY));
        assertEquals(List.of("mtasts.policy-invalid"), ids(html));
        assertTrue(html.get(0).message(Locale.ENGLISH).endsWith("it is served as text/html, not text/plain."),
                html.get(0).message(Locale.ENGLISH));
        https.respond(PolicyServer.ok(POLICY + "version: STSv1\n"));

        List<Finding> twice = probe(https.port());

        assertEquals(List.of("mtasts.policy-invalid"), ids(twice));
        assertEquals("La política MTA-STS de " + url() + " no es válida: el campo version aparece dos veces.",
                twice.get(0).message(SPANISH));
    }

    @Test
    void aPolicyHostWithoutAddressOrThatRefusesIsUnreachable() throws IOException {
        List<Finding> noAddress = check(zone(RECORD).replace("mta-sts    300 IN A  127.0.0.1", ""), PolicyServer.ok(POLICY));
        assertEquals(List.of("mtasts.policy-unreachable"), ids(noAddress));
        assertTrue(noAddress.get(0).message(Locale.ENGLISH).endsWith(
                "mta-sts.example.test has no address (no A or AAAA record)."), noAddress.get(0).message(Locale.ENGLISH));
        dns.replaceZones(zone(RECORD));
        int closedPort;
        try (ServerSocket nothing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nothing.getLocalPort();
        }

        List<Finding> refused = probe(closedPort);

        assertEquals(List.of("mtasts.policy-unreachable"), ids(refused));
        assertTrue(refused.get(0).message(Locale.ENGLISH).endsWith(
                "mta-sts.example.test (127.0.0.1) refused the connection on port " + closedPort + "."),
                refused.get(0).message(Locale.ENGLISH));
    }

    @Test
    void aFailedRecordLookupLeavesTheAreaIncomplete() {
        dns = TestDnsServer.start(zone(RECORD));
        https = PolicyServer.start(AUTHORITY.server(HOST), PolicyServer.ok(POLICY));
        dns.failName("_mta-sts.example.test");

        assertEquals(List.of("check.incomplete"), ids(probe(https.port())));
    }

    @Test
    void aFailedLookupOfThePolicyHostLeavesTheAreaIncomplete() {
        dns = TestDnsServer.start(zone(RECORD));
        https = PolicyServer.start(AUTHORITY.server(HOST), PolicyServer.ok(POLICY));
        dns.failName(HOST);

        List<Finding> findings = probe(https.port());

        assertEquals(List.of("check.incomplete"), ids(findings));
        assertEquals("The Transport security check did not finish: server failure.", findings.get(0).message(Locale.ENGLISH));
        assertTrue(https.requests().isEmpty());
    }
}
