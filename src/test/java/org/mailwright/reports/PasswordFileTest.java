package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.files.AtomicFiles;
import org.mailwright.i18n.ProblemException;

/** The mailbox password's file: its first line exactly (spaces kept, the line end not), bounded. */
class PasswordFileTest {

    @TempDir
    Path folder;

    @Test
    void theFirstLineWithoutItsLineEndSpacesKept() throws IOException {
        assertArrayEquals(" pass wörd ".toCharArray(), PasswordFile.read(write(" pass wörd \r\nsecond line\n")));
        assertArrayEquals("p".toCharArray(), PasswordFile.read(write("p")));
        assertArrayEquals("p".toCharArray(), PasswordFile.read(write("p\n")));
    }

    @Test
    void anEmptyALargeOrANonUtf8FileIsRefusedWithWhy() throws IOException {
        assertEquals("reports.mailbox.password-file-empty", problem(write("\nsecret")));
        assertEquals("reports.mailbox.password-file-empty", problem(write("")));
        assertEquals("reports.mailbox.password-file-large", problem(write("x".repeat(PasswordFile.MAX_BYTES + 1))));
        Path latin1 = Files.write(folder.resolve("latin1"), "contraseña".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("reports.mailbox.password-file-encoding", problem(latin1));
    }

    @Test
    void aFileOthersMayReadIsToldApart() throws IOException {
        Path file = write("secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertFalse(AtomicFiles.readableByOthers(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(AtomicFiles.readableByOthers(file));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("password"), text);
    }

    private static String problem(Path file) {
        return assertThrows(ProblemException.class, () -> PasswordFile.read(file)).problem().key();
    }
}
