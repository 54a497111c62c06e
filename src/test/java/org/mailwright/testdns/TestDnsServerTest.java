package org.mailwright.testdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.RecordType;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The test server itself, seen through a plain dnsjava client so every header bit is visible. */
class TestDnsServerTest {

    private static final String EXAMPLE = """
            $ORIGIN example.test.
            $TTL 300
            @          IN SOA  ns1 hostmaster 2024010101 3600 600 86400 120
            @          IN NS   ns1
            @          IN TXT  "v=spf1 mx -all"
            ns1        IN A    192.0.2.53
            www        IN A    192.0.2.10
            alias      IN CNAME alias2
            alias2     IN CNAME www
            *.wild     IN TXT  "wildcard answer"
            sel._domainkey IN TXT "v=DKIM1; p=abc"
            child      IN NS   ns.child
            ns.child   IN A    192.0.2.54
            """;

    private static final String SUB = """
            $ORIGIN sub.example.test.
            @ 300 IN SOA ns1.sub hostmaster.sub 7 3600 600 86400 30
            @ 300 IN NS  ns1.sub
            """;

    private TestDnsServer dns;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start(EXAMPLE, SUB);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void answersAuthoritativelyEchoingIdAndQuestion() throws IOException {
        Message query = query("WWW.example.test", Type.A);
        Message response = resolver(false).send(query);

        assertEquals(query.getHeader().getID(), response.getHeader().getID());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getHeader().getFlag(Flags.QR));
        assertEquals(query.getQuestion(), response.getQuestion());
        assertEquals(List.of("192.0.2.10"), rdata(response, Section.ANSWER));
        assertEquals(1, dns.udpQueries());
        assertEquals(0, dns.tcpQueries());
    }

    @Test
    void answersOverTcpOnTheSamePort() throws IOException {
        Message response = resolver(true).send(query("www.example.test", Type.A));

        assertEquals(List.of("192.0.2.10"), rdata(response, Section.ANSWER));
        assertEquals(1, dns.tcpQueries());
        assertEquals(0, dns.udpQueries());
    }

    @Test
    void followsCnameChainsInsideTheZone() throws IOException {
        Message response = ask("alias.example.test", Type.A);

        assertEquals(List.of("alias2.example.test.", "www.example.test.", "192.0.2.10"),
                rdata(response, Section.ANSWER));
    }

    @Test
    void expandsWildcardsToTheAskedName() throws IOException {
        Message response = ask("anything.wild.example.test", Type.TXT);

        Record answer = response.getSection(Section.ANSWER).get(0);
        assertEquals(Name.fromConstantString("anything.wild.example.test."), answer.getName());
        assertEquals(List.of("wildcard answer"), ((TXTRecord) answer).getStrings());
    }


    @Test
    void aWildcardStandsForSeveralLabels() throws IOException {
        Message response = ask("two.labels.wild.example.test", Type.TXT);
        assertEquals(Rcode.NOERROR, response.getRcode());
        Record answer = response.getSection(Section.ANSWER).get(0);
        assertEquals(Name.fromConstantString("two.labels.wild.example.test."), answer.getName());
        assertEquals(List.of("wildcard answer"), ((TXTRecord) answer).getStrings());
        assertEquals(Rcode.NXDOMAIN, ask("two.labels.nowild.example.test", Type.TXT).getRcode());
    }
    @Test
    void nxdomainCarriesTheSoaWithTheNegativeTtl() throws IOException {
        Message response = ask("missing.example.test", Type.A);

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        SOARecord soa = (SOARecord) response.getSection(Section.AUTHORITY).get(0);
        assertEquals(120, soa.getTTL());
    }

    @Test
    void nodataForAnExistingNameWithoutThatType() throws IOException {
        Message response = ask("www.example.test", Type.AAAA);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, response.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void emptyNonTerminalExistsWithoutData() throws IOException {
        Message response = ask("_domainkey.example.test", Type.TXT);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(Type.SOA, response.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void refersDelegatedNamesWithGlue() throws IOException {
        Message response = ask("host.child.example.test", Type.A);

        assertFalse(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertEquals(List.of("ns.child.example.test."), rdata(response, Section.AUTHORITY));
        assertEquals(List.of("192.0.2.54"), rdata(response, Section.ADDITIONAL));
    }

    @Test
    void answersFromTheMostSpecificZone() throws IOException {
        Message response = ask("missing.sub.example.test", Type.A);

        SOARecord soa = (SOARecord) response.getSection(Section.AUTHORITY).get(0);
        assertEquals(Name.fromConstantString("sub.example.test."), soa.getName());
    }

    @Test
    void refusesNamesOutsideEveryZone() throws IOException {
        Message response = ask("example.org", Type.A);

        assertEquals(Rcode.REFUSED, response.getRcode());
    }

    @Test
    void echoesEdnsWhenAskedWithIt() throws IOException {
        Message withEdns = ask("www.example.test", Type.A);
        SimpleResolver plain = resolver(false);
        plain.setEDNS(null);
        Message withoutEdns = plain.send(query("www.example.test", Type.A));

        OPTRecord opt = withEdns.getOPT();
        assertTrue(opt != null && opt.getPayloadSize() >= 512);
        assertEquals(null, withoutEdns.getOPT());
    }

    @Test
    void servesOddTxtDataFromTheApexAndUnusualLabels() throws IOException {
        dns.replaceZones("""
                $ORIGIN odd.test.
                @             60 IN TXT "first" "" "third"
                _spf-1.a\\032b 60 IN TXT "x"
                """);

        TXTRecord apex = (TXTRecord) ask("odd.test", Type.TXT).getSection(Section.ANSWER).get(0);
        TXTRecord unusual = (TXTRecord) ask("_spf-1.a\\032b.odd.test", Type.TXT).getSection(Section.ANSWER).get(0);

        assertEquals(List.of("first", "", "third"), apex.getStrings());
        assertEquals(List.of("x"), unusual.getStrings());
    }

    @Test
    void truncateModeSetsTcOverUdpAndAnswersOverTcp() throws IOException {
        dns.setBehaviour(TestDnsServer.Behaviour.TRUNCATE);
        SimpleResolver udpOnly = resolver(false);
        udpOnly.setIgnoreTruncation(true);

        Message overUdp = udpOnly.send(query("www.example.test", Type.A));
        Message overTcp = resolver(true).send(query("www.example.test", Type.A));

        assertTrue(overUdp.getHeader().getFlag(Flags.TC));
        assertTrue(overUdp.getSection(Section.ANSWER).isEmpty());
        assertFalse(overTcp.getHeader().getFlag(Flags.TC));
        assertEquals(List.of("192.0.2.10"), rdata(overTcp, Section.ANSWER));
        assertEquals(1, dns.udpQueries());
        assertEquals(1, dns.tcpQueries());
    }

    @Test
    void answersLargerThanUdpAllowsAreTruncatedAndComeWholeOverTcp() throws IOException {
        String chunk = "x".repeat(250);
        StringBuilder zone = new StringBuilder("$ORIGIN big.test.\n");
        for (int i = 0; i < 8; i++) {
            zone.append("@ 60 IN TXT \"").append(i).append(chunk).append("\"\n");
        }
        dns.replaceZones(zone.toString());
        SimpleResolver udpOnly = resolver(false);
        udpOnly.setIgnoreTruncation(true);

        Message overUdp = udpOnly.send(query("big.test", Type.TXT));
        Message overTcp = resolver(true).send(query("big.test", Type.TXT));

        assertTrue(overUdp.getHeader().getFlag(Flags.TC));
        assertEquals(8, overTcp.getSection(Section.ANSWER).size());
    }

    @Test
    void servfailAndRefusedBehaviours() throws IOException {
        dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
        int servfail = ask("www.example.test", Type.A).getRcode();
        dns.setBehaviour(TestDnsServer.Behaviour.REFUSED);
        int refused = ask("www.example.test", Type.A).getRcode();
        dns.setBehaviour(TestDnsServer.Behaviour.NORMAL);
        int normal = ask("www.example.test", Type.A).getRcode();

        assertEquals(List.of(Rcode.SERVFAIL, Rcode.REFUSED, Rcode.NOERROR), List.of(servfail, refused, normal));
    }

    @Test
    void silentModeReadsButNeverAnswers() {
        dns.setBehaviour(TestDnsServer.Behaviour.SILENT);

        assertTimesOut("www.example.test");
        assertEquals(1, dns.udpQueries());
    }

    @Test
    void aSilencedNameTimesOutWhileOthersAnswer() throws IOException {
        dns.silenceName("WWW.Example.Test.");

        assertTimesOut("www.example.test");
        assertEquals(Rcode.NOERROR, ask("example.test", Type.TXT).getRcode());
    }

    @Test
    void aSilencedTypeTimesOutWhileTheNameAnswersOtherTypes() throws IOException {
        dns.silenceName("example.test", RecordType.A);

        assertTimesOut("example.test");
        assertEquals(List.of("\"v=spf1 mx -all\""), rdata(ask("example.test", Type.TXT), Section.ANSWER));
    }

    @Test
    void aFailingNameGetsServfailWhileOthersAnswer() throws IOException {
        dns.failName("www.example.test");

        assertEquals(Rcode.SERVFAIL, ask("www.example.test", Type.A).getRcode());
        assertEquals(Rcode.NOERROR, ask("example.test", Type.TXT).getRcode());
    }

    @Test
    void replacedZonesAreServedFromTheNextQuery() throws IOException {
        dns.replaceZones("""
                $ORIGIN example.test.
                www 60 IN A 192.0.2.99
                """);

        assertEquals(List.of("192.0.2.99"), rdata(ask("www.example.test", Type.A), Section.ANSWER));
    }

    @Test
    void badZoneTextIsRejectedSayingWhy() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> TestDnsServer.start("$ORIGIN bad.test.\nwww 60 IN A not-an-address\n"));
        var outside = assertThrows(IllegalArgumentException.class,
                () -> TestDnsServer.start("$ORIGIN bad.test.\nwww.other.test. 60 IN A 192.0.2.1\n"));

        assertTrue(error.getMessage().startsWith("Zone text 1 does not parse"), error.getMessage());
        assertTrue(outside.getMessage().contains("outside the zone"), outside.getMessage());
    }

    @Test
    void closeReleasesBothSocketsAndStopsItsThreads() throws Exception {
        int port = dns.port();
        dns.close();

        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
             ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, udp.getLocalPort());
            assertEquals(port, tcp.getLocalPort());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("test-dns-" + port + "-") && thread.isAlive()));
    }

    private void assertTimesOut(String name) {
        SimpleResolver impatient = resolver(false);
        impatient.setTimeout(Duration.ofMillis(200));
        var failure = assertThrows(CompletionException.class, () ->
                impatient.sendAsync(query(name, Type.A)).toCompletableFuture().join());
        assertTrue(failure.getCause() instanceof SocketTimeoutException, failure.toString());
    }

    private Message ask(String name, int type) throws IOException {
        return resolver(false).send(query(name, type));
    }

    private SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port()));
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }

    private static List<String> rdata(Message response, int section) {
        return response.getSection(section).stream()
                .filter(record -> record.getType() != Type.OPT)
                .map(record -> record instanceof ARecord a ? a.getAddress().getHostAddress() : record.rdataToString())
                .toList();
    }
}
