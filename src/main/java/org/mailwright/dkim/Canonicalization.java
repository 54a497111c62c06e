package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

/** The two DKIM canonicalization algorithms (RFC 6376 section 3.4), for header fields and body. */
public enum Canonicalization {
    /** Nothing changes but trailing empty body lines. Fragile: any relay rewrap breaks it. */
    SIMPLE,
    /** Case of field names, runs of white space, and trailing white space do not matter. */
    RELAXED;

    /** The name used in the {@code c=} tag. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Canonicalization> fromTagValue(String value) {
        for (Canonicalization candidate : values()) {
            if (candidate.tagValue().equalsIgnoreCase(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The canonical form of one header field, with its CRLF. */
    byte[] header(byte[] raw) {
        if (this == SIMPLE) {
            return raw;
        }
        int colon = HeaderField.indexOf(raw, (byte) ':');
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int nameEnd = colon < 0 ? HeaderField.trimmedLength(raw) : colon;
        while (nameEnd > 0 && isWsp(raw[nameEnd - 1])) {
            nameEnd--;
        }
        for (int i = 0; i < nameEnd; i++) {
            byte b = raw[i];
            out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        }
        out.write(':');
        if (colon >= 0) {
            boolean pendingSpace = false;
            boolean started = false;
            for (int i = colon + 1; i < raw.length; i++) {
                byte b = raw[i];
                if (b == '\r' || b == '\n') {
                    continue;
                }
                if (isWsp(b)) {
                    pendingSpace = started;
                    continue;
                }
                if (pendingSpace) {
                    out.write(' ');
                    pendingSpace = false;
                }
                out.write(b);
                started = true;
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** The canonical form of the whole body. */
    byte[] body(byte[] body) {
        return this == SIMPLE ? simpleBody(body) : relaxedBody(body);
    }

    private static byte[] simpleBody(byte[] body) {
        int end = withoutTrailingEmptyLines(body, body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + 2);
        out.write(body, 0, end);
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] relaxedBody(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int lineStart = 0;
        while (lineStart < body.length) {
            int lineEnd = lineStart;
            while (lineEnd < body.length && !(body[lineEnd] == '\r' && lineEnd + 1 < body.length && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            boolean pendingSpace = false;
            for (int i = lineStart; i < lineEnd; i++) {
                byte b = body[i];
                if (isWsp(b)) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace) {
                    out.write(' ');
                    pendingSpace = false;
                }
                out.write(b);
            }
            // White space at the end of a line goes; every line, the last included, ends in CRLF.
            out.write('\r');
            out.write('\n');
            lineStart = lineEnd + 2;
        }
        byte[] lines = out.toByteArray();
        int end = withoutTrailingEmptyLines(lines, lines.length);
        if (end == 0) {
            return new byte[0];
        }
        byte[] result = new byte[end + 2];
        System.arraycopy(lines, 0, result, 0, end);
        result[end] = '\r';
        result[end + 1] = '\n';
        return result;
    }

    /** The length of {@code bytes} without its trailing CRLFs (the last line's own CRLF too). */
    private static int withoutTrailingEmptyLines(byte[] bytes, int length) {
        int end = length;
        while (end >= 2 && bytes[end - 2] == '\r' && bytes[end - 1] == '\n') {
            end -= 2;
        }
        return end;
    }

    private static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }
}
