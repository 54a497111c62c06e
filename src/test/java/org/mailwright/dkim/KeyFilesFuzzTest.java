package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A private key file may be damaged or not a key at all: {@link KeyFiles#parse} returns a key that
 * signs what its public half verifies, or refuses the file with a {@link KeyFileException}, with
 * or without a passphrase, and never throws anything else. {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=KeyFilesFuzzTest#parse} (or {@code #parseDer}) fuzzes.
 */
class KeyFilesFuzzTest {

    private static final String PASSPHRASE = "passphrase:";
    private static final String[] PEM_LABELS = {"PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY"};

    /** The whole file; an input that starts with a line {@code passphrase:WORDS} is read with that passphrase. */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.US_ASCII);
        char[] passphrase = null;
        if (text.startsWith(PASSPHRASE)) {
            int end = text.indexOf('\n');
            passphrase = text.substring(PASSPHRASE.length(), end < 0 ? text.length() : end).toCharArray();
            text = end < 0 ? "" : text.substring(end + 1);
        }
        readOrRefuse(text, passphrase);
    }

    /**
     * The octets after the first are the DER inside the PEM, so that the fuzzer changes the key's
     * structure rather than its base64; the first octet chooses the label (PKCS#8, PKCS#1, or
     * encrypted PKCS#8 read with the passphrase {@code secret}).
     */
    @FuzzTest(maxDuration = "10m")
    void parseDer(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String label = PEM_LABELS[(data[0] & 0xff) % PEM_LABELS.length];
        String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(Arrays.copyOfRange(data, 1, data.length))
                + "\n-----END " + label + "-----\n";
        readOrRefuse(pem, label.startsWith("ENCRYPTED") ? "secret".toCharArray() : null);
    }

    private static void readOrRefuse(String text, char[] passphrase) {
        DkimKey key;
        try {
            key = KeyFiles.parse(text, passphrase);
        } catch (KeyFileException refused) {
            refused.message(java.util.Locale.ENGLISH);
            return;
        }
        assertTrue(key.record().value().startsWith("v=DKIM1; k="));
        assertTrue(key.bits() > 0);
    }
}
