package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any octets as a mail message: its parts are numbered in order, each inside a multipart or message
 * that comes before it, within the depth and count bounds; or it is refused for a bound. The inputs
 * beside this class are the regression corpus; {@code JAZZER_FUZZ=1 mvn test -Dtest=MimeFuzzTest} fuzzes.
 */
class MimeFuzzTest {

    private static final ReportLimits LIMITS = new ReportLimits(1 << 20, 250, 8, 1 << 20, 64, 6, 16, 1024, 100);

    @FuzzTest(maxDuration = "10m")
    void parts(byte[] data) {
        List<Mime.Part> parts;
        try {
            parts = Mime.parts(data, LIMITS);
        } catch (ReportFormatException refused) {
            return;
        }
        assertTrue(!parts.isEmpty() && parts.size() <= LIMITS.maxMimeParts());
        for (int i = 0; i < parts.size(); i++) {
            Mime.Part part = parts.get(i);
            assertEquals(i, part.index());
            assertTrue(part.parent() < i && (i == 0) == (part.parent() < 0), "parent before child");
            assertTrue(part.depth() <= LIMITS.maxNesting());
            assertTrue(part.type().indexOf('/') > 0, part.type());
        }
        for (Mime.Part part : parts) {
            Mime.decodeWords(part.header("Subject"));
            String subject = Mime.headerText(part.header("Subject"));
            assertTrue(subject == null || subject.length() <= part.header("Subject").length(), "decoding never adds text");
        }
    }
}
