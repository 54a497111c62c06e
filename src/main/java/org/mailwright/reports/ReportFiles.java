package org.mailwright.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an import reads when given files and folders: the CLI and the window walk them the
 * same way, so the same paths import the same reports.
 */
public final class ReportFiles {

    /** A folder that could not be walked, and the system's words for why. */
    public static final class UnreadableFolder extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;

        UnreadableFolder(Path folder, IOException cause) {
            super(cause.getMessage(), cause);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    private ReportFiles() {
    }

    /**
     * The files given, and those in the folders given (recursively, in name order, hidden files
     * left out), in the order given.
     *
     * @throws UnreadableFolder when a folder cannot be walked
     */
    public static List<Path> walk(List<Path> paths) throws UnreadableFolder {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UnreadableFolder(path, e);
            } catch (UncheckedIOException e) {
                throw new UnreadableFolder(path, e.getCause());
            }
        }
        return files;
    }
}
