package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The Knot configuration {@link UpdatePolicy} writes, loaded as written into a real Knot DNS and
 * proven with dnsjava updates signed with the key: every mail record can be changed, nothing
 * else can, a refused update leaves the zone as it was, and {@link UpdatePolicy#permits} says
 * what Knot does.
 */
class UpdatePolicyKnotTest {

    private static final String ZONE = "example.test";
    /** Something at every name a test changes or must not change. */
    private static final String RECORDS = """
            @                   TXT   "v=spf1 -all"
            @                   MX    10 mail
            mail                A     192.0.2.25
            www                 TXT   "site"
            _dmarc              TXT   "v=DMARC1; p=none"
            old._domainkey      TXT   "v=DKIM1; p="
            """;

    private final UpdatePolicy policy = UpdatePolicy.of(ZONE, "mailwright", "hmac-sha256");
    private final KnotServer.TsigKey key = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
    private KnotServer knot;

    @BeforeEach
    void startKnotWithThePolicy() {
        knot = KnotServer.builder()
                .zone(ZONE, RECORDS)
                // The key section as written, the secret put in place of the placeholder as the admin does.
                .config(policy.knotKeySection().replace(UpdatePolicy.SECRET_PLACEHOLDER, key.secret()))
                .acl(policy.knotAclSection())
                .zoneAcl(ZONE, policy.knotAclIds().toArray(String[]::new))
                .start();
    }

    @AfterEach
    void stopKnot() {
        // Null when knotd is not installed: the tests were skipped before it started.
        if (knot != null) {
            knot.close();
        }
    }

    /** Each mail record a wizard publishes: owner (relative to the zone, @ the apex), type, value. */
    static Stream<Arguments> mailRecords() {
        return Stream.of(
                Arguments.of("@", "TXT", "\"v=spf1 mx -all\""),
                Arguments.of("_dmarc", "TXT", "\"v=DMARC1; p=quarantine\""),
                Arguments.of("x._report._dmarc", "TXT", "\"v=DMARC1;\""),
                Arguments.of("s1._domainkey", "TXT", "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""),
                Arguments.of("s2._domainkey", "CNAME", "s2.dkim.provider.test."),
                Arguments.of("_domainkey", "TXT", "\"o=~\""),
                Arguments.of("_mta-sts", "TXT", "\"v=STSv1; id=20260601\""),
                Arguments.of("_smtp._tls", "TXT", "\"v=TLSRPTv1; rua=mailto:tls@example.test\""));
    }

    /** What the key must not change: other types at the mail names, other names, names past the grants. */
    static Stream<Arguments> otherRecords() {
        return Stream.of(
                Arguments.of("@", "MX", "20 mail2.example.test."),
                Arguments.of("@", "A", "192.0.2.1"),
                Arguments.of("@", "NS", "ns2.elsewhere.test."),
                Arguments.of("www", "TXT", "\"defaced\""),
                Arguments.of("mail", "A", "198.51.100.66"),
                Arguments.of("_dmarc", "CNAME", "dmarc.elsewhere.test."),
                Arguments.of("_domainkey", "CNAME", "keys.elsewhere.test."),
                Arguments.of("a._mta-sts", "TXT", "\"v=STSv1; id=1\""),
                Arguments.of("mta-sts", "A", "192.0.2.2"),
                Arguments.of("x._smtp._tls", "TXT", "\"v=TLSRPTv1; rua=mailto:a@elsewhere.test\""),
                Arguments.of("s1._domainkey", "A", "192.0.2.3"));
    }

    @ParameterizedTest(name = "{0} {1} is accepted")
    @MethodSource("mailRecords")
    void theKeyMayReplaceEachMailRecord(String owner, String type, String value) throws Exception {
        assertTrue(policy.permits(domain(owner), RecordType.valueOf(type)), owner + " " + type);
        Update update = new Update(zone());
        update.replace(name(owner), Type.value(type), 300, value);

        Message response = knot.send(update, key);

        assertEquals(Rcode.NOERROR, response.getRcode(), Rcode.string(response.getRcode()) + "\n" + knot.log());
        List<Record> published = knot.query(absolute(owner), Type.value(type));
        assertEquals(1, published.size(), published.toString());
        Record expected = Record.fromString(name(owner), Type.value(type), DClass.IN, 300, value, Name.root);
        assertEquals(expected.rdataToString(), published.get(0).rdataToString());
        assertEquals(2, knot.serial(ZONE));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @MethodSource("otherRecords")
    void theKeyMayChangeNothingElse(String owner, String type, String value) throws Exception {
        assertFalse(policy.permits(domain(owner), RecordType.valueOf(type)), owner + " " + type);
        List<Record> before = knot.query(absolute(owner), Type.value(type));
        Update update = new Update(zone());
        update.add(name(owner), Type.value(type), 300, value);

        Message response = knot.send(update, key);

        assertRefused(response);
        assertEquals(before, knot.query(absolute(owner), Type.value(type)));
        assertEquals(1, knot.serial(ZONE));
    }

    @Test
    void deletingEverythingAtAMailNameIsRefused() throws Exception {
        // A delete of every record set at a name is of type ANY, which no grant allows.
        Update update = new Update(zone());
        update.delete(name("_dmarc"));

        assertRefused(knot.send(update, key));
        assertEquals(List.of("v=DMARC1; p=none"), knot.txt("_dmarc." + ZONE));
    }

    @Test
    void deletingAMailRecordSetIsAccepted() throws Exception {
        Update update = new Update(zone());
        update.delete(name("old._domainkey"), Type.TXT);

        Message response = knot.send(update, key);

        assertEquals(Rcode.NOERROR, response.getRcode(), knot.log());
        assertEquals(List.of(), knot.txt("old._domainkey." + ZONE));
    }

    @Test
    void anUpdateWithARecordOutsideTheGrantsIsRefusedWhole() throws Exception {
        Update update = new Update(zone());
        update.replace(zone(), Type.TXT, 300, "\"v=spf1 mx -all\"");
        update.add(name("www"), Type.TXT, 300, "\"defaced\"");

        assertRefused(knot.send(update, key));
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertEquals(List.of("site"), knot.txt("www." + ZONE));
    }

    @Test
    void knotJudgesAWholeUpdateByOneAclEntry() throws Exception {
        // Both records are allowed, but by two entries (exact names, and _dmarc and below): refused.
        Update twoEntries = new Update(zone());
        twoEntries.replace(zone(), Type.TXT, 300, "\"v=spf1 mx -all\"");
        twoEntries.replace(name("_dmarc"), Type.TXT, 300, "\"v=DMARC1; p=reject\"");
        assertRefused(knot.send(twoEntries, key));
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertEquals(List.of("v=DMARC1; p=none"), knot.txt("_dmarc." + ZONE));

        // Names of one entry may share an update.
        assertEquals(policy.knotAclId(policy.grantFor(domain("@"), RecordType.TXT).orElseThrow()),
                policy.knotAclId(policy.grantFor(domain("_mta-sts"), RecordType.TXT).orElseThrow()));
        Update oneEntry = new Update(zone());
        oneEntry.replace(zone(), Type.TXT, 300, "\"v=spf1 mx -all\"");
        oneEntry.replace(name("_mta-sts"), Type.TXT, 300, "\"v=STSv1; id=2\"");
        assertEquals(Rcode.NOERROR, knot.send(oneEntry, key).getRcode(), knot.log());
        assertEquals(List.of("v=spf1 mx -all"), knot.txt(ZONE));

        // And a selector may move from a TXT key to a provider's CNAME in one update: one entry.
        Update selector = new Update(zone());
        selector.delete(name("old._domainkey"), Type.TXT);
        selector.add(name("old._domainkey"), Type.CNAME, 300, "old.dkim.provider.test.");
        assertEquals(Rcode.NOERROR, knot.send(selector, key).getRcode(), knot.log());
        assertEquals(1, knot.query("old._domainkey." + ZONE, Type.CNAME).size());
    }

    @Test
    void knotRefusesTheTextsWhileThePlaceholderStandsForTheSecret(@TempDir Path folder) throws Exception {
        Path knotc = KnotServer.program("knotc").orElseThrow();
        Path conf = folder.resolve("knot.conf");
        Files.writeString(conf, policy.knotKeySection() + policy.knotAclSection(), StandardCharsets.UTF_8);

        Process check = new ProcessBuilder(knotc.toString(), "-c", conf.toString(), "conf-check")
                .redirectErrorStream(true).start();
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertFalse(check.exitValue() == 0, said);
        assertTrue(said.contains(UpdatePolicy.SECRET_PLACEHOLDER), said);
    }

    /** Knot refuses an update its ACL does not allow as if the key were unknown: NOTAUTH, TSIG error BADKEY. */
    private void assertRefused(Message response) {
        assertEquals(Rcode.NOTAUTH, response.getRcode(), Rcode.string(response.getRcode()) + "\n" + knot.log());
        assertNotNull(response.getTSIG());
        assertEquals(Rcode.BADKEY, response.getTSIG().getError(), Rcode.TSIGstring(response.getTSIG().getError()));
    }

    private static Name zone() throws Exception {
        return Name.fromString(ZONE + ".");
    }

    private static Name name(String owner) throws Exception {
        return Name.fromString(absolute(owner));
    }

    private static String absolute(String owner) {
        return owner.equals("@") ? ZONE + "." : owner + "." + ZONE + ".";
    }

    private static DomainName domain(String owner) {
        return DomainName.of(absolute(owner));
    }
}
