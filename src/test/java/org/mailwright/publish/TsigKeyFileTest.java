package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.ProblemException;

class TsigKeyFileTest {

    private static final String SECRET = "9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0=";
    private static final TsigKey KEY = new TsigKey(DomainName.of("mail-updates"), TsigAlgorithm.HMAC_SHA256,
            Base64.getDecoder().decode(SECRET));

    @Test
    void everyFormTheServersToolsWriteIsRead() {
        String bind = "key \"mail-updates\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + SECRET + "\";\n};\n";
        String knot = "# hmac-sha256:mail-updates:" + SECRET + "\nkey:\n  - id: mail-updates\n    algorithm: hmac-sha256\n"
                + "    secret: " + SECRET + "\n";
        String colon = "hmac-sha256:mail-updates:" + SECRET + "\n";

        assertEquals(KEY, TsigKeyFile.parse(bind, Optional.empty(), Optional.empty()));
        assertEquals(KEY, TsigKeyFile.parse(knot, Optional.empty(), Optional.empty()));
        assertEquals(KEY, TsigKeyFile.parse(colon, Optional.empty(), Optional.empty()));
        assertEquals(KEY, TsigKeyFile.parse(SECRET + "\n", Optional.of("mail-updates"), Optional.of(TsigAlgorithm.HMAC_SHA256)));
    }

    @Test
    void aFileWithSeveralKeysNeedsTheNameAndTheNameChooses() {
        String two = "key \"a\" { algorithm hmac-sha512; secret \"" + SECRET + "\"; };\n"
                + "key \"mail-updates\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n";

        assertProblem(() -> TsigKeyFile.parse(two, Optional.empty(), Optional.empty()), "2 keys");
        assertEquals(KEY, TsigKeyFile.parse(two, Optional.of("mail-updates"), Optional.empty()));
    }

    @Test
    void optionsThatDisagreeWithTheFileAreRefused() {
        String colon = "hmac-sha256:mail-updates:" + SECRET;

        assertProblem(() -> TsigKeyFile.parse(colon, Optional.of("other"), Optional.empty()), "not other");
        assertProblem(() -> TsigKeyFile.parse(colon, Optional.empty(), Optional.of(TsigAlgorithm.HMAC_SHA512)), "hmac-sha256, not");
        assertProblem(() -> TsigKeyFile.parse(SECRET, Optional.empty(), Optional.of(TsigAlgorithm.HMAC_SHA256)), "--tsig-name");
        assertProblem(() -> TsigKeyFile.parse(SECRET, Optional.of("k"), Optional.empty()), "--tsig-alg");
        assertProblem(() -> TsigKeyFile.parse("hmac-md5:k:" + SECRET, Optional.empty(), Optional.empty()), "hmac-md5");
        assertProblem(() -> TsigKeyFile.parse("not a key at all", Optional.empty(), Optional.empty()), "No TSIG secret");
    }

    @Test
    void theSecretNeverShowsInTextAndAShortOneIsFlagged() {
        assertFalse(KEY.toString().contains(SECRET.substring(0, 4)), KEY.toString());
        assertEquals("sha256:7e3de28f", KEY.fingerprint(), "a digest of the secret, none of its characters");
        assertFalse(KEY.isShort());
        assertTrue(new TsigKey(DomainName.of("k"), TsigAlgorithm.HMAC_SHA512, new byte[32]).isShort());
    }

    private static void assertProblem(org.junit.jupiter.api.function.Executable parse, String expected) {
        ProblemException problem = assertThrows(ProblemException.class, parse);
        assertTrue(problem.problem().text(Locale.ENGLISH).contains(expected), problem.problem().text(Locale.ENGLISH));
    }
}
