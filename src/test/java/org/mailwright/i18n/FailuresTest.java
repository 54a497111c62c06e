package org.mailwright.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A failure is said in the reader's language, never in the system's English or by a Java class name. */
class FailuresTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static String english(Throwable failure) {
        return Failures.reason(failure).text(Locale.ENGLISH);
    }

    private static String spanish(Throwable failure) {
        return Failures.reason(failure).text(SPANISH);
    }

    @Test
    void theFileFaultsPeopleMeetAreSaidInTheirLanguage() {
        // As the JDK reports them: the system's reason in FileSystemException, or the message of a stream's IOException.
        FileSystemException full = new FileSystemException("/data/reports.db", null, "No space left on device");
        assertEquals("the disk is full", english(full));
        assertEquals("el disco está lleno", spanish(full));
        assertEquals("el disco está lleno", spanish(new IOException("No space left on device")));
        assertEquals("es una carpeta, no un archivo", spanish(new FileSystemException("/tmp", null, "Is a directory")));
        assertEquals("el disco es de solo lectura", spanish(new FileSystemException("/mnt/x", null, "Read-only file system")));
        assertEquals("permiso denegado (sus permisos, o los de su carpeta, se lo impiden)",
                spanish(new AccessDeniedException("/root/x")));
        assertEquals("no existe", spanish(new NoSuchFileException("/nope")));
        assertEquals("sus enlaces simbólicos forman un bucle",
                spanish(new FileSystemException("/a", null, "Too many levels of symbolic links")));
    }

    @Test
    void aFailureIsUnwrappedAndTheCoresOwnProblemIsKept() {
        Problem problem = new Problem("io.quota");
        assertEquals("se ha agotado su cuota de disco", spanish(new CompletionException(new ProblemException(problem))));
        assertEquals("the disk is full",
                english(new CompletionException(new UncheckedIOException(new IOException("No space left on device")))));
    }

    @Test
    void theFileIsNamedWhenTheSystemNamesOneAndOnlyThen() {
        assertEquals("/srv/keys: el disco está lleno",
                Failures.reasonNamingFile(new FileSystemException("/srv/keys", null, "No space left on device")).text(SPANISH));
        assertEquals("/srv/k.pem: es una carpeta, no un archivo",
                Failures.reasonNamingFile(new java.io.FileNotFoundException("/srv/k.pem (Is a directory)")).text(SPANISH));
        assertEquals("el disco está lleno",
                Failures.reasonNamingFile(new IOException("java.io.IOException: No space left on device")).text(SPANISH));
    }

    @Test
    void anyOtherReasonIsMarkedAsTheSystemsWordsWithoutAClassName() {
        assertEquals("según el sistema (en inglés): Stale file handle",
                spanish(new IOException("java.io.IOException: Stale file handle")));
        assertEquals("in the system’s words: Stale file handle", english(new FileSystemException("/a", null, "Stale file handle")));
        assertEquals("it stopped without saying why", english(new IllegalStateException("java.lang.IllegalStateException: ")));
        assertEquals("se detuvo sin decir por qué", spanish(new IOException()));
    }
}
