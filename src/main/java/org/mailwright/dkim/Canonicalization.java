package org.mailwright.dkim;

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

    /**
     * Writes the canonical form of one header field to {@code out}: with its CRLF, or without it
     * for the signature's own field, which the header hash ends with (RFC 6376 section 3.7).
     */
    void writeHeader(byte[] raw, boolean withLineEnd, BufferedSink out) {
        if (this == SIMPLE) {
            out.write(raw, 0, withLineEnd ? raw.length : HeaderField.trimmedLength(raw));
            return;
        }
        int colon = HeaderField.indexOf(raw, (byte) ':');
        int nameEnd = colon < 0 ? HeaderField.trimmedLength(raw) : colon;
        while (nameEnd > 0 && isWsp(raw[nameEnd - 1])) {
            nameEnd--;
        }
        for (int i = 0; i < nameEnd; i++) {
            byte b = raw[i];
            out.write(b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b);
        }
        out.write((byte) ':');
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
                    out.write((byte) ' ');
                    pendingSpace = false;
                }
                out.write(b);
                started = true;
            }
        }
        if (withLineEnd) {
            out.write((byte) '\r');
            out.write((byte) '\n');
        }
    }

    /**
     * Writes the canonical form of the body {@code text[from, to)} to {@code sink}, without a copy.
     *
     * @return the length of the canonical body
     */
    long writeBody(byte[] text, int from, int to, ByteSink sink) {
        return this == SIMPLE
                ? BodyCanonicalizer.write(text, from, to, BodyCanonicalizer.LineForm.AS_IS, true, sink)
                // RFC 6376 errata 3192: a relaxed body with no content is empty, not one CRLF.
                : BodyCanonicalizer.write(text, from, to, BodyCanonicalizer.LineForm.SPACES_REDUCED, false, sink);
    }

    private static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }
}
