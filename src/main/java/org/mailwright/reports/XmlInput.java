package org.mailwright.reports;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a report's octets into characters the way a tolerant reader must: the charset from a byte
 * order mark or the XML declaration (UTF-8 when neither says), octets that are not valid in it
 * replaced by U+FFFD rather than failing the report (a name with one bad byte is still a name), and
 * characters XML 1.0 forbids (control characters some reporters emit) replaced the same way.
 * Markup is bounded as it passes: the parser holds a whole element name, attribute or comment in
 * memory, so a run of characters without {@code <} or {@code >} longer than any report needs is
 * refused before it is read whole.
 */
final class XmlInput {

    private static final int PROLOG_OCTETS = 1024;
    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private XmlInput() {
    }

    /**
     * The longest run of characters between two {@code <} or {@code >}, some 8 MB in memory: far
     * past the longest text a report may have (refused sooner, by its own bound), and past the octets
     * a bomb may produce before its compression ratio is checked.
     */
    static final int LONGEST_RUN = 4 << 20;

    static Reader reader(InputStream octets) throws IOException {
        BufferedInputStream in = octets instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(octets, 64 * 1024);
        in.mark(PROLOG_OCTETS);
        byte[] prolog = in.readNBytes(PROLOG_OCTETS);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (prolog.length >= 3 && (prolog[0] & 0xff) == 0xEF && (prolog[1] & 0xff) == 0xBB && (prolog[2] & 0xff) == 0xBF) {
            bom = 3;
        } else if (prolog.length >= 2 && (prolog[0] & 0xff) == 0xFE && (prolog[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (prolog.length >= 2 && (prolog[0] & 0xff) == 0xFF && (prolog[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else {
            Matcher declared = ENCODING.matcher(new String(prolog, StandardCharsets.ISO_8859_1));
            if (declared.find()) {
                charset = charset(declared.group(1));
            }
        }
        in.skipNBytes(bom);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new Utf8Characters(in);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new XmlCharacters(new InputStreamReader(in, decoder));
    }

    /** The declared charset, or UTF-8 when Java does not know it or it cannot be right (UTF-16 without a mark). */
    private static Charset charset(String name) {
        try {
            Charset charset = Charset.forName(name);
            // A declaration that could be read as ASCII is not in UTF-16 or UTF-32, whatever it says.
            String canonical = charset.name().toUpperCase(java.util.Locale.ROOT);
            return canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32") || !charset.canEncode()
                    ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Whether XML 1.0 allows {@code c} in a document: tab, line feed and carriage return of the controls; no non-character. */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    private static void bound(long run) {
        if (run > LONGEST_RUN) {
            throw new ReportFormatException("reports.error.markup-too-long", LONGEST_RUN);
        }
    }

    /** Replaces the characters XML 1.0 does not allow by U+FFFD, in place, as they are read, and bounds the runs between markup. */
    private static final class XmlCharacters extends FilterReader {
        private int run;

        XmlCharacters(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c < 0 ? c : checked((char) c);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            int end = offset + read;
            // Where the current run began, as an index into this buffer (before it when the run goes on from the last read).
            int runStart = offset - run;
            for (int i = offset; i < end; i++) {
                char c = buffer[i];
                // Every character that needs a look is below '?' (the delimiters, the control characters) or a non-character.
                if (c < '?') {
                    if (c == '<' || c == '>') {
                        bound(i - runStart);
                        runStart = i + 1;
                    } else if (!allowed(c)) {
                        buffer[i] = '\uFFFD';
                    }
                } else if (c >= 0xFFFE) {
                    buffer[i] = '\uFFFD';
                }
            }
            if (read > 0) {
                run = end - runStart;
                bound(run);
            }
            return read;
        }

        private char checked(char c) {
            if (c == '<' || c == '>') {
                run = 0;
            } else {
                bound(++run);
            }
            return allowed(c) ? c : '\uFFFD';
        }

    }

    /**
     * UTF-8, nearly every report's charset, decoded and checked in one pass over the octets: the
     * same characters as the JDK's decoder (each malformed sequence, the longest start of a valid
     * one or an encoded surrogate, replaced by one U+FFFD) followed by {@link XmlCharacters},
     * which went over every character a second time and was half of the reading's cost.
     */
    private static final class Utf8Characters extends Reader {
        private final InputStream in;
        private final byte[] octets = new byte[64 * 1024];
        private int position;
        private int limit;
        private boolean ended;
        /** Characters since the last {@code <} or {@code >}. */
        private long run;
        /** The low surrogate of a supplementary character whose high one filled the last buffer. */
        private char pendingLow;

        Utf8Characters(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int out = offset;
            int end = offset + length;
            if (pendingLow != 0) {
                buffer[out++] = pendingLow;
                pendingLow = 0;
                run++;
            }
            byte[] octets = this.octets;
            while (out < end) {
                if (limit - position < 4 && !ended) {
                    fill();
                }
                if (position == limit) {
                    break;
                }
                // The ASCII run first, with what it needs kept in locals: nearly every octet of a report.
                int at = position;
                int stop = at + Math.min(end - out, limit - at);
                long shown = run;
                while (at < stop) {
                    int octet = octets[at];
                    if (octet < 0) {
                        break;
                    }
                    at++;
                    char c = (char) octet;
                    if (c < '?') {
                        if (c == '<' || c == '>') {
                            bound(shown);
                            shown = -1;
                        } else if (!allowed(c)) {
                            c = '\uFFFD';
                        }
                    }
                    buffer[out++] = c;
                    shown++;
                }
                position = at;
                run = shown;
                if (at == stop) {
                    continue;
                }
                if (limit - position < 4 && !ended) {
                    fill();
                }
                int codePoint = sequence();
                if (codePoint < 0x10000) {
                    buffer[out++] = allowed((char) codePoint) ? (char) codePoint : '\uFFFD';
                    run++;
                } else {
                    buffer[out++] = Character.highSurrogate(codePoint);
                    char low = Character.lowSurrogate(codePoint);
                    if (out < end) {
                        buffer[out++] = low;
                    } else {
                        pendingLow = low;
                    }
                    run += 2;
                }
            }
            bound(run);
            return out == offset ? -1 : out - offset;
        }

        /**
         * The code point of the multi-octet sequence at {@link #position}, which it passes; U+FFFD for
         * a malformed one, after the longest start of a valid sequence (at least one octet).
         */
        private int sequence() {
            int lead = octets[position] & 0xff;
            int needed;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                needed = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                needed = 2;
                low = lead == 0xE0 ? 0xA0 : 0x80;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                needed = 3;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                position++;
                return 0xFFFD;
            }
            int codePoint = lead & (0x3F >> needed);
            int at = position + 1;
            for (int i = 0; i < needed; i++, at++) {
                int next = at < limit ? octets[at] & 0xff : -1;
                if (next < low || next > high) {
                    position = at;
                    return 0xFFFD;
                }
                codePoint = codePoint << 6 | next & 0x3F;
                low = 0x80;
                high = 0xBF;
            }
            position = at;
            // An encoded surrogate is one malformed sequence of three octets, as the JDK decodes it.
            return Character.isSurrogate((char) codePoint) && codePoint < 0x10000 ? 0xFFFD : codePoint;
        }

        /** Moves what is left to the front and reads more, so that a whole sequence is in the buffer. */
        private void fill() throws IOException {
            int left = limit - position;
            System.arraycopy(octets, position, octets, 0, left);
            position = 0;
            limit = left;
            while (limit < octets.length) {
                int read = in.read(octets, limit, octets.length - limit);
                if (read < 0) {
                    ended = true;
                    return;
                }
                limit += read;
                if (limit >= 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
