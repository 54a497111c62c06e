package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;

/** The SMTP probe against a real SMTP server on loopback, with certificates made for each case. */
class SmtpProbeTest {

    private static final DomainName DOMAIN = DomainName.of("corp.test");
    private static final DomainName HOST = DomainName.of("mail.corp.test");
    private static final Instant NOW = Instant.now();
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

    private static SmtpPeer.Authority authority;

    private final TestDnsServer dns = TestDnsServer.start("""
            $ORIGIN corp.test.
            @     300 IN MX 10 mail
            mail  300 IN A  127.0.0.1
            """);
    private final ResolverService resolver = new ResolverService(
            ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));
    private SmtpPeer peer;

    @BeforeAll
    static void makeAuthority() {
        authority = SmtpPeer.Authority.create("Mailwright test authority");
    }

    @AfterEach
    void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        resolver.close();
        dns.close();
    }

    @Test
    void aHostOfferingStartTlsWithAValidCertificateIsOk() {
        peer = new SmtpPeer(Optional.of(authority.serverContext(YESTERDAY, NOW.plus(Duration.ofDays(90)), "mail.corp.test")));

        assertEquals(List.of(CheckFinding.SMTP_OK.of("mail.corp.test")), probe(peer.port()));
        assertEquals(List.of("EHLO [127.0.0.1]", "STARTTLS", "QUIT"), peer.commands());
        assertEquals(List.of("mail.corp.test"), peer.serverNames(), "the host's name is sent by SNI");
    }

    @Test
    void aWildcardCertificateCoversTheHost() {
        peer = new SmtpPeer(Optional.of(authority.serverContext(YESTERDAY, NOW.plus(Duration.ofDays(90)), "*.corp.test")));

        assertEquals(List.of(CheckFinding.SMTP_OK.of("mail.corp.test")), probe(peer.port()));
    }

    @Test
    void aHostWithoutStartTlsIsSaidSo() {
        peer = new SmtpPeer(Optional.empty());

        assertEquals(List.of(CheckFinding.SMTP_NO_STARTTLS.of("mail.corp.test")), probe(peer.port()));
        assertEquals(List.of("EHLO [127.0.0.1]", "QUIT"), peer.commands());
    }

    @Test
    void aCertificateForAnotherNameIsInvalidAndSaysWhichNames() {
        peer = new SmtpPeer(Optional.of(authority.serverContext(YESTERDAY, NOW.plus(Duration.ofDays(90)),
                "other.test", "www.other.test")));

        Finding finding = single(probe(peer.port()));

        assertEquals("smtp.certificate-invalid", finding.id());
        assertEquals("The certificate of mail.corp.test is not valid: it is issued for other.test, www.other.test, "
                + "not for this host.", finding.message(Locale.ENGLISH));
        assertEquals("El certificado de mail.corp.test no es válido: se emitió para other.test, www.other.test, "
                + "no para este servidor.", finding.message(Locale.forLanguageTag("es")));
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsInvalid() {
        SmtpPeer.Authority stranger = SmtpPeer.Authority.create("Someone else");
        peer = new SmtpPeer(Optional.of(stranger.serverContext(YESTERDAY, NOW.plus(Duration.ofDays(90)), "mail.corp.test")));

        Finding finding = single(probe(peer.port()));

        assertEquals("smtp.certificate-invalid", finding.id());
        assertEquals("The certificate of mail.corp.test is not valid: it is not issued by a certificate authority "
                + "trusted here, or its chain is incomplete.", finding.message(Locale.ENGLISH));
    }

    @Test
    void anExpiredCertificateIsInvalid() {
        peer = new SmtpPeer(Optional.of(authority.serverContext(NOW.minus(Duration.ofDays(90)), YESTERDAY,
                "mail.corp.test")));

        Finding finding = single(probe(peer.port()));

        assertEquals("smtp.certificate-invalid", finding.id());
        assertEquals("The certificate of mail.corp.test is not valid: it has expired.", finding.message(Locale.ENGLISH));
    }

    @Test
    void aCertificateEndingWithinTwoWeeksIsExpiring() {
        peer = new SmtpPeer(Optional.of(authority.serverContext(YESTERDAY, NOW.plus(Duration.ofDays(5).plusHours(1)),
                "mail.corp.test")));

        assertEquals(List.of(CheckFinding.SMTP_CERTIFICATE_EXPIRING.of("mail.corp.test", 5L)), probe(peer.port()));
    }

    @Test
    void aPortNobodyListensOnIsUnreachableAndTheWordsBlameTheNetworkFirst() {
        Finding finding = single(probe(closedPort()));

        assertEquals("smtp.unreachable", finding.id());
        assertEquals("Port 25 of mail.corp.test (127.0.0.1) could not be reached from here: the connection was refused, "
                + "or no route leads there.", finding.message(Locale.ENGLISH));
        assertTrue(finding.why(Locale.ENGLISH).contains("block outbound port 25"), finding.why(Locale.ENGLISH));
    }

    @Test
    void anAddressThatCannotBeReachedIsNotSaidWhenAnotherAddressOfTheHostWas() {
        SmtpProbe.Session reached = new SmtpProbe.Session(true, Optional.empty());
        SmtpProbe.Session refused = SmtpProbe.Session.unreachable(HOST, InetAddress.getLoopbackAddress(),
                Words.of("check.smtp.refused"));

        assertEquals(List.of(CheckFinding.SMTP_OK.of("mail.corp.test")), SmtpProbe.judge(HOST, List.of(refused, reached)));
        assertEquals(List.of(refused.problem().orElseThrow()), SmtpProbe.judge(HOST, List.of(refused)));
    }

    @Test
    void theHealthCheckRunsTheProbeOnlyWhenAskedTo() {
        CheckSettings settings = settings(closedPort());

        List<String> without = ids(new HealthCheck(resolver, dns.target(), settings.withSmtp(false), Clock.systemUTC())
                .check(DOMAIN).join().findings());
        List<Finding> with = new HealthCheck(resolver, dns.target(), settings, Clock.systemUTC())
                .check(DOMAIN).join().areas().get(CheckArea.TRANSPORT);

        assertFalse(without.stream().anyMatch(id -> id.startsWith("smtp.")), without.toString());
        assertTrue(ids(with).contains("smtp.unreachable"), with.toString());
    }

    @Test
    void repliesAreReadLineByLineWithinBounds() throws IOException {
        SmtpProbe.Reply reply = SmtpProbe.Reply.read(input("250-mail.corp.test\r\n250-STARTTLS\n250 SIZE 1000\r\n"));

        assertEquals(250, reply.code());
        assertEquals(List.of("mail.corp.test", "STARTTLS", "SIZE 1000"), reply.lines());
        assertThrows(IOException.class, () -> SmtpProbe.Reply.read(input("2x0 no code\r\n")));
        assertThrows(IOException.class, () -> SmtpProbe.Reply.read(input("250 " + "x".repeat(SmtpProbe.MAX_LINE) + "\r\n")));
        assertThrows(IOException.class, () -> SmtpProbe.Reply.read(input("250-more\r\n".repeat(SmtpProbe.MAX_REPLY_LINES + 1))));
        assertThrows(IOException.class, () -> SmtpProbe.Reply.read(input("250-cut short\r\n")));
    }

    @Test
    void aWildcardStandsForTheFirstLabelOnly() {
        assertTrue(SmtpProbe.certifies("MAIL.corp.test.", HOST));
        assertTrue(SmtpProbe.certifies("*.corp.test", HOST));
        assertFalse(SmtpProbe.certifies("*.test", DomainName.of("corp.test")));
        assertFalse(SmtpProbe.certifies("*.test", HOST));
        assertFalse(SmtpProbe.certifies("*.mail.corp.test", HOST));
        assertFalse(SmtpProbe.certifies("m*.corp.test", HOST));
    }

    private List<Finding> probe(int port) {
        CheckContext context = new CheckContext(DOMAIN, resolver.newCheck(), dns.target(), settings(port));
        return new SmtpProbe(Clock.systemUTC()).run(context).join();
    }

    private static CheckSettings settings(int port) {
        return CheckSettings.defaults().withSmtp(true).withSmtpPort(port).withBlocklists(List.of())
                .withTls(authority.clientContext());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Finding single(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
