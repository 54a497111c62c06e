package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * DNSSEC and DANE against zones signed in the test and served on loopback, validated from a trust
 * anchor file: a signed zone validates, expired signatures are bogus, an unsigned zone is a note,
 * and a resolver that cannot show the anchor's keys is never read as the domain's fault.
 */
class DnssecProbeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestDnsServer dns;
    private static ResolverService resolver;
    @TempDir
    static Path folder;
    private static Path anchors;

    @BeforeAll
    static void serve() throws Exception {
        List<String> anchorLines = new ArrayList<>();
        String signed = signedZone("signed.test", """
                @ 3600 SOA ns1 hostmaster 2026120601 3600 600 86400 300
                @ 3600 NS ns1
                ns1 3600 A 127.0.0.1
                @ 3600 MX 10 mail
                mail 3600 A 192.0.2.25
                _25._tcp.mail 3600 TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """, false, anchorLines);
        String pkix = signedZone("pkix.test", """
                @ 3600 SOA ns1 hostmaster 2026120601 3600 600 86400 300
                @ 3600 NS ns1
                ns1 3600 A 127.0.0.1
                @ 3600 MX 10 mail
                mail 3600 A 192.0.2.26
                _25._tcp.mail 3600 TLSA 1 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """, false, anchorLines);
        String forged = signedZone("forged.test", """
                @ 3600 SOA ns1 hostmaster 2026120601 3600 600 86400 300
                @ 3600 NS ns1
                ns1 3600 A 127.0.0.1
                """, true, anchorLines);
        String plain = """
                $ORIGIN plain.test.
                @ 3600 SOA ns1 hostmaster 2026120601 3600 600 86400 300
                @ 3600 NS ns1
                ns1 3600 A 127.0.0.1
                @ 3600 MX 10 mail
                mail 3600 A 192.0.2.27
                _25._tcp.mail 3600 TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """;
        dns = TestDnsServer.start(signed, pkix, forged, plain);
        anchors = folder.resolve("anchors.txt");
        Files.write(anchors, anchorLines);
        resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)).withRetries(0));
    }

    @AfterAll
    static void close() {
        resolver.close();
        dns.close();
    }

    private static Set<String> ids(String domain, CheckSettings settings, CheckArea... areas) {
        HealthReport report = new HealthCheck(resolver.fresh(), dns.target(), settings, CLOCK).check(DomainName.of(domain)).join();
        return java.util.Arrays.stream(areas).flatMap(area -> report.areas().getOrDefault(area, List.of()).stream())
                .map(Finding::id).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static CheckSettings anchored() {
        return CheckSettings.defaults().withNameServerPort(dns.port()).withBlocklists(List.of()).withTrustAnchor(anchors);
    }

    @Test
    void aSignedZoneValidatesAndItsTlsaRecordsCount() {
        Set<String> found = ids("signed.test", anchored(), CheckArea.DNSSEC, CheckArea.TRANSPORT);

        assertTrue(found.contains("dnssec.ok"), found::toString);
        assertTrue(found.contains("dane.ok"), found::toString);
    }

    @Test
    void signaturesByAnotherKeyAreBogus() {
        HealthReport report = new HealthCheck(resolver.fresh(), dns.target(), anchored(), CLOCK)
                .check(DomainName.of("forged.test")).join();

        Finding bogus = report.areas().get(CheckArea.DNSSEC).get(0);
        assertEquals("dnssec.bogus", bogus.id());
        assertTrue(report.hasErrors());
        assertTrue(bogus.message(Locale.ENGLISH).startsWith("The DNSSEC signatures of forged.test do not validate"),
                bogus.message(Locale.ENGLISH));
    }

    @Test
    void anUnsignedZoneIsANoteAndItsTlsaRecordsCannotWork() {
        Set<String> found = ids("plain.test", anchored(), CheckArea.DNSSEC, CheckArea.TRANSPORT);

        assertTrue(found.contains("dnssec.unsigned"), found::toString);
        assertTrue(found.contains("dane.mismatch"), found::toString);
    }

    @Test
    void tlsaRecordsSmtpIgnoresAreSaidToBeUseless() {
        HealthReport report = new HealthCheck(resolver.fresh(), dns.target(), anchored(), CLOCK)
                .check(DomainName.of("pkix.test")).join();

        Finding dane = report.areas().get(CheckArea.TRANSPORT).stream().filter(f -> f.id().startsWith("dane")).findFirst().orElseThrow();
        assertEquals("dane.mismatch", dane.id());
        assertTrue(dane.message(Locale.ENGLISH).contains("usage 0 or 1"), dane.message(Locale.ENGLISH));
    }

    @Test
    void aResolverThatCannotShowTheRootsKeysIsNoVerdictOnTheDomain() {
        // The root's anchors: this server serves no root zone, as a resolver stripping DNSSEC would show none.
        CheckSettings root = CheckSettings.defaults().withNameServerPort(dns.port()).withBlocklists(List.of());

        Set<String> found = ids("forged.test", root, CheckArea.DNSSEC);

        assertEquals(Set.of("dnssec.unchecked"), found);
    }

    /**
     * The zone's records, each set signed with a new ECDSA P-256 key (algorithm 13), valid from a
     * day before {@link #NOW} for twenty days, and that key added to {@code anchors}; when
     * {@code forged}, every set but the keys is signed by another key than the one published.
     */
    private static String signedZone(String origin, String records, boolean forged, List<String> anchors) throws Exception {
        Name apex = Name.fromString(origin + ".");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        Instant inception = NOW.minus(Duration.ofDays(1));
        Instant expiration = NOW.plus(Duration.ofDays(20));
        DNSKEYRecord key = new DNSKEYRecord(apex, org.xbill.DNS.DClass.IN, 3600, 257, DNSKEYRecord.Protocol.DNSSEC,
                DNSSEC.Algorithm.ECDSAP256SHA256, pair.getPublic());
        anchors.add(key.toString());
        Map<String, RRset> sets = new LinkedHashMap<>();
        try (Master master = new Master(new java.io.ByteArrayInputStream(("$ORIGIN " + apex + "\n" + records)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                sets.computeIfAbsent(record.getName() + "/" + record.getType(), k -> new RRset()).addRR(record);
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
        sets.computeIfAbsent(apex + "/DNSKEY", k -> new RRset()).addRR(key);
        StringBuilder zone = new StringBuilder("$ORIGIN ").append(apex).append('\n');
        for (RRset set : sets.values()) {
            set.rrs().forEach(record -> zone.append(record).append('\n'));
            boolean keys = set.getType() == org.xbill.DNS.Type.DNSKEY;
            zone.append(forged && !keys ? forgedSignature(set, key, other, inception, expiration)
                    : DNSSEC.sign(set, key, pair.getPrivate(), inception, expiration)).append('\n');
        }
        return zone.toString();
    }

    /** A signature that names the published key but was made with another: what a validator must refuse. */
    private static Record forgedSignature(RRset set, DNSKEYRecord published, KeyPair other, Instant inception,
                                          Instant expiration) throws Exception {
        DNSKEYRecord otherKey = new DNSKEYRecord(published.getName(), published.getDClass(), published.getTTL(),
                published.getFlags(), published.getProtocol(), published.getAlgorithm(), other.getPublic());
        org.xbill.DNS.RRSIGRecord made = DNSSEC.sign(set, otherKey, other.getPrivate(), inception, expiration);
        return new org.xbill.DNS.RRSIGRecord(made.getName(), made.getDClass(), made.getTTL(), made.getTypeCovered(),
                made.getAlgorithm(), made.getOrigTTL(), made.getExpire(), made.getTimeSigned(), published.getFootprint(),
                made.getSigner(), made.getSignature());
    }
}
