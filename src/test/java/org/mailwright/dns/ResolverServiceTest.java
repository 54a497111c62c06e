package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailwright.testdns.TestDnsServer;

/** The resolver service against the in-process test server: every outcome and every record type. */
class ResolverServiceTest {

    static final String EXAMPLE = """
            $ORIGIN example.test.
            $TTL 300
            @              IN SOA   ns1 hostmaster 2026010101 3600 600 86400 120
            @              IN NS    ns1
            @              IN MX    10 mail
            @              IN TXT   "v=spf1 mx -all"
            @              IN CAA   0 issue "ca.example.net"
            ns1            IN A     192.0.2.53
            mail           IN A     192.0.2.25
            mail           IN AAAA  2001:db8::25
            _25._tcp.mail  IN TLSA  3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
            sel._domainkey IN TXT   "v=DKIM1; k=rsa; " "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A" "MIIBCgKCAQEAwIDAQAB"
            www         60 IN A     192.0.2.10
            alias      200 IN CNAME alias2
            alias2     100 IN CNAME www
            dangling       IN CNAME gone
            """;

    static final String REVERSE = """
            $ORIGIN 2.0.192.in-addr.arpa.
            25 300 IN PTR mail.example.test.
            """;

    private static final Duration SHORT = Duration.ofMillis(200);

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false));

    @AfterEach
    void closeResolver() {
        resolver.close();
    }

    // ---- outcomes ----

    @Test
    void okAnswerCarriesRecordsTtlAndServer() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("WWW.Example.Test.", RecordType.A, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome());
            assertEquals("www.example.test", result.name());
            assertEquals(List.of("192.0.2.10"), result.values());
            assertEquals(60, result.ttl());
            assertEquals(dns.address().toString(), result.server());
            assertEquals(false, result.cached());
            assertExplains(result, "answered with one A record", "respondió con un registro A");
        }
    }

    @Test
    void nxdomainForAMissingNameWithTheSoaNegativeTtl() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("missing.example.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.NXDOMAIN, result.outcome());
            assertTrue(result.records().isEmpty());
            assertEquals(120, result.ttl());
            assertExplains(result, "missing.example.test does not exist", "missing.example.test no existe");
        }
    }

    @Test
    void nodataForAnExistingNameWithoutThatType() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("www.example.test", RecordType.MX, dns.target()).join();

            assertEquals(Outcome.NODATA, result.outcome());
            assertEquals(120, result.ttl());
            assertExplains(result, "exists but has no MX record", "no tiene ningún registro MX");
        }
    }

    @Test
    void servfailIsItsOwnOutcome() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);

            LookupResult result = resolver.lookup("www.example.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.SERVFAIL, result.outcome());
            assertEquals(LookupResult.NO_TTL, result.ttl());
            assertExplains(result, "could not answer", "no pudo responder");
        }
    }

    @Test
    void refusedIsItsOwnOutcome() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("example.org", RecordType.A, dns.target()).join();

            assertEquals(Outcome.REFUSED, result.outcome());
            assertExplains(result, "refused to answer", "se negó a responder");
        }
    }

    @Test
    void silentServerTimesOutAfterEveryRetry() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE);
             ResolverService impatient = new ResolverService(new ResolverOptions(SHORT, 2, false))) {
            dns.setBehaviour(TestDnsServer.Behaviour.SILENT);

            LookupResult result = impatient.lookup("www.example.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.TIMEOUT, result.outcome());
            assertEquals(3, dns.udpQueries());
            assertEquals("no answer within 200 ms (3 attempts)", result.detail());
            // Each attempt waits the timeout it was given, not dnsjava's one-second timer tick.
            assertTrue(result.elapsed().compareTo(SHORT.multipliedBy(3)) >= 0, result.elapsed().toString());
            assertTrue(result.elapsed().compareTo(Duration.ofMillis(1500)) < 0, result.elapsed().toString());
            assertExplains(result, "No answer from " + dns.address(), "Sin respuesta de " + dns.address());
        }
    }

    @Test
    void aPortWhereNothingListensIsATimeoutThatSaysSo() throws IOException {
        ServerAddress nobody = new ServerAddress("127.0.0.1", freeUdpPort());
        try (ResolverService impatient = new ResolverService(new ResolverOptions(SHORT, 0, false))) {
            LookupResult result = impatient.lookup("www.example.test", RecordType.A,
                    ResolverTarget.servers(List.of(nobody))).join();

            assertEquals(Outcome.TIMEOUT, result.outcome());
            assertEquals("nothing listens on that port (connection refused)", result.detail());
            assertEquals(nobody.toString(), result.server());
        }
    }

    @Test
    void aServerAnsweringWithAnUnexpectedRcodeIsAnError() throws IOException {
        try (FakeServer notImplemented = new FakeServer(ResolverServiceTest::notImplemented)) {
            LookupResult result = resolver.lookup("www.example.test", RecordType.A, notImplemented.target()).join();

            assertEquals(Outcome.ERROR, result.outcome());
            assertEquals("the server answered NOTIMP", result.detail());
            assertExplains(result, "failed: the server answered NOTIMP", "falló");
        }
    }

    @Test
    void aMalformedAnswerIsItsOwnOutcomeOnceNoBetterReplyCame() throws IOException {
        try (FakeServer garbling = new FakeServer(ResolverServiceTest::claimsAnAnswerItDoesNotHold);
             ResolverService impatient = new ResolverService(new ResolverOptions(SHORT, 0, false))) {
            LookupResult result = impatient.lookup("www.example.test", RecordType.A, garbling.target()).join();

            assertEquals(Outcome.MALFORMED, result.outcome());
            assertTrue(result.detail().startsWith("the answer was malformed"), result.detail());
            assertExplains(result, "sent back something unreadable", "devolvió algo ilegible");
        }
    }

    @Test
    void everyOutcomeIsExplainedInEnglishAndSpanish() {
        for (Outcome outcome : Outcome.values()) {
            LookupResult result = new LookupResult("example.test", RecordType.TXT, outcome, List.of(), List.of(),
                    LookupResult.NO_TTL, "192.0.2.53:53", Detail.of("rcode", "NOTIMP"), false, Duration.ZERO);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                String words = result.explain(locale);
                assertTrue(words.contains("example.test") && !words.startsWith("["), locale + " " + outcome + ": " + words);
            }
            assertTrue(!result.explain(Locale.ENGLISH).equals(result.explain(Locale.forLanguageTag("es"))), outcome.name());
        }
    }

    @Test
    void failureDetailsAreSaidInTheAskedLanguageWhateverTheMachineDefault() {
        LookupResult silent = new LookupResult("example.test", RecordType.TXT, Outcome.TIMEOUT, List.of(), List.of(),
                LookupResult.NO_TTL, "192.0.2.53:53", Detail.of("no-answer", 2000L, 2), false, Duration.ZERO);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            assertTrue(silent.explain(Locale.ENGLISH).contains("no answer within 2000 ms (2 attempts)"), silent.explain(Locale.ENGLISH));
            assertTrue(silent.explain(Locale.forLanguageTag("es")).contains("sin respuesta en 2000 ms (2 intentos)"),
                    silent.explain(Locale.forLanguageTag("es")));
            assertEquals("no answer within 2000 ms (2 attempts)", silent.detail());
        } finally {
            Locale.setDefault(before);
        }
    }

    // ---- record data ----

    @Test
    void txtKeepsItsCharacterStringsAndJoinsThem() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("sel._domainkey.example.test", RecordType.TXT, dns.target()).join();

            DnsRecord record = result.records().get(0);
            assertEquals(List.of("v=DKIM1; k=rsa; ", "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A", "MIIBCgKCAQEAwIDAQAB"),
                    record.strings());
            assertEquals("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwIDAQAB", record.value());
            assertEquals(List.of(record.value()), result.values());
        }
    }

    static Stream<Arguments> everyType() {
        return Stream.of(
                Arguments.of(RecordType.A, "mail.example.test", "192.0.2.25"),
                Arguments.of(RecordType.AAAA, "mail.example.test", "2001:db8::25"),
                Arguments.of(RecordType.MX, "example.test", "10 mail.example.test."),
                Arguments.of(RecordType.TXT, "example.test", "v=spf1 mx -all"),
                Arguments.of(RecordType.CNAME, "alias.example.test", "alias2.example.test."),
                Arguments.of(RecordType.NS, "example.test", "ns1.example.test."),
                Arguments.of(RecordType.SOA, "example.test",
                        "ns1.example.test. hostmaster.example.test. 2026010101 3600 600 86400 120"),
                Arguments.of(RecordType.PTR, "25.2.0.192.in-addr.arpa", "mail.example.test."),
                Arguments.of(RecordType.CAA, "example.test", "0 issue \"ca.example.net\""),
                Arguments.of(RecordType.TLSA, "_25._tcp.mail.example.test",
                        "3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"));
    }

    @Test
    void everyRecordTypeIsCovered() {
        Set<RecordType> covered = everyType().map(arguments -> (RecordType) arguments.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));

        assertEquals(EnumSet.allOf(RecordType.class), covered);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyType")
    void everyTypeAnswersInPresentationForm(RecordType type, String name, String expected) {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE, REVERSE)) {
            LookupResult result = resolver.lookup(name, type, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals(List.of(expected), result.values());
            assertEquals(type, result.records().get(0).type());
        }
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "2001:DB8:0:0:0:0:0:25, 2001:db8::25",
            "0:0:0:0:0:0:0:1,       ::1",
            "2001:db8:0:0:1:0:0:0,  2001:db8:0:0:1::",
            "2001:db8:0:0:1:0:0:1,  2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1,  2001:db8:0:1:1:1:1:1",
            "::ffff:192.0.2.1,      ::ffff:192.0.2.1"})
    void ipv6AddressesAreWrittenTheWayAdminsReadThem(String published, String expected) {
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN v6.test.\n@ 60 IN AAAA " + published + "\n")) {
            LookupResult result = resolver.lookup("v6.test", RecordType.AAAA, dns.target()).join();

            assertEquals(List.of(expected), result.values());
        }
    }

    @Test
    void cnameChainGivesTheRecordsTheAliasesAndTheSmallestTtl() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("alias.example.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome());
            assertEquals(List.of("192.0.2.10"), result.values());
            assertEquals(List.of("alias.example.test", "alias2.example.test"),
                    result.aliases().stream().map(DnsRecord::name).toList());
            assertEquals(List.of("alias2.example.test.", "www.example.test."),
                    result.aliases().stream().map(DnsRecord::value).toList());
            assertEquals(60, result.ttl());
        }
    }

    @Test
    void aDanglingCnameIsNxdomainAndKeepsTheAlias() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            LookupResult result = resolver.lookup("dangling.example.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.NXDOMAIN, result.outcome());
            assertEquals(List.of("gone.example.test."), result.aliases().stream().map(DnsRecord::value).toList());
        }
    }

    // ---- transports and servers ----

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);

            LookupResult result = resolver.lookup("example.test", RecordType.MX, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome());
            assertEquals(List.of("10 mail.example.test."), result.values());
            assertTrue(dns.tcpQueries() > 0);
        }
    }

    @Test
    void anAnswerTooLargeForUdpArrivesWholeOverTcp() {
        StringBuilder zone = new StringBuilder("$ORIGIN big.test.\n");
        for (int i = 0; i < 12; i++) {
            zone.append("@ 60 IN TXT \"").append(i).append("=").append("x".repeat(200)).append("\"\n");
        }
        try (TestDnsServer dns = TestDnsServer.start(zone.toString())) {
            LookupResult result = resolver.lookup("big.test", RecordType.TXT, dns.target()).join();

            assertEquals(12, result.records().size());
            assertTrue(dns.tcpQueries() > 0);
        }
    }

    @Test
    void failsOverToTheNextServerWhenTheFirstIsSilent() {
        try (TestDnsServer silent = TestDnsServer.start(EXAMPLE);
             TestDnsServer answering = TestDnsServer.start(EXAMPLE);
             ResolverService impatient = new ResolverService(new ResolverOptions(SHORT, 1, false))) {
            silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
            var target = ResolverTarget.servers(List.of(silent.address(), answering.address()));

            LookupResult result = impatient.lookup("www.example.test", RecordType.A, target).join();

            assertEquals(Outcome.OK, result.outcome());
            assertEquals(answering.address().toString(), result.server());
            assertEquals(2, silent.udpQueries());
            assertEquals(1, answering.udpQueries());
        }
    }

    @Test
    void aConclusiveAnswerFromTheFirstServerEndsTheLookup() {
        try (TestDnsServer first = TestDnsServer.start(EXAMPLE); TestDnsServer second = TestDnsServer.start(EXAMPLE)) {
            var target = ResolverTarget.servers(List.of(first.address(), second.address()));

            LookupResult result = resolver.lookup("missing.example.test", RecordType.A, target).join();

            assertEquals(Outcome.NXDOMAIN, result.outcome());
            assertEquals(0, second.udpQueries());
        }
    }

    @Test
    void querySendsExactlyOneServerAQuestionWithoutFailover() {
        try (TestDnsServer dns = TestDnsServer.start(EXAMPLE)) {
            dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);

            LookupResult result = resolver.query("www.example.test", RecordType.A, dns.address(), false).join();

            assertEquals(Outcome.SERVFAIL, result.outcome());
            assertEquals(1, dns.udpQueries());
        }
    }

    // ---- authoritative servers ----

    @Test
    void authoritativeTargetFindsTheNameServersThroughViaAndAsksThemOnTheGivenPort() {
        String published = """
                $ORIGIN corp.test.
                @    300 IN NS  ns1
                @    300 IN NS  ns2
                ns1  300 IN A   127.0.0.1
                ns2  300 IN A   127.0.0.1
                ns2  300 IN AAAA ::1
                @    300 IN TXT "from the recursive resolver"
                """;
        String primary = """
                $ORIGIN corp.test.
                @    300 IN TXT "from the authoritative server"
                """;
        try (TestDnsServer via = TestDnsServer.start(published);
             TestDnsServer authoritative = TestDnsServer.start(primary)) {
            var target = new ResolverTarget.Authoritative("corp.test", via.target(), authoritative.port());

            AuthoritativeServers servers = resolver.authoritativeServers(target).join();
            LookupResult result = resolver.lookup("corp.test", RecordType.TXT, target).join();

            assertEquals(List.of("ns1.corp.test", "ns2.corp.test"),
                    servers.nameServers().stream().map(AuthoritativeServers.NameServer::host).sorted().toList());
            assertEquals(Set.of(new ServerAddress("127.0.0.1", authoritative.port()),
                    new ServerAddress("::1", authoritative.port())), Set.copyOf(servers.addresses()));
            assertEquals(List.of("from the authoritative server"), result.values());
            assertEquals("127.0.0.1:" + authoritative.port(), result.server());
            assertEquals(0, authoritative.tcpQueries() + via.tcpQueries());
        }
    }

    @Test
    void authoritativeTargetWithoutReachableNameServersIsAnErrorSayingWhy() {
        String lame = """
                $ORIGIN lame.test.
                @ 300 IN NS ns.nowhere.lame.test.
                """;
        try (TestDnsServer via = TestDnsServer.start(lame)) {
            var target = new ResolverTarget.Authoritative("lame.test", via.target(), via.port());

            LookupResult result = resolver.lookup("lame.test", RecordType.TXT, target).join();

            assertEquals(Outcome.ERROR, result.outcome());
            assertEquals("none of the name servers of lame.test has an address", result.detail());
        }
    }

    // ---- names ----

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a..example.test", "exa mple.test\\", "label-longer-than-sixty-three-characters-is-not-allowed-in-dns-names.test"})
    void malformedNamesAreRefusedSynchronously(String name) {
        ServerAddress unused = new ServerAddress("127.0.0.1", 9);
        var target = ResolverTarget.servers(List.of(unused));

        var lookup = assertThrows(IllegalArgumentException.class, () -> resolver.lookup(name, RecordType.A, target));
        assertThrows(IllegalArgumentException.class, () -> resolver.query(name, RecordType.A, unused, true));
        assertTrue(lookup.getMessage().endsWith("."), lookup.getMessage());
    }

    // ---- helpers ----

    static void assertExplains(LookupResult result, String english, String spanish) {
        String inEnglish = result.explain(Locale.ENGLISH);
        String inSpanish = result.explain(Locale.forLanguageTag("es"));
        assertTrue(inEnglish.contains(english), inEnglish);
        assertTrue(inSpanish.contains(spanish), inSpanish);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    /** The query sent back as a response with RCODE NOTIMP (4). */
    private static byte[] notImplemented(byte[] query) {
        byte[] reply = query.clone();
        reply[2] = (byte) (reply[2] | 0x80);
        reply[3] = (byte) ((reply[3] & 0xF0) | 4);
        return reply;
    }

    /** A header that promises an answer record and then ends. */
    private static byte[] claimsAnAnswerItDoesNotHold(byte[] query) {
        byte[] reply = new byte[12];
        reply[0] = query[0];
        reply[1] = query[1];
        reply[2] = (byte) 0x81;
        reply[3] = (byte) 0x80;
        reply[7] = 1;
        return reply;
    }

    /** A UDP server that answers every query with whatever {@code reply} makes of it. */
    private static final class FakeServer implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;

        FakeServer(UnaryOperator<byte[]> reply) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        byte[] answer = reply.apply(Arrays.copyOf(packet.getData(), packet.getLength()));
                        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                    } catch (IOException e) {
                        // Closed: the loop ends.
                    }
                }
            }, "fake-dns");
            thread.setDaemon(true);
            thread.start();
        }

        ResolverTarget target() {
            return ResolverTarget.servers(List.of(new ServerAddress("127.0.0.1", socket.getLocalPort())));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
