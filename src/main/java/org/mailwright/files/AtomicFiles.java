package org.mailwright.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files that hold what must not leak or tear (private keys, TSIG secrets, the records beside
 * them): written whole or not at all, never through a symbolic link, and with their mode from the
 * moment they exist, so a secret is never readable by others for an instant.
 */
public final class AtomicFiles {

    /** Owner read and write only (0600): for private keys and secrets. */
    public static final Set<PosixFilePermission> OWNER_ONLY =
            Set.copyOf(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    /** Anyone may read (0644): for public texts such as a record's zone-file line. */
    public static final Set<PosixFilePermission> WORLD_READABLE = Set.copyOf(EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));

    /** Owner read, write and search only (0700): for the folders of secrets. */
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = Set.copyOf(EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    /** The most characters of the file's name the temporary file starts with: a long name plus the random part would pass 255. */
    private static final int TEMPORARY_PREFIX = 64;

    private AtomicFiles() {
    }

    /**
     * Whether {@code file} may be written, checked before any work is done for it.
     *
     * @throws LinkRefusedException when the file or its folder is a symbolic link (even one that leads nowhere)
     * @throws FileAlreadyExistsException when the file exists and {@code replace} is false
     */
    public static void checkWritable(Path file, boolean replace) throws IOException {
        Path target = file.toAbsolutePath();
        for (Path path : new Path[] {target.getParent(), target}) {
            if (Files.isSymbolicLink(path)) {
                throw new LinkRefusedException(path);
            }
        }
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
    }

    /**
     * Makes {@code folder} and every missing folder above it, each new one open to its owner alone
     * (0700) where the file system has POSIX permissions, so the names of the files in it are not
     * listed to others either. Folders already there keep their mode.
     *
     * @throws LinkRefusedException when {@code folder} is a symbolic link
     */
    public static void createOwnerOnlyFolders(Path folder) throws IOException {
        Path target = folder.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            throw new LinkRefusedException(target);
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        Files.createDirectories(target, posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
                : new FileAttribute<?>[0]);
    }

    /**
     * Writes {@code content} to a new file beside {@code file}, created with {@code mode} (on file
     * systems with POSIX permissions), then renames it over {@code file}: a rename replaces a
     * directory entry and never follows a link, so nothing is written anywhere else, and a reader
     * sees the old file or the whole new one. The folder is made when missing.
     *
     * @return the mode the file has, such as {@code rw-------}; empty on a file system without
     *     POSIX permissions (Windows), where the user's own folder is what protects the file
     * @throws LinkRefusedException when the file or its folder is a symbolic link
     * @throws FileAlreadyExistsException when the file exists and {@code replace} is false
     */
    public static Optional<String> write(Path file, byte[] content, Set<PosixFilePermission> mode, boolean replace)
            throws IOException {
        Path target = file.toAbsolutePath();
        checkWritable(target, replace);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
        String name = target.getFileName().toString();
        Path temporary = Files.createTempFile(directory, "." + name.substring(0, Math.min(name.length(), TEMPORARY_PREFIX)),
                ".tmp", attributes);
        try {
            if (posix) {
                // The umask may have taken bits away at creation (never added any): the mode asked
                // for, exactly, before a byte is written.
                Files.setPosixFilePermissions(temporary, mode);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            // Checked again just before the rename, which replaces whatever is there.
            checkWritable(target, replace);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return posix
                ? Optional.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)))
                : Optional.empty();
    }

    /**
     * True when users other than the owner may read {@code file}, as a secret (a key, a password)
     * should be readable by its owner alone. False where the file system has no POSIX permissions
     * or cannot say.
     */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException unknown) {
            return false;
        }
    }
}
