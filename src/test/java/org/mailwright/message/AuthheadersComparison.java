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
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimits;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.spf.IpText;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.testsupport.ReferencePython;

/** Messages decided by authheaders (over dkimpy and pyspf) and by Mailwright, both asking one test DNS server. */
final class AuthheadersComparison {

    /** A message as a receiver gets it: the connecting address, the envelope sender and the HELO name. */
    record Case(String name, String message, String ip, String mailFrom, String helo) {
    }

    private AuthheadersComparison() {
    }

    /**
     * Each case decided by authheaders and by Mailwright, both asking a test DNS server serving
     * {@code zones}; asserts they agree and returns the verdicts, "spf dkim dmarc arc" by file name.
     */
    static Map<String, String> verdicts(String python, Path folder, List<Case> cases, String... zones) throws Exception {
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
            String output = ReferencePython.run(python, AuthheadersComparison.class, "authenticate.py",
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
