package org.mailwright.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.Outcome;
import org.mailwright.testsupport.ReferencePython;

/**
 * Mailwright's ARC verdicts against dkimpy's: dkimpy seals messages as one, two and three handlers
 * would, the messages are then changed the ways mail gets changed or forged, and both verifiers
 * judge every one of them.
 */
class ArcInteropTest {

    @Test
    void agreesWithDkimpyOnEveryScenario(@TempDir Path folder) throws Exception {
        String python = ReferencePython.withModules("dkim");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Map<String, String> records = Map.of(
                "arc1._domainkey.relay.example.com", record,
                "arc2._domainkey.lists.example.net", record);
        Path privateKey = folder.resolve("key.pem");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        List<String> arguments = new ArrayList<>(List.of(privateKey.toString(), folder.toString()));
        records.forEach((name, value) -> arguments.add(name + "=" + value));

        String verdicts = ReferencePython.run(python, ArcInteropTest.class, "arc_scenarios.py", arguments.toArray(String[]::new));

        ArcVerifier verifier = new ArcVerifier(new DkimVerifier(keys(records), Clock.systemUTC(), VerificationRules.standard()));
        Map<String, String> theirs = new HashMap<>();
        Map<String, String> ours = new HashMap<>();
        for (String line : verdicts.split("\n")) {
            String[] parts = line.split("\t", 3);
            theirs.put(parts[0], parts[1]);
            MailMessage message = MailMessage.read(folder.resolve(parts[0] + ".eml"), MessageLimits.DEFAULT);
            ArcReport report = verifier.verify(message).join();
            ours.put(parts[0], report.result().jsonName());
        }
        assertThat(ours).isEqualTo(theirs);
        // The scenarios are meant to cover every status; a change that made them all agree on one would prove little.
        assertThat(theirs.values()).contains("pass", "fail", "none");
        assertThat(theirs).containsEntry("three-hops", "pass").containsEntry("body-changed-after-newest-set", "fail");
    }

    private static KeySource keys(Map<String, String> records) {
        return name -> CompletableFuture.completedFuture(records.containsKey(name)
                ? KeyLookup.given(name, records.get(name))
                : new KeyLookup(name, Outcome.NXDOMAIN, List.of(), Optional.empty(), "nxdomain"));
    }
}
