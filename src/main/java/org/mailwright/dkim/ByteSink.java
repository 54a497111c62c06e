package org.mailwright.dkim;

/**
 * Where canonical octets go as they are made: a digest, a signature or a buffer. Canonical forms
 * are written to a sink rather than returned, so a message of any size is hashed without a copy.
 */
@FunctionalInterface
interface ByteSink {

    void write(byte[] bytes, int offset, int length);

    default void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /** This sink, taking only the first {@code limit} octets written to it and ignoring the rest. */
    default ByteSink limitedTo(long limit) {
        ByteSink whole = this;
        return new ByteSink() {
            private long left = limit;

            @Override
            public void write(byte[] bytes, int offset, int length) {
                int taken = (int) Math.min(left, length);
                if (taken > 0) {
                    whole.write(bytes, offset, taken);
                    left -= taken;
                }
            }
        };
    }
}
