package org.mailwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mailwright.i18n.Problem;

/**
 * The lines of an {@code spf eval --batch} file, read with bounded memory whatever the file
 * holds: a line keeps at most {@value #MAX_LINE} octets (a longer one is skipped to its end and
 * becomes that line's error), a line that is not UTF-8 is that line's error, and a NUL octet ends
 * the file with one error, as no text file holds one ({@code /dev/zero}, a binary file given by
 * mistake). Lines end in LF or CRLF.
 */
final class SpfBatchLines {

    /**
     * The longest line read, in octets: an address, a MAIL FROM of at most 256 octets (RFC 5321)
     * and a HELO name of at most 255, with room to spare.
     */
    static final int MAX_LINE = 4096;
    private static final int BUFFER = 64 * 1024;

    /**
     * One line of the file.
     *
     * @param number its number, from 1
     * @param text the line without its end; empty when it could not be read
     * @param problem why it could not be read; empty when it was
     */
    record Line(long number, String text, Optional<Problem> problem) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;
    private long number;
    private boolean ended;

    SpfBatchLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or empty at the end of the file (or after a NUL octet). */
    Optional<Line> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        int kept = 0;
        long length = 0;
        boolean sawEnd = false;
        while (!sawEnd) {
            if (position == limit && !fill()) {
                ended = true;
                if (length == 0) {
                    return Optional.empty();
                }
                break;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                sawEnd = true;
            } else if (b == 0) {
                ended = true;
                return Optional.of(new Line(++number, "", Optional.of(new Problem("cli.error.spf-batch-binary"))));
            } else {
                if (kept < MAX_LINE) {
                    line[kept++] = b;
                }
                length++;
            }
        }
        number++;
        if (length > MAX_LINE) {
            return Optional.of(new Line(number, "", Optional.of(new Problem("cli.error.spf-batch-too-long", length, MAX_LINE))));
        }
        int end = kept > 0 && line[kept - 1] == '\r' ? kept - 1 : kept;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, end))
                    .toString();
            return Optional.of(new Line(number, text, Optional.empty()));
        } catch (CharacterCodingException notUtf8) {
            return Optional.of(new Line(number, "", Optional.of(new Problem("cli.error.spf-batch-not-utf8"))));
        }
    }

    /** Reads the next block of the file; false at its end. */
    private boolean fill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
