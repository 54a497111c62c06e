package org.mailwright.ui.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.VerificationReport;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;

/**
 * The message checker: a raw message pasted or opened from a {@code .eml} file, every DKIM
 * signature in it verified in the background against the keys DNS publishes now.
 */
public final class MessageCheckViewModel {

    /** Larger files are not messages anyone pastes into a checker; refusing them keeps the window quick. */
    static final long MAX_MESSAGE_BYTES = 50L * 1024 * 1024;

    /** What an opened file holds, in short. */
    record OpenedFile(Path path, byte[] bytes, String from, String subject) {
    }

    private final AppContext context;
    private final Words words;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<OpenedFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<VerificationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Phrase> status = new ReadOnlyObjectWrapper<>(this, "status", Phrase.NONE);
    private final ReadOnlyObjectWrapper<Phrase> error = new ReadOnlyObjectWrapper<>(this, "error", Phrase.NONE);
    private final ObservableList<SignatureRow> rows = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<SignatureRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanBinding canVerify;
    private final StringBinding fileSummary;
    private Task<?> task;

    public MessageCheckViewModel(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
        words = new Words(context);
        canVerify = Bindings.createBooleanBinding(() -> !running.get() && (file.get() != null || !text.get().isBlank()),
                running, file, text);
        fileSummary = words.follow(() -> {
            OpenedFile opened = file.get();
            return opened == null ? "" : words.text("dkim.verify.file", opened.path().getFileName(), opened.bytes().length,
                    opened.from().isEmpty() ? "—" : opened.from(), opened.subject().isEmpty() ? "—" : opened.subject());
        }, file);
        text.addListener((observable, old, now) -> forget());
        file.addListener((observable, old, now) -> forget());
        words.language().addListener((observable, old, language) -> reword());
    }

    Words words() {
        return words;
    }

    /** The message as pasted. */
    public StringProperty textProperty() {
        return text;
    }

    /** The file opened, whose own bytes are checked; null when the pasted text is. */
    ReadOnlyObjectProperty<OpenedFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The file's name, size, sender and subject. */
    StringBinding fileSummary() {
        return fileSummary;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    /** The last verification; null before it or after the message changed. */
    ReadOnlyObjectProperty<VerificationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** How many signatures pass, and whom the keys were asked of. */
    ReadOnlyObjectProperty<Phrase> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the file could not be read or the check stopped. */
    ReadOnlyObjectProperty<Phrase> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The overall state: pass when a signature passes, error when none does, info for an unsigned message. */
    CheckState overallState() {
        VerificationReport shown = report.get();
        if (shown == null) {
            return CheckState.UNKNOWN;
        }
        if (shown.unsigned()) {
            return CheckState.INFO;
        }
        return shown.anyPass() ? CheckState.PASS : CheckState.ERROR;
    }

    /** One row per signature, top to bottom. */
    ObservableList<SignatureRow> rows() {
        return rowsView;
    }

    /** Reads a message file in the background; its own bytes are what is checked. Call on the FX thread. */
    void open(Path path) {
        if (running.get()) {
            return;
        }
        error.set(Phrase.NONE);
        Task<OpenedFile> job = new Task<>() {
            {
                updateMessage(words.text("dkim.verify.reading", path.getFileName()));
                updateProgress(-1, 1);
            }

            @Override
            protected OpenedFile call() throws IOException {
                return read(path);
            }
        };
        start(job, () -> file.set(job.getValue()), failure -> failure instanceof TooLarge
                ? Phrase.of("dkim.verify.tooLarge", path, MAX_MESSAGE_BYTES / (1024 * 1024))
                : Phrase.of("dkim.verify.unreadable", path, String.valueOf(failure.getMessage())));
    }

    /** Goes back to checking the pasted text. */
    void closeFile() {
        file.set(null);
        error.set(Phrase.NONE);
    }

    /** Verifies every signature of the message in the background. Call on the FX thread. */
    void verify() {
        if (!canVerify.get()) {
            return;
        }
        OpenedFile opened = file.get();
        byte[] message = opened != null ? opened.bytes() : text.get().getBytes(StandardCharsets.UTF_8);
        ResolverTarget target = context.resolverTarget();
        String resolver = context.describeResolver(words.bundle());
        DkimVerifier verifier = DkimVerifier.overDns(context.resolver(), target);
        error.set(Phrase.NONE);
        Task<VerificationReport> job = new Task<>() {
            private CompletableFuture<VerificationReport> pending;

            {
                updateMessage(words.text("dkim.verify.progress"));
                updateProgress(-1, 1);
            }

            @Override
            protected VerificationReport call() throws Exception {
                synchronized (this) {
                    pending = verifier.verify(message);
                }
                return pending.get();
            }

            @Override
            protected void cancelled() {
                synchronized (this) {
                    if (pending != null) {
                        pending.cancel(true);
                    }
                }
            }
        };
        start(job, () -> accept(job.getValue(), resolver),
                failure -> Phrase.of("dkim.verify.failed", String.valueOf(failure.getMessage())));
    }

    void cancel() {
        if (task != null && running.get()) {
            task.cancel();
        }
    }

    /** Shows a finished verification. */
    void accept(VerificationReport finished, String resolver) {
        report.set(finished);
        long passing = finished.signatures().stream().filter(signature -> signature.passed()).count();
        status.set(finished.unsigned() ? Phrase.of("dkim.verify.unsigned")
                : Phrase.of("dkim.verify.summary", finished.signatures().size(), passing, resolver));
        reword();
    }

    private <T> void start(Task<T> job, Runnable succeeded, Function<Throwable, Phrase> failed) {
        running.set(true);
        job.setOnSucceeded(event -> {
            running.set(false);
            succeeded.run();
        });
        job.setOnFailed(event -> {
            running.set(false);
            error.set(failed.apply(job.getException()));
        });
        job.setOnCancelled(event -> {
            running.set(false);
            error.set(Phrase.of("dkim.verify.cancelled"));
        });
        task = context.work().start(job);
    }

    static OpenedFile read(Path path) throws IOException {
        if (Files.size(path) > MAX_MESSAGE_BYTES) {
            throw new TooLarge();
        }
        byte[] bytes = Files.readAllBytes(path);
        MailMessage message = MailMessage.parse(bytes);
        return new OpenedFile(path, bytes, first(message, "From"), first(message, "Subject"));
    }

    private static String first(MailMessage message, String name) {
        return message.headers(name).stream().findFirst().map(HeaderField::value).map(String::strip).orElse("");
    }

    private void forget() {
        report.set(null);
        status.set(Phrase.NONE);
        reword();
    }

    private void reword() {
        VerificationReport shown = report.get();
        rows.setAll(shown == null ? List.of()
                : shown.signatures().stream().map(signature -> SignatureRow.of(signature, words)).toList());
    }

    /** A file too large to be a message worth checking here. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }
}
