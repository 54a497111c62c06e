package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.testdns.TestDnsServer;

/**
 * {@code mailwright publish} up to the moment it would send: usage, the diff against what the
 * primary publishes, dry runs, exports and saved change sets read again. Sending is proven against
 * a real Knot server in {@code PublishKnotTest}.
 */
class PublishCommandTest {

    private static final String ZONE = """
            $ORIGIN example.test.
            $TTL 300
            @       IN SOA ns1 hostmaster 2026120601 3600 600 86400 120
            @       IN NS  ns1
            ns1     IN A   127.0.0.1
            @       IN TXT "v=spf1 mx -all"
            @       IN TXT "google-site-verification=abc"
            _dmarc  IN TXT "v=DMARC1; p=none"
            """;

    private final TestDnsServer primary = TestDnsServer.start(ZONE);

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        primary.close();
    }

    private String[] publish(String... more) {
        String[] base = {"publish", "--server", primary.address().toString(), "--zone", "example.test"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void aDryRunShowsTheDiffAndTheExactUpdateWithoutTheSecret() throws IOException {
        Path key = folder.resolve("mail.key");
        String secret = "9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0=";
        Files.writeString(key, "hmac-sha256:mwkey:" + secret + "\n");
        boolean posix = Files.getFileStore(key).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }

        CommandRun dry = run(publish("--name", "example.test", "--value", "v=spf1 mx a -all", "--replace",
                "--tsig-secret-file", key.toString(), "--dry-run"));

        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("example.test TXT (TTL 300): replaced\n  - v=spf1 mx -all\n"
                + "  = google-site-verification=abc\n  + v=spf1 mx a -all\n"), dry.out());
        assertTrue(dry.out().contains("signed with the key mwkey (hmac-sha256)"), dry.out());
        assertTrue(dry.out().contains("example.test. 0 NONE TXT \"v=spf1 mx -all\"\nexample.test. 300 IN TXT \"v=spf1 mx a -all\"\n"), dry.out());
        assertFalse(dry.out().contains(secret.substring(0, 12)) || dry.err().contains(secret.substring(0, 12)));
        assertTrue(dry.err().contains("can be read by other users") || !posix, dry.err());
    }

    @Test
    void aValueAlreadyPublishedNeedsNothingAndSaysSo() {
        CommandRun same = run(publish("--name", "_dmarc.example.test", "--value", "v=DMARC1; p=none", "--replace",
                "--dry-run"));

        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("Nothing to change"), same.out());
    }

    @Test
    void anExportedChangeSetIsReadAgainAndAChangeBehindOurBackStopsIt() throws IOException {
        CommandRun exported = run(publish("--name", "_dmarc.example.test", "--value", "v=DMARC1; p=reject", "--replace",
                "--export", "json", "--json"));
        assertEquals(0, exported.exitCode(), exported.err());
        Path changes = folder.resolve("dmarc.json");
        Files.writeString(changes, exported.out());

        primary.replaceZones(ZONE.replace("p=none", "p=quarantine"));
        CommandRun stopped = run("publish", "--server", primary.address().toString(), "--changes", changes.toString(),
                "--dry-run");
        CommandRun overwritten = run("publish", "--server", primary.address().toString(), "--changes", changes.toString(),
                "--dry-run", "--overwrite");

        assertEquals(1, stopped.exitCode());
        assertTrue(stopped.err().contains("then: v=DMARC1; p=none\n  now:  v=DMARC1; p=quarantine"), stopped.err());
        assertEquals(0, overwritten.exitCode(), overwritten.err());
        assertTrue(overwritten.out().contains("  - v=DMARC1; p=quarantine\n  + v=DMARC1; p=reject"), overwritten.out());
    }

    @Test
    void everyExportFormComesFromTheSavedSetWithoutAServer() throws IOException {
        CommandRun exported = run(publish("--name", "s1._domainkey.example.test", "--value", "v=DKIM1; p=KEY", "--export", "json"));
        Path changes = folder.resolve("dkim.json");
        Files.writeString(changes, exported.out());

        CommandRun zone = run("publish", "--changes", changes.toString(), "--export", "zone");
        CommandRun nsupdate = run("publish", "--changes", changes.toString(), "--export", "nsupdate");
        CommandRun panel = run(Locale.forLanguageTag("es"), "publish", "--changes", changes.toString(), "--export", "panel");

        assertTrue(zone.out().contains("s1._domainkey.example.test. 3600 IN TXT \"v=DKIM1; p=KEY\"\n"), zone.out());
        assertTrue(nsupdate.out().contains("prereq nxrrset s1._domainkey.example.test. TXT\n"
                + "update add s1._domainkey.example.test. 3600 TXT \"v=DKIM1; p=KEY\"\nsend\n"), nsupdate.out());
        assertTrue(panel.out().startsWith("Añada este registro\n  Host: s1._domainkey\n"), panel.out());
    }

    @Test
    void badUsageIsOneLineAndExitTwo() throws IOException {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"zone\": \"example.test\", \"changes\": [{\"name\": \"x.example.org\"}]}");

        for (String[] args : new String[][] {
                publish("--name", "example.test", "--value", "v=spf1 -all"),
                publish("--name", "example.test", "--type", "MX", "--value", "10 mx"),
                publish("--name", "example.org", "--value", "x", "--dry-run"),
                publish("--name", "example.test", "--value", "x", "--replace", "--delete"),
                {"publish", "--server", "google", "--zone", "example.test", "--name", "example.test", "--value", "x", "--dry-run"},
                {"publish", "--changes", broken.toString(), "--export", "zone"},
                publish("--name", "example.test", "--value", "x", "--tsig-secret-file", folder.resolve("none").toString())}) {
            CommandRun refused = run(args);
            assertEquals(2, refused.exitCode(), String.join(" ", args) + "\n" + refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertFalse(refused.err().contains("Exception") || refused.err().contains("org.mailwright"), refused.err());
        }
        CommandRun aFolder = run("publish", "--changes", folder.toString(), "--export", "nsupdate");
        assertEquals(2, aFolder.exitCode());
        assertTrue(aFolder.err().startsWith(folder + " is a folder; give the change set's own file (FILE.json)."), aFolder.err());
    }

    @Test
    void aPrimaryThatCannotSayWhatIsPublishedChangesNothing() {
        primary.setBehaviour(TestDnsServer.Behaviour.SILENT);

        CommandRun silent = run(publish("--name", "example.test", "--value", "x", "--dry-run", "--timeout-ms", "200",
                "--retries", "0"));

        assertEquals(1, silent.exitCode());
        assertTrue(silent.err().contains("could not say what is at example.test now, so nothing is changed"), silent.err());

        CommandRun json = run(publish("--name", "example.test", "--value", "x", "--dry-run", "--timeout-ms", "200",
                "--retries", "0", "--json"));
        assertEquals(1, json.exitCode());
        assertTrue(json.out().startsWith("{\"zone\":\"example.test\",\"server\":\"" + primary.address() + "\",\"dry_run\":true,"
                + "\"status\":\"unreadable\""), json.out());
    }
}
