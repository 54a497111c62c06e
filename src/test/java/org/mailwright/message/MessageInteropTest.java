package org.mailwright.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.testsupport.ReferencePython;

/**
 * Mailwright's SPF, DKIM, DMARC and ARC results against authheaders' (over dkimpy and pyspf), both
 * asking the same DNS server for the same messages: aligned and unaligned senders, changed bodies,
 * soft and hard SPF failures, subdomains, strict alignment and a domain without a policy.
 */
class MessageInteropTest {

    @Test
    void agreesWithAuthheadersOnEveryMethod(@TempDir Path folder) throws Exception {
        String python = ReferencePython.withModules("authheaders", "spf", "dkim", "dns.resolver");
        String signed = MessageFixtures.sign(MessageFixtures.MESSAGE, "example.org", "sel");
        String byService = MessageFixtures.sign(MessageFixtures.MESSAGE, "mailer.example.net", "s1");
        String soft = MessageFixtures.sign(MessageFixtures.MESSAGE.replace("alice@example.org", "alice@soft.example.com"),
                "soft.example.com", "sel");
        List<AuthheadersComparison.Case> cases = List.of(
                new AuthheadersComparison.Case("aligned", signed, "192.0.2.10", "bounce@example.org", "out.example.org"),
                new AuthheadersComparison.Case("service-bounce", signed, "203.0.113.9", "b-1@mailer.example.net", "smtp.mailer.example.net"),
                new AuthheadersComparison.Case("nothing-aligned", byService, "203.0.113.9", "b-1@mailer.example.net", "smtp.mailer.example.net"),
                new AuthheadersComparison.Case("body-changed-spf-aligned", signed.replace("attached", "gone"), "192.0.2.10", "bounce@example.org", "out.example.org"),
                new AuthheadersComparison.Case("body-changed-spf-fails", signed.replace("attached", "gone"), "198.51.100.1", "bounce@example.org", "x.example.net"),
                new AuthheadersComparison.Case("subdomain-sender", MessageFixtures.MESSAGE, "192.0.2.20", "bounce@mail.example.org", "out.example.org"),
                new AuthheadersComparison.Case("strict-alignment", MessageFixtures.MESSAGE.replace("alice@example.org", "alice@strict.example"),
                        "192.0.2.20", "bounce@mail.strict.example", "out.strict.example"),
                new AuthheadersComparison.Case("softfail-no-policy", soft.replace("attached", "gone"), "198.51.100.1", "x@soft.example.com", "x.example.net"),
                new AuthheadersComparison.Case("unsigned-spf-fails", MessageFixtures.MESSAGE, "198.51.100.1", "bounce@example.org", "x.example.net"));
        Map<String, String> verdicts = AuthheadersComparison.verdicts(python, folder, cases, MessageFixtures.zones());
        assertThat(verdicts.values()).anyMatch(v -> v.contains(" pass ")).anyMatch(v -> v.contains(" fail "));
    }
}
