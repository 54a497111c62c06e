package org.mailwright.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole, in their mode from the start, never through a link, never over a file unless asked. */
class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void aFileIsWrittenWholeInTheModeAskedAndReplacedOnlyWhenAsked() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Path file = folder.resolve("new/secret");

        assertEquals(Optional.of("rw-------"), AtomicFiles.write(file, bytes("one"), AtomicFiles.OWNER_ONLY, false));
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.write(file, bytes("two"), AtomicFiles.OWNER_ONLY, false));
        assertEquals(Optional.of("rw-r--r--"), AtomicFiles.write(file, bytes("two"), AtomicFiles.WORLD_READABLE, true));

        assertArrayEquals(bytes("two"), Files.readAllBytes(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aLinkInPlaceOfTheFileOrItsFolderIsRefused() throws Exception {
        Path target = Files.writeString(folder.resolve("target"), "kept");
        Path link = Files.createSymbolicLink(folder.resolve("link"), target);
        Path folderLink = Files.createSymbolicLink(folder.resolve("folder-link"), Files.createDirectory(folder.resolve("real")));

        LinkRefusedException file = assertThrows(LinkRefusedException.class,
                () -> AtomicFiles.write(link, bytes("x"), AtomicFiles.OWNER_ONLY, true));
        LinkRefusedException parent = assertThrows(LinkRefusedException.class,
                () -> AtomicFiles.write(folderLink.resolve("secret"), bytes("x"), AtomicFiles.OWNER_ONLY, true));

        assertEquals(link.toAbsolutePath(), file.link());
        assertEquals(folderLink.toAbsolutePath(), parent.link());
        assertEquals("kept", Files.readString(target));
        try (var written = Files.list(folder.resolve("real"))) {
            assertEquals(0, written.count());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
