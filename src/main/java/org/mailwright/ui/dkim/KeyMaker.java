package org.mailwright.ui.dkim;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
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
import org.mailwright.dkim.KeyGenerator;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.KeyType;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The wizard's key pair: made on this machine in the background (RSA 4096 takes seconds, so it
 * can be cancelled), or read from a private key file the user already has, asking for its
 * passphrase when it is encrypted. Choosing another kind of key while one is held never drops it
 * silently: the change waits for the user to discard the key or keep it (which puts the choice back).
 */
final class KeyMaker {

    /** Where the key comes from. */
    enum Origin {
        GENERATE,
        IMPORT
    }

    /**
     * Advice on the key chosen, shown beside the choice.
     *
     * @param state how good a choice it is (pass: recommended; warning: only if you must)
     * @param phrase why
     */
    record Advice(CheckState state, Phrase phrase) {
    }

    /**
     * What a key is made as (or read by), as far as the choice decides which key it is.
     *
     * @param rsaBits the RSA size; ignored for Ed25519 and for a key read from a file
     */
    record Choice(Origin origin, KeyType type, int rsaBits) {

        /** True when a key made as {@code held} is not the key this choice makes. */
        boolean replaces(Choice held) {
            if (origin != held.origin) {
                return true;
            }
            if (origin == Origin.IMPORT) {
                return false;
            }
            return type != held.type || type == KeyType.RSA && rsaBits != held.rsaBits;
        }
    }

    private final LatestJob job;
    private final Words words;
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(this, "origin", Origin.GENERATE);
    private final ObjectProperty<KeyType> type = new SimpleObjectProperty<>(this, "type", KeySpec.DEFAULT.type());
    private final ObjectProperty<Integer> rsaBits = new SimpleObjectProperty<>(this, "rsaBits", KeySpec.DEFAULT.bits());
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final ReadOnlyObjectWrapper<DkimKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<Path> keyFile = new ReadOnlyObjectWrapper<>(this, "keyFile");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper encrypted = new ReadOnlyBooleanWrapper(this, "encrypted");
    private final ReadOnlyObjectWrapper<Phrase> error = new ReadOnlyObjectWrapper<>(this, "error", Phrase.NONE);
    /** The choice that would drop the key held, until the user discards the key or keeps it; null otherwise. */
    private final ReadOnlyObjectWrapper<Choice> pendingChoice = new ReadOnlyObjectWrapper<>(this, "pendingChoice");
    /** What the key held was made as, to put the choice back when the user keeps it; null without a key. */
    private Choice heldAs;
    /** True while the choice is being put back, which is no new choice. */
    private boolean restoring;

    KeyMaker(BackgroundJobs jobs, Words words) {
        this.job = new LatestJob(jobs);
        this.words = Objects.requireNonNull(words, "words");
        origin.addListener((observable, old, now) -> changedChoice(true));
        type.addListener((observable, old, now) -> changedChoice(false));
        rsaBits.addListener((observable, old, now) -> changedChoice(false));
    }

    ObjectProperty<Origin> originProperty() {
        return origin;
    }

    ObjectProperty<KeyType> typeProperty() {
        return type;
    }

    /** The RSA size in bits; ignored for Ed25519. */
    ObjectProperty<Integer> rsaBitsProperty() {
        return rsaBits;
    }

    /** The passphrase of an encrypted key file being read. */
    StringProperty passphraseProperty() {
        return passphrase;
    }

    /** The key pair, once made or read; null before. */
    ReadOnlyObjectProperty<DkimKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** The file the key is read from (import); null when making a key. */
    ReadOnlyObjectProperty<Path> keyFileProperty() {
        return keyFile.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True when the chosen file holds an encrypted key, so its passphrase is asked for. */
    ReadOnlyBooleanProperty encryptedProperty() {
        return encrypted.getReadOnlyProperty();
    }

    /** What went wrong with the last attempt, beside the button that made it; {@link Phrase#NONE} when nothing did. */
    ReadOnlyObjectProperty<Phrase> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The choice that would drop the key held: the view asks whether to {@link #discardForChoice()}
     * or {@link #keepKey()}; null while nothing waits for an answer.
     */
    ReadOnlyObjectProperty<Choice> pendingChoiceProperty() {
        return pendingChoice.getReadOnlyProperty();
    }

    /** Drops the key held, as the user confirmed, for the choice made meanwhile; a file it was saved in stays. */
    void discardForChoice() {
        Choice chosen = pendingChoice.get();
        if (chosen == null) {
            return;
        }
        if (chosen.origin() != heldAs.origin()) {
            reset();
        } else {
            stop();
            discard();
        }
    }

    /** Keeps the key held, as the user asked: the choice goes back to what the key was made as. */
    void keepKey() {
        if (pendingChoice.get() == null) {
            return;
        }
        restoring = true;
        try {
            origin.set(heldAs.origin());
            type.set(heldAs.type());
            rsaBits.set(heldAs.rsaBits());
        } finally {
            restoring = false;
        }
        pendingChoice.set(null);
    }

    /** What will be made now. */
    KeySpec spec() {
        return type.get() == KeyType.ED25519 ? KeySpec.ed25519() : KeySpec.rsa(rsaBits.get());
    }

    /** Whether the chosen kind of key reaches every receiver, and what it costs. */
    Advice advice() {
        if (type.get() == KeyType.ED25519) {
            return new Advice(CheckState.INFO, Phrase.of("dkim.advice.ed25519"));
        }
        return switch (rsaBits.get()) {
            case 1024 -> new Advice(CheckState.WARNING, Phrase.of("dkim.advice.rsa1024"));
            case 2048 -> new Advice(CheckState.PASS, Phrase.of("dkim.advice.rsa2048"));
            case 3072 -> new Advice(CheckState.INFO, Phrase.of("dkim.advice.rsa3072"));
            default -> new Advice(CheckState.INFO, Phrase.of("dkim.advice.rsa4096"));
        };
    }

    /** Makes the key chosen, in the background. Call on the FX thread. */
    void make() {
        if (running.get() || origin.get() != Origin.GENERATE) {
            return;
        }
        discard();
        KeySpec spec = spec();
        start(Phrase.of("dkim.key.making", DkimWizardViewModel.typeName(spec.type()), spec.bits()),
                () -> KeyGenerator.generate(spec), Phrase.of("dkim.key.failed"));
    }

    /** Reads the key in {@code file} (asking for its passphrase if it turns out to be encrypted). Call on the FX thread. */
    void open(Path file) {
        if (running.get()) {
            return;
        }
        keyFile.set(Objects.requireNonNull(file, "file"));
        encrypted.set(false);
        passphrase.set("");
        read();
    }

    /** Reads the chosen file again, with the passphrase given now. Call on the FX thread. */
    void read() {
        Path file = keyFile.get();
        if (running.get() || file == null) {
            return;
        }
        discard();
        char[] secret = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        start(Phrase.of("dkim.key.reading", file.getFileName()), () -> {
            try {
                return KeyFiles.read(file, secret);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }, Phrase.of("dkim.key.readFailed", file));
    }

    /** Stops making or reading the key, as the user asked; a key made after all is thrown away. */
    void cancel() {
        if (running.get()) {
            stop();
            error.set(Phrase.of("dkim.key.cancelled"));
        }
    }

    /** Forgets the key and the file it came from, as a new start does; a file saved stays where it is. */
    void reset() {
        stop();
        discard();
        keyFile.set(null);
        encrypted.set(false);
        passphrase.set("");
    }

    /** Takes the key made or read. */
    void accept(DkimKey made) {
        error.set(Phrase.NONE);
        encrypted.set(false);
        passphrase.set("");
        heldAs = made == null ? null
                : new Choice(origin.get(), made.type(), made.type() == KeyType.RSA ? made.bits() : rsaBits.get());
        pendingChoice.set(null);
        key.set(made);
    }

    /**
     * Says why the key could not be made or read.
     *
     * @param otherwise what to say of a failure that is no key file problem (its own text is no sentence for anyone)
     */
    private void failed(Throwable failure, Phrase otherwise) {
        if (failure instanceof CancellationException) {
            error.set(Phrase.of("dkim.key.cancelled"));
        } else if (failure instanceof KeyFileException problem) {
            switch (problem.problem()) {
                case PASSPHRASE_REQUIRED -> {
                    encrypted.set(true);
                    error.set(Phrase.of("dkim.key.import.encrypted"));
                }
                case WRONG_PASSPHRASE -> {
                    encrypted.set(true);
                    error.set(Phrase.core(problem::message));
                }
                default -> error.set(Phrase.core(problem::message));
            }
        } else {
            error.set(otherwise);
        }
    }

    private void start(Phrase saying, Callable<DkimKey> work, Phrase otherwise) {
        error.set(Phrase.NONE);
        running.set(true);
        job.start(words.say(saying), () -> BackgroundJobs.completed(work), (made, failure) -> {
            running.set(false);
            if (failure == null) {
                accept(made);
            } else {
                failed(failure, otherwise);
            }
        });
    }

    /** Abandons the work running, saying nothing: what it would bring is not wanted any more. */
    private void stop() {
        job.abandon();
        running.set(false);
    }

    private Choice choice() {
        return new Choice(origin.get(), type.get(), rsaBits.get());
    }

    private void changedChoice(boolean originChanged) {
        if (restoring) {
            return;
        }
        if (key.get() != null) {
            pendingChoice.set(choice().replaces(heldAs) ? choice() : null);
        } else if (originChanged) {
            reset();
        } else if (origin.get() == Origin.GENERATE) {
            // A key still being made is no longer the one chosen.
            stop();
            discard();
        }
    }

    private void discard() {
        key.set(null);
        heldAs = null;
        pendingChoice.set(null);
        error.set(Phrase.NONE);
    }
}
