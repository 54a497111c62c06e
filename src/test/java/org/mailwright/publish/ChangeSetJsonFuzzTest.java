package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mailwright.i18n.ProblemException;

/**
 * A change-set file may come from anyone. The contract: reading it either gives a change set or
 * one {@link ProblemException} said in both languages, never another exception; and a change set
 * read is written and read back unchanged. {@code JAZZER_FUZZ=1 mvn test -Dtest=ChangeSetJsonFuzzTest} fuzzes.
 */
class ChangeSetJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws IOException {
        ChangeSet read;
        try {
            read = ChangeSetJson.read(new ByteArrayInputStream(data));
        } catch (ProblemException refused) {
            refused.problem().text(Locale.ENGLISH);
            refused.problem().text(Locale.forLanguageTag("es"));
            return;
        }
        ChangeSet again = ChangeSetJson.read(new ByteArrayInputStream(ChangeSetJson.write(read).getBytes(StandardCharsets.UTF_8)));
        assertEquals(read, again);
        ChangeSetExport.zoneSnippet(read, Locale.ENGLISH);
        ChangeSetExport.nsupdateScript(read, java.util.Optional.empty(), Locale.ENGLISH);
        ChangeSetExport.panelSheet(read);
        DynamicUpdate.message(read).toWire();
    }
}
