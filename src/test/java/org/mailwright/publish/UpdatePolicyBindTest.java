package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BIND texts, checked by BIND's own named-checkconf where it happens to be installed (the
 * build does not install BIND; the texts themselves are proven in {@link UpdatePolicyTest}).
 */
class UpdatePolicyBindTest {

    private final UpdatePolicy policy = UpdatePolicy.of("example.com", "mailwright", "hmac-sha512");

    @Test
    void namedCheckconfAcceptsTheKeyAndTheUpdatePolicyOnceTheSecretIsIn(@TempDir Path folder) throws Exception {
        String secret = Base64.getEncoder().encodeToString(new byte[64]);
        assertEquals(0, check(folder, namedConf(policy.bindKeyStatement().replace(UpdatePolicy.SECRET_PLACEHOLDER, secret))));
    }

    @Test
    void namedCheckconfRefusesTheKeyWhileThePlaceholderStandsForTheSecret(@TempDir Path folder) throws Exception {
        assertNotEquals(0, check(folder, namedConf(policy.bindKeyStatement())));
    }

    private String namedConf(String keyStatement) {
        return keyStatement
                + "zone \"example.com\" {\n"
                + "    type master;\n"
                + "    file \"example.com.zone\";\n"
                + policy.bindUpdatePolicy().indent(4)
                + "};\n";
    }

    private static int check(Path folder, String namedConf) throws Exception {
        Optional<Path> namedCheckconf = KnotServer.program("named-checkconf");
        Assumptions.assumeTrue(namedCheckconf.isPresent(), "named-checkconf (BIND) is not installed; the BIND texts are not checked by BIND.");
        Path conf = folder.resolve("named.conf");
        Files.writeString(conf, namedConf, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(namedCheckconf.get().toString(), conf.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "named-checkconf did not end");
        System.out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return process.exitValue();
    }
}
