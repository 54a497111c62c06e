package org.mailwright.reports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's octets as UTF-8, the one encoding {@link XmlScanner} reads: the charset from a byte
 * order mark or the XML declaration (UTF-8 when neither says), and a report in any other charset
 * decoded with octets that are not valid in it replaced by U+FFFD rather than failing the report,
 * then encoded again. Nearly every report is in UTF-8 and passes through as it is.
 */
final class XmlInput {

    private static final int PROLOG_OCTETS = 1024;
    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private XmlInput() {
    }

    /** The document's octets in UTF-8, after any byte order mark. */
    static InputStream utf8(InputStream octets) throws IOException {
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
            return in;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new Utf8Encoded(new InputStreamReader(in, decoder));
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

    /** Characters encoded as UTF-8 as they are read; a lone surrogate becomes U+FFFD. */
    private static final class Utf8Encoded extends InputStream {
        private final Reader in;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
        private final CharBuffer characters = CharBuffer.allocate(8192);
        private final ByteBuffer octets = ByteBuffer.allocate(8192 * 3);
        private boolean ended;

        Utf8Encoded(Reader in) {
            this.in = in;
            characters.flip();
            octets.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!octets.hasRemaining()) {
                if (ended && !characters.hasRemaining()) {
                    return -1;
                }
                characters.compact();
                int read = ended ? -1 : in.read(characters);
                characters.flip();
                if (read < 0) {
                    ended = true;
                }
                octets.clear();
                encoder.encode(characters, octets, ended);
                if (ended) {
                    encoder.flush(octets);
                }
                octets.flip();
            }
            int count = Math.min(length, octets.remaining());
            octets.get(buffer, offset, count);
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
