package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.publish.KnotServer;

/**
 * {@code mailwright publish} against a real authoritative server: Knot DNS on loopback with a
 * TSIG key, updated and then asked. The proof: a record lands and Propagation turns green
 * for it; a wrong key is refused in words and the zone is unchanged; a value changed behind
 * Mailwright's back is not overwritten without consent.
 */
class PublishKnotTest {

    private static final String ZONE = "example.test";
    private static final String ACL = """
            acl:
              - id: mailwright-update
                key: mailwright
                action: update
            """;

    private final KnotServer.TsigKey key = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
    private KnotServer knot;

    @TempDir
    Path folder;

    private Path keyFile;

    @BeforeEach
    void start() throws IOException {
        knot = KnotServer.builder()
                .zone(ZONE, """
                        @       TXT "v=spf1 mx -all"
                        @       TXT "google-site-verification=abc"
                        _dmarc  TXT "v=DMARC1; p=none"
                        """)
                .key(key)
                .acl(ACL)
                .zoneAcl(ZONE, "mailwright-update")
                .start();
        keyFile = writeKey("mail.key", key);
    }

    @AfterEach
    void stop() {
        if (knot != null) {
            knot.close();
        }
    }

    private Path writeKey(String name, KnotServer.TsigKey tsig) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "key:\n  - id: " + tsig.name() + "\n    algorithm: " + tsig.algorithm()
                + "\n    secret: " + tsig.secret() + "\n");
        return file;
    }

    private String server() {
        return knot.host() + ":" + knot.port();
    }

    @Test
    void aRecordPublishedLandsInTheZoneAndPropagationTurnsGreen() {
        CommandRun published = run("publish", "--server", server(), "--zone", ZONE, "--tsig-secret-file", keyFile.toString(),
                "--name", "_dmarc.example.test", "--value", "v=DMARC1; p=quarantine", "--replace");

        assertEquals(0, published.exitCode(), published.err() + knot.log());
        assertTrue(published.out().contains("accepted the change. Read back from it, the records are now as wanted."), published.out());
        assertEquals(List.of("v=DMARC1; p=quarantine"), knot.txt("_dmarc." + ZONE));
        assertTrue(published.out().contains("mailwright propagation --name _dmarc.example.test --type TXT"
                + " --expect 'v=DMARC1; p=quarantine' --server " + server() + " --watch"), published.out());

        CommandRun propagation = run("propagation", "--name", "_dmarc.example.test", "--type", "TXT",
                "--expect", "v=DMARC1; p=quarantine", "--server", server());
        assertEquals(0, propagation.exitCode(), propagation.out() + propagation.err());
        assertTrue(propagation.out().contains("match"), propagation.out());
    }

    @Test
    void replacingSpfLeavesTheSiteVerificationAndTheJsonSaysSo() {
        CommandRun published = run("publish", "--server", server(), "--zone", ZONE, "--tsig-secret-file", keyFile.toString(),
                "--name", ZONE, "--value", "v=spf1 mx a -all", "--replace", "--json");

        assertEquals(0, published.exitCode(), published.err());
        assertTrue(published.out().contains("\"status\":\"accepted\",\"rcode\":\"NOERROR\""), published.out());
        assertEquals(List.of("google-site-verification=abc", "v=spf1 mx a -all"), knot.txt(ZONE).stream().sorted().toList());
    }

    @Test
    void aWrongKeyIsRefusedInWordsAndTheZoneIsUnchanged() throws IOException {
        long serial = knot.serial(ZONE);
        Path wrong = writeKey("wrong.key", key.withOtherSecret());

        CommandRun refused = run("publish", "--server", server(), "--zone", ZONE, "--tsig-secret-file", wrong.toString(),
                "--name", "_dmarc.example.test", "--value", "v=DMARC1; p=reject", "--replace");

        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("refused the change: BADSIG. The signature does not match"), refused.err());
        assertTrue(refused.err().contains("The zone is unchanged."), refused.err());
        assertFalse(refused.err().contains(key.secret().substring(0, 8)), refused.err());
        assertEquals(List.of("v=DMARC1; p=none"), knot.txt("_dmarc." + ZONE));
        assertEquals(serial, knot.serial(ZONE));
    }

    @Test
    void aValueChangedBehindOurBackIsNeverOverwrittenWithoutConsent() throws IOException {
        CommandRun exported = run("publish", "--server", server(), "--zone", ZONE, "--name", "_dmarc.example.test",
                "--value", "v=DMARC1; p=reject", "--replace", "--export", "json");
        Path changes = folder.resolve("dmarc.json");
        Files.writeString(changes, exported.out());
        CommandRun someoneElse = run("publish", "--server", server(), "--zone", ZONE, "--tsig-secret-file", keyFile.toString(),
                "--name", "_dmarc.example.test", "--value", "v=DMARC1; p=quarantine; rua=mailto:d@example.test", "--replace");
        assertEquals(0, someoneElse.exitCode(), someoneElse.err());

        CommandRun stopped = run("publish", "--server", server(), "--changes", changes.toString(),
                "--tsig-secret-file", keyFile.toString());
        assertEquals(1, stopped.exitCode());
        assertTrue(stopped.err().contains("changed since the change set was made"), stopped.err());
        assertEquals(List.of("v=DMARC1; p=quarantine; rua=mailto:d@example.test"), knot.txt("_dmarc." + ZONE));

        CommandRun consented = run("publish", "--server", server(), "--changes", changes.toString(),
                "--tsig-secret-file", keyFile.toString(), "--overwrite");
        assertEquals(0, consented.exitCode(), consented.err());
        assertEquals(List.of("v=DMARC1; p=reject"), knot.txt("_dmarc." + ZONE));
    }

    @Test
    void aSetChangingSeveralNamesPassesTheLeastPrivilegePolicyPublishPolicyWrites() throws IOException {
        CommandRun policy = run("publish-policy", "--zone", ZONE, "--tsig-name", "limited", "--tsig-alg", "hmac-sha256",
                "--software", "knot");
        assertEquals(0, policy.exitCode(), policy.err());
        knot.close();
        KnotServer.TsigKey limited = KnotServer.TsigKey.random("limited", "hmac-sha256");
        org.mailwright.publish.UpdatePolicy rules = org.mailwright.publish.UpdatePolicy.of(ZONE, "limited", "hmac-sha256");
        knot = KnotServer.builder()
                .zone(ZONE, "@ TXT \"v=spf1 -all\"\n")
                .key(limited)
                .acl(rules.knotAclSection())
                .zoneAcl(ZONE, rules.knotAclIds().toArray(String[]::new))
                .start();
        Path limitedKey = writeKey("limited.key", limited);
        Path changes = folder.resolve("two.json");
        Files.writeString(changes, """
                {"zone": "example.test", "changes": [
                  {"name": "example.test", "type": "TXT", "ttl": 300, "published": ["v=spf1 -all"], "new": ["v=spf1 mx -all"]},
                  {"name": "_dmarc.example.test", "type": "TXT", "ttl": 300, "published": [], "new": ["v=DMARC1; p=none"]}]}
                """);

        CommandRun published = run("publish", "--server", server(), "--changes", changes.toString(),
                "--tsig-secret-file", limitedKey.toString());

        assertEquals(0, published.exitCode(), published.err() + knot.log());
        assertEquals(List.of("v=spf1 mx -all"), knot.txt(ZONE));
        assertEquals(List.of("v=DMARC1; p=none"), knot.txt("_dmarc." + ZONE));
    }
}
