package org.mailwright.dkim;

/**
 * Writes the canonical form of a message body to a {@link ByteSink} in one pass over the body as
 * it lies in the message, line by line: the body is never copied, so canonicalizing and hashing
 * it takes a small buffer whatever its size, and time linear in it. Every form ends each line
 * with CRLF and drops the empty lines at the end; empty lines are held back as a count until a
 * line with content follows them.
 */
final class BodyCanonicalizer {

    /** What each line of the body keeps. */
    enum LineForm {
        /** The line as it is (DKIM simple, DomainKeys simple). */
        AS_IS,
        /** Runs of white space as one space, none at the end (DKIM relaxed, RFC 6376 section 3.4.4). */
        SPACES_REDUCED,
        /** No white space at all (DomainKeys nofws, RFC 4870 section 3.4.2.2). */
        WITHOUT_SPACES
    }

    private static final byte[] SPACE = {' '};

    private final BufferedSink out;
    private long heldLineEnds;
    private boolean anyContent;

    private BodyCanonicalizer(ByteSink sink) {
        this.out = new BufferedSink(sink);
    }

    /**
     * Writes the canonical form of {@code text[from, to)} to {@code sink}.
     *
     * @param emptyIsOneLineEnd what a body with no content becomes: one CRLF (DKIM simple) or nothing
     * @return the length of the canonical form
     */
    static long write(byte[] text, int from, int to, LineForm form, boolean emptyIsOneLineEnd, ByteSink sink) {
        BodyCanonicalizer body = new BodyCanonicalizer(sink);
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = lineStart;
            while (lineEnd < to && !(text[lineEnd] == '\r' && lineEnd + 1 < to && text[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            switch (form) {
                case AS_IS -> body.content(text, lineStart, lineEnd - lineStart);
                case SPACES_REDUCED -> body.reduced(text, lineStart, lineEnd);
                case WITHOUT_SPACES -> body.withoutSpaces(text, lineStart, lineEnd);
            }
            body.heldLineEnds++;
            lineStart = lineEnd + 2;
        }
        if (body.anyContent || emptyIsOneLineEnd) {
            body.lineEnd();
        }
        body.out.flush();
        return body.out.written();
    }

    private void reduced(byte[] text, int from, int to) {
        boolean space = false;
        int i = from;
        while (i < to) {
            if (isWsp(text[i])) {
                space = true;
                i++;
                continue;
            }
            int run = i;
            while (i < to && !isWsp(text[i])) {
                i++;
            }
            if (space) {
                content(SPACE, 0, 1);
                space = false;
            }
            content(text, run, i - run);
        }
    }

    private void withoutSpaces(byte[] text, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && isNoFws(text[i])) {
                i++;
            }
            int run = i;
            while (i < to && !isNoFws(text[i])) {
                i++;
            }
            content(text, run, i - run);
        }
    }

    /** Content of the current line: first the empty lines held back before it. */
    private void content(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        for (; heldLineEnds > 0; heldLineEnds--) {
            lineEnd();
        }
        anyContent = true;
        out.write(bytes, offset, length);
    }

    private void lineEnd() {
        out.write((byte) '\r');
        out.write((byte) '\n');
    }

    private static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }

    /** What nofws removes: white space, and a CR or LF that is not part of a line end. */
    private static boolean isNoFws(byte b) {
        return isWsp(b) || b == '\r' || b == '\n';
    }
}
