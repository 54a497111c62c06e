package org.mailwright.dkim;

/**
 * Gathers the small pieces canonicalization makes (a word, a space, a CRLF) into blocks before
 * they reach a digest or a signature, and counts what passed through. {@link #flush()} at the end.
 */
final class BufferedSink implements ByteSink {

    private static final int BUFFER_OCTETS = 8192;

    private final ByteSink sink;
    private final byte[] buffer = new byte[BUFFER_OCTETS];
    private int buffered;
    private long written;

    BufferedSink(ByteSink sink) {
        this.sink = sink;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        written += length;
        if (length >= BUFFER_OCTETS) {
            flush();
            sink.write(bytes, offset, length);
            return;
        }
        if (buffered + length > BUFFER_OCTETS) {
            flush();
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    void write(byte b) {
        if (buffered == BUFFER_OCTETS) {
            flush();
        }
        buffer[buffered++] = b;
        written++;
    }

    void flush() {
        if (buffered > 0) {
            sink.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    /** The octets written so far. */
    long written() {
        return written;
    }
}
