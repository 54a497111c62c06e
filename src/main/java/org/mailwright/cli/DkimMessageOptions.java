package org.mailwright.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimitException;
import org.mailwright.dkim.MessageLimits;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code MESSAGE} and {@code --max-bytes}: a message file, read no further than the bound. */
final class DkimMessageOptions {

    @Parameters(index = "0", paramLabel = "MESSAGE", descriptionKey = "dkim.message")
    Path message;

    @Option(names = "--max-bytes", paramLabel = "N", order = 30, descriptionKey = "dkim.max-bytes")
    long maxBytes = MessageLimits.DEFAULT_MAX_BYTES;

    /** @throws UsageException when the file cannot be read or passes a bound, in the user's language */
    MailMessage read(Texts texts) {
        if (maxBytes < 1 || maxBytes > MessageLimits.MAX_BYTES_CEILING) {
            throw new UsageException(texts.get("cli.dkim.max-bytes", MessageLimits.MAX_BYTES_CEILING, maxBytes));
        }
        try {
            return MailMessage.read(message, MessageLimits.DEFAULT.withMaxBytes(maxBytes));
        } catch (MessageLimitException e) {
            throw new UsageException(e.bound() == MessageLimitException.Bound.BYTES
                    ? texts.get("cli.dkim.message-too-large", message, maxBytes)
                    : texts.get("cli.dkim.message-refused", message, e.problem().text(texts.locale())));
        } catch (NoSuchFileException e) {
            throw new UsageException(texts.get("cli.dkim.no-such-file", message));
        } catch (AccessDeniedException e) {
            throw new UsageException(texts.get("cli.dkim.message-denied", message));
        } catch (IOException e) {
            // The system's own words ("Is a directory") are English: a folder is said in the user's.
            throw new UsageException(texts.get(Files.isDirectory(message) ? "cli.dkim.message-folder" : "cli.dkim.file-unreadable",
                    message));
        }
    }
}
