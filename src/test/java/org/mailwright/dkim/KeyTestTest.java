package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.Finding;
import org.mailwright.dkim.KeyTestReport.ServerCheck;
import org.mailwright.dkim.KeyTestReport.Source;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

/** The key test against the test DNS server, acting as resolver and as both name servers of the zone. */
class KeyTestTest {

    private static final DkimKey KEY = KeyGenerator.generate(KeySpec.DEFAULT);
    private static final DkimKey OTHER = KeyGenerator.generate(KeySpec.DEFAULT);

    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false)
            .withTimeout(Duration.ofMillis(300)).withRetries(0));
    private TestDnsServer dns;
    private TestDnsServer other;

    @AfterEach
    void stop() {
        resolver.close();
        for (TestDnsServer server : new TestDnsServer[] {dns, other}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aPublishedKeyMatchesOnEveryServerAndASampleVerifies() {
        dns = TestDnsServer.start(zone(record(KEY.record())));

        KeyTestReport report = test(KEY, dns.port());

        assertEquals(KeyTestResult.MATCH, report.result());
        assertEquals("202611a._domainkey.corp.example", report.name());
        assertEquals(List.of(Source.RESOLVER, Source.AUTHORITATIVE, Source.AUTHORITATIVE),
                report.servers().stream().map(ServerCheck::source).toList());
        assertEquals(Set.of("ns1.corp.example", "ns2.corp.example"), report.servers().stream().skip(1)
                .map(ServerCheck::nameServer).collect(Collectors.toSet()));
        assertTrue(report.servers().stream().allMatch(s -> s.result() == KeyTestResult.MATCH));
        assertTrue(report.sample().orElseThrow().passed());
        assertEquals(List.of("dkim.key-match", "dkim.sample-passed"), ids(report));
        assertEquals(OptionalLong.of(300), report.publishedTtl(), "the TTL the zone gives the record");
    }

    @Test
    void anotherKeyIsAMismatchAndTheSampleFails() {
        dns = TestDnsServer.start(zone(record(OTHER.record())));

        KeyTestReport report = test(KEY, dns.port());

        assertEquals(KeyTestResult.MISMATCH, report.result());
        assertEquals(Reason.SIGNATURE, report.sample().orElseThrow().reason().orElseThrow());
        assertEquals(List.of("dkim.key-mismatch", "dkim.sample-failed"), ids(report));
    }

    @Test
    void missingMalformedAndRevokedRecordsAreToldApart() {
        dns = TestDnsServer.start(zone(""));
        assertEquals(KeyTestResult.MISSING, test(KEY, dns.port()).result());
        assertTrue(test(KEY, dns.port()).sample().isEmpty());
        assertEquals(OptionalLong.empty(), test(KEY, dns.port()).publishedTtl());

        dns.replaceZones(zone(record("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDk")));
        KeyTestReport malformed = test(KEY, dns.port());
        assertEquals(KeyTestResult.MALFORMED, malformed.result());
        assertEquals(List.of("dkim.key-malformed", "dkim.sample-failed"), ids(malformed));
        // Why, wholly in the finding's language.
        assertTrue(malformed.findings().get(0).message(java.util.Locale.forLanguageTag("es"))
                .endsWith("no es una clave válida: los datos de la clave no son una clave pública RSA."),
                malformed.findings().get(0).message(java.util.Locale.forLanguageTag("es")));

        dns.replaceZones(zone(record("v=DKIM1; k=rsa; p=")));
        assertEquals(KeyTestResult.REVOKED, test(KEY, dns.port()).result());
    }

    @Test
    void weakSettingsAreWarnedAbout() {
        DkimKey short1024 = KeyGenerator.generate(KeySpec.rsa(1024));
        dns = TestDnsServer.start(zone(record(short1024.record().withTesting(true).withHashAlgorithms(List.of("sha1")))));

        KeyTestReport report = test(short1024, dns.port());

        assertEquals(KeyTestResult.MATCH, report.result());
        assertEquals(List.of("dkim.key-match", "dkim.key-short", "dkim.testing-mode", "dkim.key-sha1-only", "dkim.sample-failed"),
                ids(report));
        assertEquals(Reason.KEY_HASH_NOT_ALLOWED, report.sample().orElseThrow().reason().orElseThrow());
    }

    @Test
    void nameServersThatLagBehindTheResolverAreReported() {
        dns = TestDnsServer.start(zone(record(KEY.record())));
        other = TestDnsServer.start(zone(""));

        KeyTestReport report = test(KEY, other.port());

        assertEquals(KeyTestResult.MISSING, report.result());
        assertEquals(List.of(KeyTestResult.MATCH, KeyTestResult.MISSING, KeyTestResult.MISSING),
                report.servers().stream().map(ServerCheck::result).toList());
        assertTrue(ids(report).contains("dkim.servers-disagree"));
    }

    @Test
    void silentNameServersAreErrorsNotMissingRecords() {
        dns = TestDnsServer.start(zone(record(KEY.record())));
        other = TestDnsServer.start(zone(record(KEY.record())));
        other.setBehaviour(TestDnsServer.Behaviour.SILENT);

        KeyTestReport report = test(KEY, other.port());

        assertEquals(KeyTestResult.ERROR, report.result());
        assertEquals(List.of(KeyTestResult.MATCH, KeyTestResult.ERROR, KeyTestResult.ERROR),
                report.servers().stream().map(ServerCheck::result).toList());
        assertEquals(2, ids(report).stream().filter("dkim.key-lookup-failed"::equals).count());
        // Why, in the finding's own language: the outcome in words, never its code.
        Finding failed = report.findings().stream().filter(f -> f.id().equals("dkim.key-lookup-failed")).findFirst().orElseThrow();
        assertTrue(failed.message(java.util.Locale.ENGLISH).endsWith("failed: no answer within 300 ms."), failed.message(java.util.Locale.ENGLISH));
        assertTrue(failed.message(java.util.Locale.forLanguageTag("es")).contains("falló: sin respuesta"),
                failed.message(java.util.Locale.forLanguageTag("es")));
    }

    @Test
    void aKeyPublishedAfterACachedNoSuchNameIsSeenByTheResolverRowToo() {
        dns = TestDnsServer.start(zone(""));
        try (ResolverService cached = new ResolverService(ResolverOptions.defaults()
                .withTimeout(Duration.ofMillis(300)).withRetries(0))) {
            KeyTest keyTest = new KeyTest(cached, java.time.Clock.systemUTC(), dns.port());
            assertEquals(KeyTestResult.MISSING, keyTest.run("corp.example", "202611a", KEY, dns.target()).join().result());

            dns.replaceZones(zone(record(KEY.record())));
            KeyTestReport report = keyTest.run("corp.example", "202611a", KEY, dns.target()).join();

            assertEquals(List.of(KeyTestResult.MATCH, KeyTestResult.MATCH, KeyTestResult.MATCH),
                    report.servers().stream().map(ServerCheck::result).toList(), "the cache's no-such-name is not reused");
            assertFalse(ids(report).contains("dkim.servers-disagree"));
        }
    }

    @Test
    void givenTheRecordWrittenAServerMatchesOnlyWhenItPublishesTheSameMeaning() {
        dns = TestDnsServer.start(zone(record("v=DKIM1; t=Y; P_unknown=1; k=RSA; h=SHA256; p=" + KEY.record().publicKey())));
        KeyTest keyTest = new KeyTest(resolver, java.time.Clock.systemUTC(), dns.port());

        KeyTestReport same = keyTest.run(new DkimDnsRecord("202611a", "corp.example",
                KEY.record().withTesting(true).withHashAlgorithms(List.of("sha256"))), KEY, dns.target()).join();
        KeyTestReport plain = keyTest.run(new DkimDnsRecord("202611a", "corp.example", KEY.record()), KEY, dns.target()).join();

        assertEquals(KeyTestResult.MATCH, same.result());
        assertEquals(KeyTestResult.OTHER_OPTIONS, plain.result());
        assertTrue(plain.servers().stream().allMatch(s -> s.result() == KeyTestResult.OTHER_OPTIONS));
        assertEquals("dkim.key-other-options", ids(plain).get(0));
        assertEquals(KeyTestResult.MATCH, test(KEY, dns.port()).result(), "without the record written, any options do");
        assertThrows(IllegalArgumentException.class,
                () -> keyTest.run(new DkimDnsRecord("202611a", "corp.example", OTHER.record()), KEY, dns.target()));
    }

    private KeyTestReport test(DkimKey key, int authoritativePort) {
        return new KeyTest(resolver, java.time.Clock.systemUTC(), authoritativePort)
                .run("corp.example", "202611a", key, dns.target()).join();
    }

    private static String zone(String records) {
        return """
                $ORIGIN corp.example.
                @    300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @    300 IN NS  ns1
                @    300 IN NS  ns2
                ns1  300 IN A   127.0.0.1
                ns2  300 IN A   127.0.0.1
                """ + records;
    }

    private static String record(DkimKeyRecord record) {
        return new DkimDnsRecord("202611a", "corp.example", record).zoneLine(300) + "\n";
    }

    private static String record(String value) {
        return "202611a._domainkey 300 IN TXT " + DkimZones.quoted(value) + "\n";
    }

    private static List<String> ids(KeyTestReport report) {
        return report.findings().stream().map(Finding::id).toList();
    }
}
