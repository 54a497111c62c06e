package org.mailwright.i18n;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Why work failed, in the reader's language. A file's failure is worded by the system in English
 * ("No space left on device", "Is a directory"), or named by Java only by the exception's type: the
 * reasons people meet are said by Mailwright, any other is passed on, marked as the system's words.
 */
public final class Failures {

    /** The system's words for a reason (its {@code strerror}, in lower case), and the key that says it. */
    private static final KnownWords SYSTEM_WORDS = KnownWords.of(
            "no space left on device", "io.disk-full",
            "disk quota exceeded", "io.quota",
            "read-only file system", "io.read-only",
            "is a directory", "io.is-folder",
            "not a directory", "io.not-a-folder",
            "permission denied", "io.access-denied",
            "operation not permitted", "io.access-denied",
            "too many levels of symbolic links", "io.link-loop",
            "file name too long", "io.name-too-long",
            "no such file or directory", "io.not-found",
            "input/output error", "io.device");

    private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

    /** The most of the system's own words repeated: they may name a long path. */
    private static final int SHOWN = 200;

    private Failures() {
    }

    /**
     * Why {@code failure} happened, as words the reader's language has: the core's own problem, a
     * file's reason, or (for anything else) the failure's message without a Java class name.
     */
    public static LocalizedText reason(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof ProblemException problem) {
            return problem.problem();
        }
        if (cause instanceof IOException io) {
            return io(io);
        }
        return systemWords(cause.getMessage() == null ? "" : cause.getMessage());
    }

    /**
     * Like {@link #reason}, with the file the system names when the sentence around it names none:
     * "/srv/keys: permission denied (...)".
     */
    public static LocalizedText reasonNamingFile(Throwable failure) {
        Throwable cause = unwrapped(failure);
        LocalizedText reason = reason(cause);
        if (cause instanceof IOException io && reason instanceof Problem said && !said.key().equals("io.system-words")) {
            Optional<String> file = fileOf(io);
            if (file.isPresent()) {
                return new Problem("io.file-reason", bounded(file.get()), reason);
            }
        }
        return reason;
    }

    /** The file an I/O failure names: Java keeps it apart, or writes it before the system's reason. */
    private static Optional<String> fileOf(IOException failure) {
        if (failure instanceof FileSystemException system) {
            return Optional.ofNullable(system.getFile());
        }
        if (failure.getMessage() == null) {
            return Optional.empty();
        }
        String message = withoutClassNames(failure.getMessage());
        int reasonInBrackets = message.lastIndexOf(" (");
        if (failure instanceof FileNotFoundException && reasonInBrackets > 0 && message.endsWith(")")) {
            return Optional.of(message.substring(0, reasonInBrackets));
        }
        // "PATH: reason", as some streams write it; a colon after anything that is no path is not taken for one.
        int colon = message.indexOf(": ");
        String before = colon > 0 ? message.substring(0, colon) : "";
        return before.indexOf('/') >= 0 || before.indexOf(java.io.File.separatorChar) >= 0 ? Optional.of(before) : Optional.empty();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        for (int unwrapped = 0; unwrapped < 8 && (cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof UncheckedIOException) && cause.getCause() != null; unwrapped++) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static LocalizedText io(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return new Problem("io.access-denied");
        }
        if (failure instanceof NoSuchFileException) {
            return new Problem("io.not-found");
        }
        if (failure instanceof FileAlreadyExistsException) {
            return new Problem("io.exists");
        }
        if (failure instanceof NotDirectoryException) {
            return new Problem("io.not-a-folder");
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return new Problem("io.folder-not-empty");
        }
        if (failure instanceof FileSystemLoopException) {
            return new Problem("io.link-loop");
        }
        String words = failure instanceof FileSystemException system && system.getReason() != null ? system.getReason()
                : failure.getMessage() == null ? "" : failure.getMessage();
        return SYSTEM_WORDS.codeIn(words.toLowerCase(Locale.ROOT)).map(Problem::new)
                .orElseGet(() -> systemWords(words));
    }

    /** Words Mailwright does not know, passed on as the system's, without a class name; none said as such. */
    private static Problem systemWords(String words) {
        String plain = withoutClassNames(words).strip();
        return plain.isEmpty() ? new Problem("failure.unexplained") : new Problem("io.system-words", bounded(plain));
    }

    /** {@code message} without the Java class names an exception's message may start with ("java.io.EOFException: ..."). */
    public static String withoutClassNames(String message) {
        return CLASS_NAME.matcher(message).replaceAll("");
    }

    private static String bounded(String words) {
        return Problem.shown(words, SHOWN);
    }

    /**
     * Foreign words (a server's, a database's) as a sentence repeats them: without class names, on
     * one line, without their own final period, at most {@code most} characters.
     */
    public static String oneLine(String message, int most) {
        String line = withoutClassNames(message).replaceAll("[\\p{Cc}\\p{Cf}\\s]+", " ").strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return Problem.shown(line, most);
    }
}
