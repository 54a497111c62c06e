package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ServerAddress;
import org.mailwright.publish.RecordChange.Intent;

/**
 * The core against Knot: the prerequisite alone keeps a stale change from overwriting what
 * someone published meanwhile (the race between reading and sending), and the zone-file export
 * loads into Knot unchanged in meaning.
 */
class PublicationKnotTest {

    private static final String ZONE = "example.test";
    private static final DomainName APEX = DomainName.of(ZONE);
    private static final String ACL = "acl:\n  - id: update\n    key: mailwright\n    action: update\n";

    private final KnotServer.TsigKey fixtureKey = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
    private final TsigKey key = new TsigKey(DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256,
            Base64.getDecoder().decode(fixtureKey.secret()));
    private KnotServer knot;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (knot != null) {
            knot.close();
        }
    }

    @Test
    void theRecordsReadAreThePrerequisiteSoAStaleChangeIsRefusedWhole() {
        knot = KnotServer.builder().zone(ZONE, "@ TXT \"v=spf1 -all\"\n_dmarc TXT \"v=DMARC1; p=none\"\n")
                .key(fixtureKey).acl(ACL).zoneAcl(ZONE, "update").start();
        ServerAddress primary = new ServerAddress(knot.host(), knot.port());
        ChangeSet stale = ChangeSet.of(APEX, RecordChange.plan(APEX, 300, List.of(TxtData.of("v=spf1 a -all")),
                new Intent.Replace("v=spf1 mx -all")));
        ChangeSet notNew = ChangeSet.of(APEX, RecordChange.plan(DomainName.of("_dmarc.example.test"), 300, List.of(),
                new Intent.Add("v=DMARC1; p=reject")));

        try (ResolverService resolver = new ResolverService(ResolverOptions.forCommand())) {
            Publication.Outcome changed = Publication.send(resolver, primary, key, stale, Duration.ofSeconds(3));
            Publication.Outcome appeared = Publication.send(resolver, primary, key, notNew, Duration.ofSeconds(3));

            assertEquals("NXRRSET", changed.result().code(), knot.log());
            assertTrue(changed.result().changedSinceRead());
            assertTrue(changed.explain(Locale.ENGLISH).contains("someone changed or removed them since. The zone is unchanged."),
                    changed.explain(Locale.ENGLISH));
            assertEquals("YXRRSET", appeared.result().code());
            assertFalse(appeared.published());
        }
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertEquals(List.of("v=DMARC1; p=none"), knot.txt("_dmarc." + ZONE));
    }

    @Test
    void theZoneSnippetLoadsIntoKnotUnchangedInMeaning() throws Exception {
        String key2048 = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx".repeat(9);
        ChangeSet set = new ChangeSet(APEX, List.of(
                RecordChange.plan(APEX, 3600, List.of(TxtData.of("v=spf1 -all"), TxtData.of("verify=1")),
                        new Intent.Replace("v=spf1 mx -all")),
                RecordChange.plan(DomainName.of("s1._domainkey.example.test"), 600, List.of(), new Intent.Add(key2048)),
                RecordChange.plan(DomainName.of("_dmarc.example.test"), 300, List.of(),
                        new Intent.Add("v=DMARC1; p=none; rua=mailto:d@example.test \"quoted\" back\\slash ñ"))));
        String zoneFile = "$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                + "ns1 A 127.0.0.1\n" + ChangeSetExport.zoneSnippet(set, Locale.ENGLISH);
        Optional<Path> kzonecheck = KnotServer.program("kzonecheck");
        Assumptions.assumeTrue(kzonecheck.isPresent(), "kzonecheck is not installed: apt-get install -y knot-dnssecutils");
        Path file = folder.resolve("example.test.zone");
        Files.writeString(file, zoneFile, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(kzonecheck.get().toString(), "-o", "example.test", file.toString())
                .redirectErrorStream(true).start();
        assertTrue(check.waitFor(20, TimeUnit.SECONDS));
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), said);

        knot = KnotServer.builder().zoneFile(ZONE, zoneFile).start();

        for (RecordChange change : set.changes()) {
            assertEquals(change.wanted().stream().map(TxtData::value).sorted().toList(),
                    knot.txt(change.name().ascii()).stream().sorted().toList(), change.name().ascii());
        }
    }

}
