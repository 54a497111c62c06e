package org.mailwright.ui.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimitException;
import org.mailwright.dkim.MessageLimits;
import org.mailwright.dkim.VerificationReport;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The message checker: a raw message pasted or opened from a {@code .eml} file, every DKIM
 * signature in it verified in the background against the keys DNS publishes now (asked of the
 * servers, never taken from what the cache held before the check).
 */
public final class MessageCheckViewModel {

    /** What an opened file holds: the message as read within the core's bounds, and its size on disk. */
    record OpenedFile(Path path, long size, MailMessage message, String from, String subject) {
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
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

    MessageCheckViewModel(AppContext context, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.job = new LatestJob(jobs);
        words = new Words(context);
        canVerify = Bindings.createBooleanBinding(() -> !running.get() && (file.get() != null || !text.get().isBlank()),
                running, file, text);
        fileSummary = words.follow(() -> {
            OpenedFile opened = file.get();
            return opened == null ? "" : words.text("dkim.verify.file", opened.path().getFileName(), opened.size(),
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
        start(words.text("dkim.verify.reading", path.getFileName()), () -> BackgroundJobs.completed(() -> read(path)), file::set,
                failure -> unreadable(path, failure));
    }

    /** Why {@code path} could not be read, in the user's words. */
    private static Phrase unreadable(Path path, Throwable failure) {
        if (failure instanceof MessageLimitException bound) {
            // The bound the command line names too, in the same words.
            return Phrase.core(bound.problem()::text);
        }
        if (failure instanceof NoSuchFileException) {
            return Phrase.of("dkim.verify.notFound", path);
        }
        return Phrase.of(failure instanceof AccessDeniedException ? "dkim.verify.denied" : "dkim.verify.unreadable", path);
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
        byte[] pasted = text.get().getBytes(StandardCharsets.UTF_8);
        ResolverTarget target = context.resolverTarget();
        String resolver = context.describeResolver(words.bundle());
        DkimVerifier verifier = DkimVerifier.overDns(context.resolver().fresh(), target);
        Supplier<CompletableFuture<VerificationReport>> checking = opened != null
                ? () -> verifier.verify(opened.message())
                : () -> verifier.verify(pasted);
        start(words.text("dkim.verify.progress"), checking, finished -> accept(finished, resolver),
                failure -> failure instanceof MessageLimitException bound ? Phrase.core(bound.problem()::text)
                        : Phrase.of("dkim.verify.failed"));
    }

    /** Stops reading or verifying, as the user asked. */
    void cancel() {
        if (running.get()) {
            job.abandon();
            running.set(false);
            error.set(Phrase.of("dkim.verify.cancelled"));
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

    /** Work in the background; a failure is said by {@code failed} in the user's words, never in the exception's. */
    private <T> void start(String message, Supplier<CompletableFuture<T>> work, Consumer<T> succeeded,
                           Function<Throwable, Phrase> failed) {
        running.set(true);
        error.set(Phrase.NONE);
        job.start(message, work, (value, failure) -> {
            running.set(false);
            if (failure == null) {
                succeeded.accept(value);
            } else {
                error.set(failure instanceof CancellationException ? Phrase.of("dkim.verify.cancelled") : failed.apply(failure));
            }
        });
    }

    static OpenedFile read(Path path) throws IOException {
        long size = Files.size(path);
        MailMessage message = MailMessage.read(path, MessageLimits.DEFAULT);
        return new OpenedFile(path, size, message, first(message, "From"), first(message, "Subject"));
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

}
