package org.mailwright.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.DkimZones;
import org.mailwright.dkim.MailMessage;
import org.mailwright.testsupport.Conformance;
import org.mailwright.testsupport.ReferencePython;

/**
 * Real messages (the IETF's list, Facebook, Topicbox and GitHub, with their key records, from
 * stalwartlabs mail-auth's DKIM tests in the shared conformance data) decided by authheaders and by
 * Mailwright, now: signatures that have expired since are expired for both. No SPF or DMARC record
 * is served for their domains.
 */
class RealMessageInteropTest {

    @Test
    void agreesWithAuthheaders(@TempDir Path folder) throws Exception {
        String python = ReferencePython.withModules("authheaders", "spf", "dkim", "dns.resolver");
        DkimZones zones = new DkimZones();
        List<AuthheadersComparison.Case> cases = new ArrayList<>();
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
            cases.add(new AuthheadersComparison.Case(name, message, "192.0.2.1", "bounce@" + from, from));
        }
        Map<String, String> verdicts = AuthheadersComparison.verdicts(python, folder, cases, zones.texts());
        assertThat(verdicts.values()).anyMatch(v -> v.contains(" pass ")).anyMatch(v -> v.contains(" fail "));
    }
}
