package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reports' octets into characters: UTF-8 as the JDK decodes it, then with what XML 1.0 forbids replaced. */
class XmlInputTest {

    /** The JDK's UTF-8 decoder, malformed input replaced, then every character XML 1.0 forbids replaced too. */
    private static String expected(byte[] octets) throws IOException {
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(octets)).toString();
        StringBuilder allowed = new StringBuilder(decoded.length());
        for (char c : decoded.toCharArray()) {
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            allowed.append(control || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
        }
        return allowed.toString();
    }

    private static String read(byte[] octets, int chunk) throws IOException {
        // Served a few octets at a time, as a slow stream would: sequences cut between two reads.
        InputStream trickle = new ByteArrayInputStream(octets) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
        StringWriter out = new StringWriter();
        try (Reader reader = XmlInput.reader(trickle)) {
            char[] buffer = new char[chunk + 1];
            int read;
            while ((read = reader.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, read);
            }
        }
        return out.toString();
    }

    @Test
    void utf8IsDecodedAsTheJdkDecodesItWhateverTheOctets() throws IOException {
        Random random = new Random(6122026);
        byte[][] pieces = {
            "<a>".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
            "𝄞".getBytes(StandardCharsets.UTF_8), {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {1, 9, 10, 13, 31}, {(byte) 0x80}, {(byte) 0xFF},
        };
        for (int round = 0; round < 3000; round++) {
            java.io.ByteArrayOutputStream octets = new java.io.ByteArrayOutputStream();
            for (int n = random.nextInt(40); n >= 0; n--) {
                if (random.nextInt(4) == 0) {
                    octets.write(random.nextInt(256));
                } else {
                    octets.writeBytes(pieces[random.nextInt(pieces.length)]);
                }
            }
            byte[] bytes = octets.toByteArray();
            if (bytes.length >= 2 && (bytes[0] & 0xff) >= 0xFE) {
                continue;
            }
            String wanted = expected(bytes);
            for (int chunk : new int[] {1, 3, 4096}) {
                assertEquals(wanted, read(bytes, chunk), () -> "octets " + java.util.HexFormat.of().formatHex(bytes) + " in reads of " + chunk);
            }
        }
    }

    @Test
    void aRunWithoutMarkupLongerThanAnyReportNeedsIsRefused() {
        byte[] run = new byte[XmlInput.LONGEST_RUN + 2];
        java.util.Arrays.fill(run, (byte) 'a');
        run[0] = '<';
        ReportFormatException refused = assertThrows(ReportFormatException.class, () -> read(run, 64 * 1024));
        assertEquals("reports.error.markup-too-long", refused.problem().key());
    }
}
