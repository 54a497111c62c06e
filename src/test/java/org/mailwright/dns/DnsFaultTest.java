package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.dns.ResolverServiceTest.assertExplains;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailwright.testdns.TestDnsServer;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * The DNS faults of issue 11, each named as itself rather than as a missing record, and the
 * transport that gets a real answer past stray datagrams and broken TCP connections.
 */
class DnsFaultTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private static final String FAULTS = """
            $ORIGIN faults.test.
            @          IN TXT   "v=spf1 -all"
            www        IN A     192.0.2.10
            child      IN NS    ns1.elsewhere.test.
            child      IN NS    ns2.elsewhere.test.
            loop-a     IN CNAME loop-b
            loop-b     IN CNAME loop-a
            away       IN CNAME www.elsewhere.test.
            """;

    private final ResolverService resolver = new ResolverService(new ResolverOptions(SHORT, 0, false));

    @AfterEach
    void closeResolver() {
        resolver.close();
    }

    // ---- faults a server's reply shows ----

    @Test
    void aLameServerReferringElsewhereIsLameNotNodata() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            LookupResult result = resolver.lookup("www.child.faults.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.LAME, result.outcome());
            assertEquals("referred to other name servers (ns1.elsewhere.test, ns2.elsewhere.test)", result.detail());
            assertExplains(result, "did not answer for www.child.faults.test TXT: it referred to other name servers",
                    "no respondió para www.child.faults.test TXT: remitió a otros servidores de nombres");
        }
    }

    @Test
    void theTcBitOnATcpReplyIsTruncatedNotNodata() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE_ALWAYS);

            LookupResult result = resolver.lookup("faults.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.TRUNCATED, result.outcome());
            assertEquals(1, dns.tcpQueries(), "asked over TCP after the truncated UDP reply");
            assertFalse(result.outcome().isAnswer(), "there is no usable answer");
            assertExplains(result, "could not send the whole answer", "no pudo enviar la respuesta completa");
        }
    }

    @Test
    void aCnameLoopIsItsOwnOutcomeWithTheAliasesFollowed() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            LookupResult result = resolver.lookup("loop-a.faults.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.CNAME_LOOP, result.outcome());
            assertEquals("the aliases lead back to loop-a.faults.test", result.detail());
            assertEquals(List.of("loop-a.faults.test", "loop-b.faults.test"),
                    result.aliases().stream().map(DnsRecord::name).toList());
            assertExplains(result, "aliases that go round in a circle", "alias que dan vueltas en círculo");
        }
    }

    @Test
    void aCnameChainLongerThanTheLimitIsItsOwnOutcome() {
        StringBuilder zone = new StringBuilder("$ORIGIN chain.test.\n");
        for (int i = 0; i < AnswerReader.MAX_CNAME_CHAIN + 3; i++) {
            zone.append("hop").append(i).append(" IN CNAME hop").append(i + 1).append('\n');
        }
        zone.append("hop").append(AnswerReader.MAX_CNAME_CHAIN + 3).append(" IN TXT \"at last\"\n");
        try (TestDnsServer dns = TestDnsServer.start(zone.toString())) {
            LookupResult result = resolver.lookup("hop0.chain.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.CNAME_CHAIN, result.outcome());
            assertEquals("more than 16 aliases in a row, up to hop17.chain.test", result.detail());
            assertTrue(result.records().isEmpty());
        }
    }

    @Test
    void aCnameChainWithinTheLimitStillReachesItsRecords() {
        StringBuilder zone = new StringBuilder("$ORIGIN chain.test.\n");
        for (int i = 0; i < AnswerReader.MAX_CNAME_CHAIN; i++) {
            zone.append("hop").append(i).append(" IN CNAME hop").append(i + 1).append('\n');
        }
        zone.append("hop").append(AnswerReader.MAX_CNAME_CHAIN).append(" IN TXT \"at last\"\n");
        try (TestDnsServer dns = TestDnsServer.start(zone.toString())) {
            LookupResult result = resolver.lookup("hop0.chain.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome());
            assertEquals(List.of("at last"), result.values());
            assertEquals(AnswerReader.MAX_CNAME_CHAIN, result.aliases().size());
        }
    }

    @Test
    void aCnameLeavingTheZoneIsNotNodata() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            LookupResult result = resolver.lookup("away.faults.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.CNAME_OUT_OF_ZONE, result.outcome());
            assertEquals(List.of("www.elsewhere.test."), result.aliases().stream().map(DnsRecord::value).toList());
            assertExplains(result, "says away.faults.test is an alias of www.elsewhere.test, which the server did not answer for",
                    "dice que away.faults.test es un alias de www.elsewhere.test");
        }
    }

    @Test
    void anAnswerForAnotherNameIsWrongNameNotNodata() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.rewriteReplies(DnsFaultTest::answerForAnotherName);

            LookupResult result = resolver.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.WRONG_NAME, result.outcome());
            assertEquals("the answer holds A records for victim.example, not the ones asked for", result.detail());
            assertTrue(result.records().isEmpty(), "records for another name are never taken");
            assertExplains(result, "answered about something else than www.faults.test A", "respondió sobre otra cosa que");
        }
    }

    @Test
    void aServerAskedDirectlyThatAnswersWithoutAuthorityIsLame() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.rewriteReplies(reply -> {
                Message cached = reply.clone();
                cached.getHeader().unsetFlag(org.xbill.DNS.Flags.AA);
                return cached;
            });

            LookupResult direct = resolver.query("www.faults.test", RecordType.A, dns.address(), false).join();
            LookupResult recursive = resolver.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.LAME, direct.outcome());
            assertEquals("answered without authority (not from its own zone) when asked directly", direct.detail());
            assertEquals(Outcome.OK, recursive.outcome(), "a resolver answers from its cache by design");
        }
    }

    @Test
    void aReplyToAnotherQuestionIsIgnoredAndNamedWhenNothingElseComes() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.rewriteReplies(reply -> {
                Message other = reply.clone();
                other.removeAllRecords(Section.QUESTION);
                other.addRecord(org.xbill.DNS.Record.newRecord(name("other.test."), org.xbill.DNS.Type.A, DClass.IN),
                        Section.QUESTION);
                return other;
            });

            LookupResult result = resolver.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.WRONG_NAME, result.outcome());
            assertEquals("the reply answers another question (other.test A)", result.detail());
            assertTrue(result.elapsed().compareTo(SHORT) >= 0, "it waited for the real answer: " + result.elapsed());
        }
    }

    // ---- the transport ----

    @Test
    void strayDatagramsWithAWrongIdOrQuestionAreIgnoredUntilTheRealAnswer() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS);
             ResolverService patient = new ResolverService(new ResolverOptions(Duration.ofSeconds(5), 0, false))) {
            dns.setBehaviour(TestDnsServer.Behaviour.STRAY_DATAGRAMS);

            LookupResult result = patient.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals(List.of("192.0.2.10"), result.values());
            assertEquals(1, dns.udpQueries());
            assertTrue(result.elapsed().compareTo(Duration.ofSeconds(2)) < 0, "taken as it came: " + result.elapsed());
        }
    }

    @Test
    void aTcpConnectionClosingEarlyIsRetriedOnANewConnection() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);
            dns.breakTcpConnections(1);

            LookupResult result = resolver.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals(2, dns.tcpQueries());
        }
    }

    @Test
    void aTcpServerThatKeepsClosingEarlyIsClosedInPlainWords() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS)) {
            dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);
            dns.breakTcpConnections(100);

            LookupResult result = resolver.lookup("www.faults.test", RecordType.A, dns.target()).join();

            assertEquals(Outcome.CLOSED, result.outcome());
            assertEquals(DnsTransport.TCP_CONNECTIONS, dns.tcpQueries());
            assertEquals("the server closed the TCP connection before its reply was complete (3 connections tried)",
                    result.detail());
            assertExplains(result, "did not finish its answer for www.faults.test A", "no terminó su respuesta");
            assertFalse(result.explain(Locale.ENGLISH).contains("Exception"), result.explain(Locale.ENGLISH));
        }
    }

    @Test
    void aServerAnsweringOneQueryPerTcpConnectionAnswersConcurrentLargeQueries() {
        StringBuilder zone = new StringBuilder("$ORIGIN big.test.\n");
        int names = 8;
        for (int n = 0; n < names; n++) {
            for (int i = 0; i < 8; i++) {
                zone.append("name").append(n).append(" IN TXT \"").append(i).append('=').append("x".repeat(200)).append("\"\n");
            }
        }
        try (TestDnsServer dns = TestDnsServer.start(zone.toString());
             ResolverService patient = new ResolverService(new ResolverOptions(Duration.ofSeconds(5), 0, false))) {
            dns.answerOneQueryPerTcpConnection(true);

            List<CompletableFuture<LookupResult>> lookups = IntStream.range(0, names)
                    .mapToObj(n -> patient.lookup("name" + n + ".big.test", RecordType.TXT, dns.target()))
                    .toList();

            for (CompletableFuture<LookupResult> lookup : lookups) {
                LookupResult result = lookup.join();
                assertEquals(Outcome.OK, result.outcome(), result.name() + ": " + result.detail());
                assertEquals(8, result.records().size(), result.name());
            }
            assertEquals(names, dns.tcpQueries(), "each large answer over TCP, each on its own connection");
        }
    }

    // ---- names on the wire ----

    @Test
    void anInternationalNameGoesOnTheWireAsItsALabel() {
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN xn--bcher-kva.test.\n@ IN TXT \"books\"\n")) {
            LookupResult result = resolver.lookup("Bücher.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals("xn--bcher-kva.test", result.name());
            assertEquals(List.of("xn--bcher-kva.test"), dns.questionsReceived());
        }
    }

    @Test
    void aValidNameOf253CharactersIsLookedUp() {
        String longest = labelsOfLength(DomainName.MAX_LENGTH);
        int dot = longest.indexOf('.');
        String zone = "$ORIGIN " + longest.substring(dot + 1) + ".\n" + longest.substring(0, dot) + " IN TXT \"far\"\n";
        try (TestDnsServer dns = TestDnsServer.start(zone)) {
            LookupResult result = resolver.lookup(longest, RecordType.TXT, dns.target()).join();

            assertEquals(253, longest.length());
            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals(List.of("far"), result.values());
        }
    }

    @Test
    void aNameWithOctetsNoHostNameHasIsStillSentAsDnsCarriesThem() {
        // SPF looks up what macros make of a sender: exists:%{l}.faults.test for "Macro Error@...".
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN faults.test.\nMacro\\ Error IN TXT \"found\"\n")) {
            LookupResult result = resolver.lookup("Macro Error.faults.test", RecordType.TXT, dns.target()).join();

            assertEquals(Outcome.OK, result.outcome(), result.detail());
            assertEquals(List.of("Macro\\032Error.faults.test"), dns.questionsReceived(), "the space, one octet of the label");
            var tooLong = assertThrows(InvalidDomainNameException.class, () ->
                    resolver.lookup("a\\." + "b".repeat(63) + ".faults.test", RecordType.TXT, dns.target()));
            assertEquals("The part “a\\." + "b".repeat(63) + "” has 65 characters; a part of a domain name has at most 63.",
                    tooLong.getMessage());
        }
    }

    @Test
    void aNameTooLongIsRefusedWithTheSentenceNamingThePart() {
        ServerAddress unused = new ServerAddress("127.0.0.1", 9);
        ResolverTarget target = ResolverTarget.servers(List.of(unused));
        String label = "x".repeat(64);

        var tooLong = assertThrows(InvalidDomainNameException.class,
                () -> resolver.lookup(labelsOfLength(254), RecordType.TXT, target));
        var labelTooLong = assertThrows(InvalidDomainNameException.class,
                () -> resolver.query(label + ".test", RecordType.TXT, unused, true));

        assertEquals("A domain name has at most 253 characters; this one has 254.", tooLong.getMessage());
        assertEquals("The part “" + label + "” has 64 characters; a part of a domain name has at most 63.",
                labelTooLong.getMessage());
    }

    // ---- the bounds of a check ----

    @Test
    void pastItsQueryBudgetACheckLooksNothingMoreUp() {
        try (TestDnsServer dns = TestDnsServer.start(FAULTS);
             ResolverService limited = new ResolverService(new ResolverOptions(SHORT, 0, false).withMaxQueries(2))) {
            ResolverService view = limited.fresh();
            assertEquals(Outcome.OK, limited.lookup("www.faults.test", RecordType.A, dns.target()).join().outcome());
            assertEquals(Outcome.OK, view.lookup("faults.test", RecordType.TXT, dns.target()).join().outcome());

            LookupResult refused = limited.lookup("faults.test", RecordType.MX, dns.target()).join();
            LookupResult nextCheck = limited.newCheck().lookup("faults.test", RecordType.MX, dns.target()).join();

            assertEquals(Outcome.QUERY_LIMIT, refused.outcome());
            assertEquals("this check had already sent the 2 DNS queries it may send", refused.detail());
            assertExplains(refused, "faults.test MX was not looked up", "No se consultó faults.test MX");
            assertEquals(Outcome.NODATA, nextCheck.outcome(), "a new check counts afresh");
            assertEquals(3, dns.udpQueries());
        }
    }

    @Test
    void theDeadlineEndsALookupThatWouldWaitLonger() {
        try (TestDnsServer silent = TestDnsServer.start(FAULTS);
             TestDnsServer answering = TestDnsServer.start(FAULTS);
             ResolverService bounded = new ResolverService(new ResolverOptions(Duration.ofSeconds(2), 3, false)
                     .withDeadline(Duration.ofMillis(400)))) {
            silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
            var target = ResolverTarget.servers(List.of(silent.address(), answering.address()));

            LookupResult result = bounded.lookup("www.faults.test", RecordType.A, target).join();
            LookupResult after = bounded.lookup("faults.test", RecordType.TXT, answering.target()).join();

            assertEquals(Outcome.DEADLINE, result.outcome());
            assertTrue(result.elapsed().compareTo(Duration.ofMillis(1500)) < 0, result.elapsed().toString());
            assertEquals(1, silent.udpQueries(), "no retry past the deadline");
            assertEquals(0, answering.udpQueries(), "no failover past the deadline");
            assertEquals("this check's time (400 ms) ran out", result.detail());
            assertExplains(result, "The lookup of www.faults.test A at " + silent.address() + " was stopped",
                    "La consulta de www.faults.test A en " + silent.address() + " se detuvo");
            assertEquals(Outcome.DEADLINE, after.outcome(), "nothing more is asked once the time is up");
        }
    }

    // ---- what every caller relies on ----

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"OK", "NXDOMAIN", "NODATA"}, mode = EnumSource.Mode.EXCLUDE)
    void noFaultIsConclusiveSoNoneReadsAsMissing(Outcome fault) {
        assertFalse(fault.isConclusive());
    }

    @Test
    void everyDnsWordIsSaidInSpanishToo() throws IOException {
        Properties english = properties("messages.properties");
        Properties spanish = properties("messages_es.properties");

        List<String> missing = english.stringPropertyNames().stream()
                .filter(key -> key.startsWith("dns."))
                .filter(key -> !spanish.containsKey(key))
                .sorted()
                .toList();

        assertEquals(List.of(), missing);
    }

    // ---- helpers ----

    /** A name of exactly {@code length} characters, in labels of at most 63. */
    static String labelsOfLength(int length) {
        StringBuilder name = new StringBuilder();
        while (name.length() < length) {
            int room = length - name.length() - (name.length() == 0 ? 0 : 1);
            int label = Math.min(DomainName.MAX_LABEL, room);
            if (room - label == 1) {
                label--;
            }
            name.append(name.length() == 0 ? "" : ".").append("a".repeat(label));
        }
        return name.toString();
    }

    private static Message answerForAnotherName(Message reply) {
        Message forged = reply.clone();
        forged.removeAllRecords(Section.ANSWER);
        try {
            forged.addRecord(new ARecord(name("victim.example."), DClass.IN, 60,
                    InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 66})), Section.ANSWER);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        return forged;
    }

    private static Name name(String text) {
        return Name.fromConstantString(text);
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DnsFaultTest.class.getResourceAsStream("/org/mailwright/i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
