package org.mailwright.publish;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.i18n.ProblemException;

/**
 * A key file is whatever the user points at. The contract: it gives a key or one
 * {@link ProblemException} that says why, never another exception, whatever the options.
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TsigKeyFileFuzzTest} fuzzes.
 */
class TsigKeyFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (Optional<String> name : java.util.List.of(Optional.<String>empty(), Optional.of("mail-updates"))) {
            try {
                TsigKey key = TsigKeyFile.parse(text, name, Optional.of(TsigAlgorithm.HMAC_SHA256));
                key.toString();
                key.isShort();
            } catch (ProblemException refused) {
                refused.problem().text(Locale.ENGLISH);
            }
        }
    }
}
