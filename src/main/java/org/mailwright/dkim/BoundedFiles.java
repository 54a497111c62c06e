package org.mailwright.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads files whose size a stranger may choose (a message, a key file), never more than a bound:
 * {@code /dev/zero} or a pipe that never ends is given up on at the bound, not read into memory.
 */
final class BoundedFiles {

    private static final int FIRST_READ_OCTETS = 64 * 1024;

    private BoundedFiles() {
    }

    /**
     * The whole file, or empty when it has more than {@code maxBytes}: a regular file known to be
     * larger is not read at all, anything else is read until it passes the bound.
     *
     * @throws IOException when the file cannot be read
     */
    static Optional<byte[]> read(Path file, long maxBytes) throws IOException {
        boolean regular = Files.isRegularFile(file);
        long size = regular ? Files.size(file) : -1;
        if (size > maxBytes) {
            return Optional.empty();
        }
        // A regular file fills its array exactly, so the array itself is returned, not a copy.
        byte[] buffer = new byte[(int) (regular ? size : Math.min(maxBytes, FIRST_READ_OCTETS))];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (length == buffer.length) {
                    // Full: one more octet tells whether the file goes on (it may grow, or be a device).
                    int next = in.read();
                    if (next < 0) {
                        return Optional.of(buffer);
                    }
                    if (length >= maxBytes) {
                        return Optional.empty();
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max(2L * length, FIRST_READ_OCTETS)));
                    buffer[length++] = (byte) next;
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    return Optional.of(Arrays.copyOf(buffer, length));
                }
                length += read;
            }
        }
    }
}
