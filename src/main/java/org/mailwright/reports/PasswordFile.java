package org.mailwright.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * A mailbox password kept in a file of the user's (for cron): its first line, in UTF-8. Mailwright
 * only reads the file, never writes or copies it; the password is held as characters, cleared by
 * the caller once used, and never put in a message.
 */
public final class PasswordFile {

    /** The largest file read: a password is a line. */
    public static final int MAX_BYTES = 4096;

    private PasswordFile() {
    }

    /**
     * The password: the file's first line, without its line end.
     *
     * @throws ProblemException when the file is too large, its first line is empty or not UTF-8
     * @throws IOException when the file cannot be read
     */
    public static char[] read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        try {
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(new Problem("reports.mailbox.password-file-large", file.toString(), MAX_BYTES));
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            if (end == 0) {
                throw new ProblemException(new Problem("reports.mailbox.password-file-empty", file.toString()));
            }
            CharBuffer chars;
            try {
                chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            } catch (CharacterCodingException notUtf8) {
                throw new ProblemException(new Problem("reports.mailbox.password-file-encoding", file.toString()));
            }
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
