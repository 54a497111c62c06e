package org.mailwright.ui.dkim;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyFileException;
import org.mailwright.dkim.KeyFiles;
import org.mailwright.dkim.KeyFiles.IfExists;
import org.mailwright.dkim.KeyFiles.KeyFormat;
import org.mailwright.dkim.KeyFiles.SaveOptions;
import org.mailwright.dkim.KeyFiles.SavedKey;
import org.mailwright.dkim.KeyType;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * Saves the private key in the background: PEM as PKCS#8 (or PKCS#1, or rspamd's base64 form for
 * Ed25519), optionally encrypted, readable by the owner only. An existing file is never replaced
 * unless the user confirms it after being told what is there.
 */
final class KeySaver {

    /**
     * A key written to disk.
     *
     * @param key the file and its mode
     * @param format the layout it was written in
     * @param encrypted whether a passphrase protects it
     */
    record Saved(SavedKey key, KeyFormat format, boolean encrypted) {
    }

    private final LatestJob job;
    private final Words words;
    private final ObjectProperty<KeyFormat> format = new SimpleObjectProperty<>(this, "format", KeyFormat.PKCS8);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty passphraseAgain = new SimpleStringProperty(this, "passphraseAgain", "");
    private final ReadOnlyObjectWrapper<DkimKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<Path> awaitingReplace = new ReadOnlyObjectWrapper<>(this, "awaitingReplace");
    private final ReadOnlyObjectWrapper<Saved> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Phrase> error = new ReadOnlyObjectWrapper<>(this, "error", Phrase.NONE);

    KeySaver(BackgroundJobs jobs, Words words) {
        this.job = new LatestJob(jobs);
        this.words = Objects.requireNonNull(words, "words");
        format.addListener((observable, old, now) -> awaitingReplace.set(null));
    }

    /** The layouts a key of {@code type} can be saved in, the usual one first. */
    static List<KeyFormat> formatsFor(KeyType type) {
        return type == KeyType.ED25519
                ? List.of(KeyFormat.PKCS8, KeyFormat.ED25519_BASE64)
                : List.of(KeyFormat.PKCS8, KeyFormat.PKCS1);
    }

    /** The file name offered: {@code SELECTOR.private} as opendkim-genkey writes it, {@code .key} for rspamd's form. */
    String suggestedFileName(String selector) {
        return selector + (format.get() == KeyFormat.ED25519_BASE64 ? ".key" : ".private");
    }

    /** {@code rw-------} as {@code 0600}. */
    static String octalMode(String permissions) {
        int mode = 0;
        for (int i = 0; i < permissions.length(); i++) {
            mode = mode << 1 | (permissions.charAt(i) == '-' ? 0 : 1);
        }
        return String.format("%04o", mode);
    }

    ObjectProperty<KeyFormat> formatProperty() {
        return format;
    }

    StringProperty passphraseProperty() {
        return passphrase;
    }

    StringProperty passphraseAgainProperty() {
        return passphraseAgain;
    }

    /** The key to save; null while there is none. */
    ReadOnlyObjectProperty<DkimKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** A file that is already there and would be replaced, until the user says what to do. */
    ReadOnlyObjectProperty<Path> awaitingReplaceProperty() {
        return awaitingReplace.getReadOnlyProperty();
    }

    /** Where the key was last saved; null until it is. */
    ReadOnlyObjectProperty<Saved> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Phrase> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Saves {@code made} from now on: a new key is not saved yet, and its type limits the layouts. */
    void use(DkimKey made) {
        // A save still running wrote the key that is gone; its outcome would describe another key.
        job.abandon();
        running.set(false);
        key.set(made);
        saved.set(null);
        awaitingReplace.set(null);
        error.set(Phrase.NONE);
        if (made != null && !formatsFor(made.type()).contains(format.get())) {
            format.set(KeyFormat.PKCS8);
        }
    }

    /** Why the passphrase cannot be used as typed; empty when it can (or there is none). */
    Optional<Phrase> passphraseProblem() {
        if (passphrase.get().isEmpty() && passphraseAgain.get().isEmpty()) {
            return Optional.empty();
        }
        if (format.get() != KeyFormat.PKCS8) {
            return Optional.of(Phrase.of("dkim.save.problem.passphraseFormat"));
        }
        if (!passphrase.get().equals(passphraseAgain.get())) {
            return Optional.of(Phrase.of("dkim.save.problem.passphraseAgain"));
        }
        return Optional.empty();
    }

    /** Saves the key to {@code file}, stopping to ask if a file is there. Call on the FX thread. */
    void save(Path file) {
        write(file, IfExists.FAIL);
    }

    /** Replaces the file that was there, as the user confirmed. */
    void replace() {
        Path file = awaitingReplace.get();
        if (file != null) {
            write(file, IfExists.REPLACE);
        }
    }

    /** Leaves the file that was there alone. */
    void keepExisting() {
        awaitingReplace.set(null);
    }

    /** Takes note of the key written. */
    void accept(Saved written) {
        awaitingReplace.set(null);
        error.set(Phrase.NONE);
        passphrase.set("");
        passphraseAgain.set("");
        saved.set(written);
    }

    /** Says why the key could not be written; a file in the way is asked about instead. */
    void failed(Path file, Throwable failure) {
        if (failure instanceof KeyFileException problem && problem.problem() == KeyFileException.Problem.FILE_EXISTS) {
            awaitingReplace.set(file);
        } else if (failure instanceof KeyFileException problem) {
            error.set(Phrase.core(problem::message));
        } else if (failure instanceof CancellationException) {
            error.set(Phrase.of("dkim.save.cancelled", file));
        } else {
            error.set(Phrase.of("dkim.save.failed", file));
        }
    }

    private void write(Path file, IfExists ifExists) {
        DkimKey made = key.get();
        if (made == null || running.get() || passphraseProblem().isPresent()) {
            return;
        }
        char[] secret = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        KeyFormat layout = format.get();
        boolean encrypting = secret != null;
        SaveOptions options = new SaveOptions(layout, secret, ifExists);
        error.set(Phrase.NONE);
        awaitingReplace.set(null);
        running.set(true);
        job.start(words.say(Phrase.of("dkim.save.saving", file.getFileName())), () -> BackgroundJobs.completed(() -> {
            try {
                return KeyFiles.save(made, file, options);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }), (written, failure) -> {
            running.set(false);
            if (failure == null) {
                accept(new Saved(written, layout, encrypting));
            } else {
                failed(file, failure);
            }
        });
    }
}
