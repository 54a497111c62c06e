package org.mailwright.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.mailwright.i18n.ControlCharacters;

/**
 * What the command line writes, with each {@linkplain ControlCharacters unsafe control character}
 * replaced by U+FFFD, as {@link ControlCharacters#shown} shows it in the window: a report's text, a
 * message's header, a DNS answer or a file name can hold an escape sequence that would recolour,
 * retitle or clear the user's terminal, or reorder what it shows. JSON has them escaped already ({@link org.mailwright.json.Json}); Mailwright's own words
 * have none.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(ControlCharacters.unsafe((char) c) ? ControlCharacters.REPLACEMENT : c);
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        write(new String(text, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (ControlCharacters.unsafe(text.charAt(i))) {
                out.write(text, start, i - start);
                out.write(ControlCharacters.REPLACEMENT);
                start = i + 1;
            }
        }
        out.write(text, start, end - start);
    }
}
