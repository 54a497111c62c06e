package org.mailwright.ui.dkim;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyFileException;
import org.mailwright.dkim.KeyFiles;
import org.mailwright.dkim.KeyGenerator;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.KeyType;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundWork;

/**
 * The wizard's key pair: made on this machine in the background (RSA 4096 takes seconds, so it
 * can be cancelled), or read from a private key file the user already has, asking for its
 * passphrase when it is encrypted. Changing what to make discards a key not saved anywhere yet.
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

    private final BackgroundWork work;
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
    private Task<DkimKey> task;

    KeyMaker(BackgroundWork work, Words words) {
        this.work = Objects.requireNonNull(work, "work");
        this.words = Objects.requireNonNull(words, "words");
        origin.addListener((observable, old, now) -> {
            cancel();
            discard();
            keyFile.set(null);
            encrypted.set(false);
            passphrase.set("");
        });
        type.addListener((observable, old, now) -> changedChoice());
        rsaBits.addListener((observable, old, now) -> changedChoice());
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
        String making = words.say(Phrase.of("dkim.key.making", DkimWizardViewModel.typeName(spec.type()), spec.bits()));
        start(new Task<>() {
            {
                updateMessage(making);
                updateProgress(-1, 1);
            }

            @Override
            protected DkimKey call() {
                return KeyGenerator.generate(spec);
            }
        });
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
        String reading = words.say(Phrase.of("dkim.key.reading", file.getFileName()));
        start(new Task<>() {
            {
                updateMessage(reading);
                updateProgress(-1, 1);
            }

            @Override
            protected DkimKey call() throws KeyFileException {
                try {
                    return KeyFiles.read(file, secret);
                } finally {
                    if (secret != null) {
                        Arrays.fill(secret, '\0');
                    }
                }
            }
        });
    }

    /** Stops making or reading the key; a key made after all is thrown away. */
    void cancel() {
        if (task != null && running.get()) {
            task.cancel();
        }
    }

    /** Takes the key made or read. */
    void accept(DkimKey made) {
        error.set(Phrase.NONE);
        encrypted.set(false);
        passphrase.set("");
        key.set(made);
    }

    /** Says why the key could not be made or read. */
    void failed(Throwable failure) {
        if (failure instanceof KeyFileException problem) {
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
            error.set(Phrase.of("dkim.key.failed", String.valueOf(failure.getMessage())));
        }
    }

    private void start(Task<DkimKey> job) {
        error.set(Phrase.NONE);
        running.set(true);
        job.setOnSucceeded(event -> {
            running.set(false);
            accept(job.getValue());
        });
        job.setOnFailed(event -> {
            running.set(false);
            failed(job.getException());
        });
        job.setOnCancelled(event -> {
            running.set(false);
            error.set(Phrase.of("dkim.key.cancelled"));
        });
        task = work.start(job);
    }

    private void changedChoice() {
        if (origin.get() == Origin.GENERATE) {
            cancel();
            discard();
        }
    }

    private void discard() {
        key.set(null);
        error.set(Phrase.NONE);
    }
}
