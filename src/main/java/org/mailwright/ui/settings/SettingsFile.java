package org.mailwright.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The window's settings as a file in the data folder, {@code settings.properties}, so the data
 * folder ({@code --data-dir}, {@code MAILWRIGHT_HOME}) holds everything Mailwright keeps.
 *
 * <p>A change is written at once, but on a thread of its own and several changes at a time (moving
 * the window changes its place many times a second), so the window never waits for the disk. The
 * file is written whole to a temporary file and moved over the old one, so a crash leaves the old
 * settings or the new ones, never half a file.
 */
public final class SettingsFile implements SettingsStore, AutoCloseable {

    public static final String FILE_NAME = "settings.properties";

    /** Where a settings file that could not be read is kept, for the user to look at. */
    public static final String UNREADABLE_FILE_NAME = FILE_NAME + ".bad";

    /** The {@code java.util.prefs} node, under the user root, where versions before this file kept the settings. */
    static final String LEGACY_NODE = "org/mailwright/ui";

    private static final System.Logger LOG = System.getLogger(SettingsFile.class.getName());

    private final Path file;
    /** Guarded by {@code this}. */
    private final Properties values;
    /** Guarded by {@code this}: some change is not written yet, and a save is queued or running for it. */
    private boolean unsaved;
    /** Held while writing, so files are written in the order their contents were taken. */
    private final Object writing = new Object();
    /** Guarded by {@link #writing}: the failure to write is said once, not at every change. */
    private boolean failureReported;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mailwright-settings");
        // Never keeps the application alive: close() writes whatever is left.
        thread.setDaemon(true);
        return thread;
    });

    private SettingsFile(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /**
     * The settings kept in {@code dataFolder}. Without a settings file there, the settings an
     * earlier version kept in {@code java.util.prefs} under {@code preferencesRoot} (the user
     * root, in the app) are taken over once and written to the file. A file that cannot be read
     * is moved aside to {@value #UNREADABLE_FILE_NAME}, and the defaults apply.
     */
    public static SettingsFile open(Path dataFolder, Preferences preferencesRoot) {
        Path file = dataFolder.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new SettingsFile(file, readOrSetAside(file));
        }
        SettingsFile settings = new SettingsFile(file, legacy(preferencesRoot));
        if (!settings.values.isEmpty()) {
            settings.unsaved = true;
            settings.flush();
        }
        return settings;
    }

    @Override
    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    @Override
    public void put(String key, String value) {
        synchronized (this) {
            values.setProperty(key, value);
            if (unsaved) {
                return;
            }
            unsaved = true;
        }
        try {
            writer.execute(this::save);
        } catch (RejectedExecutionException closed) {
            save();
        }
    }

    /** Writes every change not written yet, and returns once it is written (or failed to be). */
    public void flush() {
        save();
    }

    /** Writes what is left and stops the writing thread; later changes are written as they come. */
    @Override
    public void close() {
        writer.shutdown();
        flush();
    }

    private static Properties readOrSetAside(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            return values;
        } catch (IOException | IllegalArgumentException unreadable) {
            // Not UTF-8, a broken escape, or no permission: keep it for the user, start afresh.
            LOG.log(Level.WARNING, "Mailwright could not read its settings in {0} ({1}); it starts from the defaults"
                    + " and keeps that file as {2}.", file, unreadable.getMessage(), UNREADABLE_FILE_NAME);
            try {
                Files.move(file, file.resolveSibling(UNREADABLE_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException cannotMove) {
                // Then the next save replaces it; the warning above still named it.
            }
            return new Properties();
        }
    }

    private static Properties legacy(Preferences root) {
        Properties values = new Properties();
        try {
            if (root.nodeExists(LEGACY_NODE)) {
                Preferences node = root.node(LEGACY_NODE);
                for (String key : node.keys()) {
                    String value = node.get(key, null);
                    if (value != null) {
                        values.setProperty(key, value);
                    }
                }
            }
        } catch (BackingStoreException | IllegalStateException unreadable) {
            // The old settings cannot be read: start from the defaults, as on a first run.
        }
        return values;
    }

    private void save() {
        synchronized (writing) {
            Properties snapshot = new Properties();
            synchronized (this) {
                if (!unsaved) {
                    return;
                }
                unsaved = false;
                snapshot.putAll(values);
            }
            try {
                write(snapshot);
            } catch (IOException | RuntimeException failure) {
                // The next change writes the whole file again, this one's values included.
                if (!failureReported) {
                    failureReported = true;
                    LOG.log(Level.WARNING, "Mailwright could not save its settings to {0} ({1}); changes"
                            + " last only until it closes.", file, failure.getMessage());
                }
            }
        }
    }

    private void write(Properties snapshot) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                snapshot.store(out, "Mailwright's settings; the window writes this file whenever a setting changes.");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
