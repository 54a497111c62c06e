package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw RFC 5322 message split into its header fields and body, octet for octet. Messages saved
 * with bare LF line ends (as most .eml files on Unix are) are read with CRLF, the form DKIM signs;
 * an mbox {@code From } separator line at the top is dropped. Messages come from strangers, so
 * they are read within {@link MessageLimits}; the body stays where it lies in the message and is
 * canonicalized from there, never copied.
 */
public final class MailMessage {

    private final List<HeaderField> headers;
    /** The fields of each name, lower case, top to bottom: h= takes them bottom-up in one step each. */
    private final Map<String, List<HeaderField>> byName = new HashMap<>();
    private final byte[] text;
    private final int bodyStart;
    private final boolean headerOnly;

    private MailMessage(List<HeaderField> headers, byte[] text, int bodyStart, boolean headerOnly) {
        this.headers = List.copyOf(headers);
        this.text = text;
        this.bodyStart = bodyStart;
        this.headerOnly = headerOnly;
        for (HeaderField field : this.headers) {
            byName.computeIfAbsent(field.lowerCaseName(), name -> new ArrayList<>()).add(field);
        }
    }

    /**
     * Reads a message file, a device or a pipe, whose CRLF form may have no more than
     * {@code limits.maxBytes()} octets: a file known to be larger is refused before any of it is
     * read, anything else as soon as it passes the bound. A file is read twice, first to count
     * its bare LFs, so that its CRLF form is made straight into one array of the right size: the
     * message is in memory once, however its lines end.
     *
     * @throws IOException when the file cannot be read, or changes while it is read
     * @throws MessageLimitException when the message passes one of {@code limits}
     */
    public static MailMessage read(Path file, MessageLimits limits) throws IOException {
        if (!Files.isRegularFile(file)) {
            return parse(BoundedFiles.read(file, limits.maxBytes()).orElseThrow(() -> tooLarge(limits)), limits);
        }
        if (Files.size(file) > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        long crlfLength = new CrlfCopy(null).copy(file, limits.maxBytes());
        byte[] text = new byte[(int) crlfLength];
        if (new CrlfCopy(text).copy(file, crlfLength) != crlfLength) {
            throw new IOException(file + " changed while it was read.");
        }
        return parse(text, limits);
    }

    /** @throws MessageLimitException when the message passes one of the {@link MessageLimits#DEFAULT} bounds */
    public static MailMessage parse(byte[] raw) {
        return parse(raw, MessageLimits.DEFAULT);
    }

    /** @throws MessageLimitException when the message passes one of {@code limits} */
    public static MailMessage parse(byte[] raw, MessageLimits limits) {
        long bare = bareLineFeeds(raw);
        if (raw.length + bare > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        byte[] text = raw;
        if (bare > 0) {
            // Every LF not preceded by CR becomes CRLF.
            text = new byte[(int) (raw.length + bare)];
            new CrlfCopy(text).write(raw, raw.length);
        }
        HeaderLines lines = new HeaderLines(text, limits.maxHeaderLineOctets());
        int position = 0;
        if (startsWith(text, 0, "From ")) {
            position = lines.end(0);
        }
        List<HeaderField> headers = new ArrayList<>();
        while (position < text.length) {
            int end = lines.end(position);
            if (end - position == 2 && text[position] == '\r') {
                return new MailMessage(headers, text, end, false);
            }
            // A field runs on over the lines that start with white space (folding).
            while (end < text.length && (text[end] == ' ' || text[end] == '\t')) {
                end = lines.end(end);
            }
            if (headers.size() == limits.maxHeaderFields()) {
                throw new MessageLimitException(MessageLimitException.Bound.HEADER_FIELDS, limits.maxHeaderFields());
            }
            headers.add(new HeaderField(Arrays.copyOfRange(text, position, end)));
            position = end;
        }
        return new MailMessage(headers, text, text.length, true);
    }

    /** Every header field, top to bottom. */
    public List<HeaderField> headers() {
        return headers;
    }

    /** The fields with this name, top to bottom. */
    public List<HeaderField> headers(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * True when no empty line ends the header: header fields pasted on their own, without the
     * body (an empty body still follows an empty line).
     */
    public boolean headerOnly() {
        return headerOnly;
    }

    /** The body, from just after the empty line that ends the header (empty when there is none). */
    public byte[] body() {
        return Arrays.copyOfRange(text, bodyStart, text.length);
    }

    /** The canonical body, written to {@code sink}; returns its length. */
    long writeBody(Canonicalization canonicalization, ByteSink sink) {
        return canonicalization.writeBody(text, bodyStart, text.length, sink);
    }

    /** The body in one of the forms of {@link BodyCanonicalizer}, written to {@code sink}. */
    void writeBody(BodyCanonicalizer.LineForm form, boolean emptyIsOneLineEnd, ByteSink sink) {
        BodyCanonicalizer.write(text, bodyStart, text.length, form, emptyIsOneLineEnd, sink);
    }

    /** The whole message in CRLF form, with {@code field} added above the existing header. */
    public byte[] prepend(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length() + text.length + 2);
        out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        headers.forEach(header -> out.writeBytes(header.rawView()));
        out.write('\r');
        out.write('\n');
        out.write(text, bodyStart, text.length - bodyStart);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] text, int from, String prefix) {
        if (text.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long bareLineFeeds(byte[] raw) {
        long bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        return bare;
    }

    private static MessageLimitException tooLarge(MessageLimits limits) {
        return new MessageLimitException(MessageLimitException.Bound.BYTES, limits.maxBytes());
    }

    /**
     * Writes octets in CRLF form (a CR before every LF that lacks one) into an array, or only
     * counts them when there is none, in blocks from a file: a bare LF is told from a CRLF across
     * the blocks' edges.
     */
    private static final class CrlfCopy {
        private static final int BLOCK_OCTETS = 64 * 1024;
        private static final byte[] CR = {'\r'};

        private final byte[] out;
        private long length;
        private byte previous;

        CrlfCopy(byte[] out) {
            this.out = out;
        }

        /**
         * The length of the file's CRLF form, copied into the array when there is one.
         *
         * @throws MessageLimitException when it passes {@code maxLength}
         * @throws IOException when it does not fit the array (the file grew)
         */
        long copy(Path file, long maxLength) throws IOException {
            byte[] block = new byte[BLOCK_OCTETS];
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(block); read >= 0; read = in.read(block)) {
                    write(block, read);
                    if (length > maxLength) {
                        if (out != null) {
                            throw new IOException(file + " changed while it was read.");
                        }
                        throw new MessageLimitException(MessageLimitException.Bound.BYTES, maxLength);
                    }
                }
            }
            return length;
        }

        void write(byte[] bytes, int count) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                if (bytes[i] == '\n' && (i == 0 ? previous : bytes[i - 1]) != '\r') {
                    put(bytes, start, i - start);
                    put(CR, 0, 1);
                    start = i;
                }
            }
            put(bytes, start, count - start);
            if (count > 0) {
                previous = bytes[count - 1];
            }
        }

        private void put(byte[] bytes, int from, int count) {
            if (out != null) {
                int room = (int) Math.max(0, Math.min(count, out.length - length));
                System.arraycopy(bytes, from, out, (int) length, room);
            }
            length += count;
        }
    }

    /** The lines of the header section, each checked against the bound on their length as it is found. */
    private static final class HeaderLines {
        private final byte[] text;
        private final int maxOctets;
        private int number;

        HeaderLines(byte[] text, int maxOctets) {
            this.text = text;
            this.maxOctets = maxOctets;
        }

        /** Position just after the CRLF that ends the line starting at {@code from} (or the end). */
        int end(int from) {
            number++;
            int i = from;
            while (i < text.length - 1 && !(text[i] == '\r' && text[i + 1] == '\n')) {
                i++;
            }
            int end = i < text.length - 1 ? i + 2 : text.length;
            int length = i < text.length - 1 ? i - from : text.length - from;
            if (length > maxOctets) {
                throw new MessageLimitException(MessageLimitException.Bound.HEADER_LINE, number, maxOctets);
            }
            return end;
        }
    }
}
