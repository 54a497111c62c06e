package org.mailwright.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.DkimZones;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimits;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.spf.IpText;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.testsupport.Conformance;
import org.mailwright.testsupport.ReferencePython;

/**
 * Mailwright's SPF, DKIM, DMARC and ARC results against authheaders' (over dkimpy and pyspf), both
 * asking the same DNS server for the same messages: aligned and unaligned senders, changed bodies,
 * soft and hard SPF failures, subdomains, strict alignment and a domain without a policy.
 */
class MessageInteropTest {

    private record Case(String name, String message, String ip, String mailFrom, String helo) {
    }

    @Test
    void agreesWithAuthheadersOnEveryMethod(@TempDir Path folder) throws Exception {
        String python = ReferencePython.withModules("authheaders", "spf", "dkim", "dns.resolver");
        String signed = MessageFixtures.sign(MessageFixtures.MESSAGE, "example.org", "sel");
        String byService = MessageFixtures.sign(MessageFixtures.MESSAGE, "mailer.example.net", "s1");
        String soft = MessageFixtures.sign(MessageFixtures.MESSAGE.replace("alice@example.org", "alice@soft.example.com"),
                "soft.example.com", "sel");
        List<Case> cases = List.of(
                new Case("aligned", signed, "192.0.2.10", "bounce@example.org", "out.example.org"),
                new Case("service-bounce", signed, "203.0.113.9", "b-1@mailer.example.net", "smtp.mailer.example.net"),
                new Case("nothing-aligned", byService, "203.0.113.9", "b-1@mailer.example.net", "smtp.mailer.example.net"),
                new Case("body-changed-spf-aligned", signed.replace("attached", "gone"), "192.0.2.10", "bounce@example.org", "out.example.org"),
                new Case("body-changed-spf-fails", signed.replace("attached", "gone"), "198.51.100.1", "bounce@example.org", "x.example.net"),
                new Case("subdomain-sender", MessageFixtures.MESSAGE, "192.0.2.20", "bounce@mail.example.org", "out.example.org"),
                new Case("strict-alignment", MessageFixtures.MESSAGE.replace("alice@example.org", "alice@strict.example"),
                        "192.0.2.20", "bounce@mail.strict.example", "out.strict.example"),
                new Case("softfail-no-policy", soft.replace("attached", "gone"), "198.51.100.1", "x@soft.example.com", "x.example.net"),
                new Case("unsigned-spf-fails", MessageFixtures.MESSAGE, "198.51.100.1", "bounce@example.org", "x.example.net"));
        Map<String, String> verdicts = verdicts(python, folder, cases, MessageFixtures.zones());
        assertThat(verdicts.values()).anyMatch(v -> v.contains(" pass ")).anyMatch(v -> v.contains(" fail "));
    }

    /**
     * Real messages (the IETF's list, Facebook, Topicbox and GitHub, with their key records, from
     * stalwartlabs mail-auth's DKIM tests) decided by both, now: signatures that have expired since
     * are expired for both. No SPF or DMARC record is served for their domains.
     */
    @Test
    void agreesWithAuthheadersOnRealMessages(@TempDir Path folder) throws Exception {
        String python = ReferencePython.withModules("authheaders", "spf", "dkim", "dns.resolver");
        DkimZones zones = new DkimZones();
        List<Case> cases = new ArrayList<>();
        for (String name : List.of("001", "002", "003", "004", "005", "006")) {
            String test = Files.readString(Conformance.path("dkim/mail-auth/" + name + ".txt"), StandardCharsets.UTF_8);
            int split = test.indexOf("\n\n");
            test.substring(0, split).lines().forEach(line -> {
                String[] record = line.split(" ", 2);
                zones.txt(record[0], record[1]);
            });
            String message = test.substring(split + 2).replace("\n", "\r\n");
            String from = Author.of(MailMessage.parse(message.getBytes(StandardCharsets.UTF_8))).domain().orElseThrow().ascii();
            // Every name above the author's answers (NXDOMAIN), as the real DNS would, so the DMARC tree walk ends in none.
            for (String above = from; ; above = above.substring(above.indexOf('.') + 1)) {
                zones.zone(above);
                if (!above.contains(".")) {
                    break;
                }
            }
            cases.add(new Case(name, message, "192.0.2.1", "bounce@" + from, from));
        }
        Map<String, String> verdicts = verdicts(python, folder, cases, zones.texts());
        assertThat(verdicts.values()).anyMatch(v -> v.contains(" pass ")).anyMatch(v -> v.contains(" fail "));
    }

    /**
     * Each case decided by authheaders and by Mailwright, both asking a test DNS server serving
     * {@code zones}; asserts they agree and returns the verdicts, "spf dkim dmarc arc" by file name.
     */
    private static Map<String, String> verdicts(String python, Path folder, List<Case> cases, String... zones) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (Case each : cases) {
            Path file = folder.resolve(each.name() + ".eml");
            Files.writeString(file, each.message(), StandardCharsets.UTF_8);
            lines.append(file).append('\t').append(each.ip()).append('\t').append(each.mailFrom()).append('\t')
                    .append(each.helo()).append('\n');
        }
        Path caseFile = folder.resolve("cases.tsv");
        Files.writeString(caseFile, lines);

        Map<String, String> theirs = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        try (TestDnsServer dns = TestDnsServer.start(zones);
             ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false).withTimeout(Duration.ofSeconds(2)))) {
            String output = ReferencePython.run(python, MessageInteropTest.class, "authenticate.py",
                    String.valueOf(dns.port()), caseFile.toString());
            for (String line : output.split("\n")) {
                List<String> parts = new ArrayList<>(List.of(line.split("\t")));
                String name = Path.of(parts.get(0)).getFileName().toString();
                // authheaders says dkim=fail for a message with no signature; RFC 8601 section 2.7.1 says none.
                if (!Files.readString(folder.resolve(name)).contains("DKIM-Signature") && parts.get(2).equals("fail")) {
                    parts.set(2, "none");
                }
                theirs.put(name, String.join(" ", parts.subList(1, 5)));
            }
            MessageChecker checker = new MessageChecker(resolver, dns.target(), Clock.systemUTC());
            for (Case each : cases) {
                MailMessage message = MailMessage.read(folder.resolve(each.name() + ".eml"), MessageLimits.DEFAULT);
                MessageVerdict verdict = checker.check(message, new Envelope(Optional.of(IpText.parseAddress(each.ip())),
                        Optional.of(each.helo()), Optional.of(each.mailFrom()))).join();
                ours.put(each.name() + ".eml", String.join(" ", verdict.spf().result(),
                        verdict.dkim().isEmpty() ? "none" : verdict.dkim().get(0).signature().result().jsonName(),
                        verdict.dmarc().result().jsonName(), verdict.arc().result().jsonName()));
            }
        }
        assertThat(ours).isEqualTo(theirs);
        return theirs;
    }
}
