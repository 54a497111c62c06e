package org.mailwright.ui.dkim;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
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
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimitException;
import org.mailwright.dkim.MessageLimits;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.i18n.ProblemException;
import org.mailwright.message.Envelope;
import org.mailwright.message.MessageChecker;
import org.mailwright.message.MessageVerdict;
import org.mailwright.spf.IpText;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The message checker: a raw message pasted or opened from a {@code .eml} file, and what a
 * receiver decides about it (SPF, every DKIM signature, DMARC, ARC) worked out in the background
 * by the core's {@link MessageChecker} against what DNS publishes now (asked of the servers,
 * never taken from what the cache held before the check). What the user knows of the SMTP
 * session (the sender's address, HELO, the envelope sender) may be given; what is not is read
 * from the message.
 */
public final class MessageCheckViewModel {

    /** What an opened file holds: the message as read within the core's bounds, and its size on disk. */
    record OpenedFile(Path path, long size, MailMessage message, String from, String subject) {
    }

    /** A verdict and whom DNS was asked of, kept so a language switch rewords it. */
    private record Checked(MessageVerdict verdict, String resolver) {
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty clientAddress = new SimpleStringProperty(this, "clientAddress", "");
    private final StringProperty helo = new SimpleStringProperty(this, "helo", "");
    private final StringProperty mailFrom = new SimpleStringProperty(this, "mailFrom", "");
    private final ReadOnlyObjectWrapper<Phrase> clientProblem = new ReadOnlyObjectWrapper<>(this, "clientProblem", Phrase.NONE);
    private final ReadOnlyObjectWrapper<OpenedFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Checked> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private final ReadOnlyObjectWrapper<VerdictScreen> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyObjectWrapper<Phrase> error = new ReadOnlyObjectWrapper<>(this, "error", Phrase.NONE);
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
        clientAddress.addListener((observable, old, now) -> {
            // Said on commit only: a half-typed address is not yet a mistake.
            clientProblem.set(Phrase.NONE);
            forget();
        });
        helo.addListener((observable, old, now) -> forget());
        mailFrom.addListener((observable, old, now) -> forget());
        words.language().addListener((observable, old, language) -> reword());
    }

    Words words() {
        return words;
    }

    /** The message as pasted. */
    public StringProperty textProperty() {
        return text;
    }

    /** The address that connected to the receiver, as typed; empty to read it from the Received fields. */
    StringProperty clientAddressProperty() {
        return clientAddress;
    }

    /** The HELO name, as typed; empty to read it from the Received fields. */
    StringProperty heloProperty() {
        return helo;
    }

    /** The envelope sender, as typed; empty to read it from the Return-Path field. */
    StringProperty mailFromProperty() {
        return mailFrom;
    }

    /** Why the address typed is no address; said once the field is committed, never while typing. */
    ReadOnlyObjectProperty<Phrase> clientProblemProperty() {
        return clientProblem.getReadOnlyProperty();
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

    /** The last verdict in the user's words; null before a check or after the message or the session facts changed. */
    ReadOnlyObjectProperty<VerdictScreen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** Why the file could not be read or the check stopped. */
    ReadOnlyObjectProperty<Phrase> errorProperty() {
        return error.getReadOnlyProperty();
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

    /** Checks the address typed, as the user leaves the field or presses Enter in it; true when it is usable. */
    boolean commitClientAddress() {
        String typed = clientAddress.get().strip();
        try {
            if (!typed.isEmpty()) {
                IpText.parseAddress(typed);
            }
            clientProblem.set(Phrase.NONE);
            return true;
        } catch (ProblemException notAnAddress) {
            // The core's sentence, the one message check --ip says.
            clientProblem.set(Phrase.core(notAnAddress.problem()::text));
            return false;
        }
    }

    private Optional<InetAddress> client() {
        String typed = clientAddress.get().strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IpText.parseAddress(typed));
        } catch (ProblemException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Decides in the background what a receiver makes of the message. Call on the FX thread. */
    void verify() {
        if (!canVerify.get() || !commitClientAddress()) {
            return;
        }
        OpenedFile opened = file.get();
        byte[] pasted = text.get().getBytes(StandardCharsets.UTF_8);
        Envelope envelope = new Envelope(client(), given(helo), given(mailFrom));
        ResolverTarget target = context.resolverTarget();
        String resolver = context.describeResolver(words.bundle());
        MessageChecker checker = new MessageChecker(context.resolver().fresh(), target, Clock.systemUTC());
        Supplier<CompletableFuture<MessageVerdict>> checking = () -> BackgroundJobs
                .completed(() -> opened != null ? opened.message() : MailMessage.parse(pasted))
                .thenCompose(message -> checker.check(message, envelope));
        start(words.text("message.progress"), checking, verdict -> accept(verdict, resolver),
                failure -> failure instanceof MessageLimitException bound ? Phrase.core(bound.problem()::text)
                        : Phrase.of("dkim.verify.failed"));
    }

    private static Optional<String> given(StringProperty field) {
        String typed = field.get().strip();
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
    }

    /** Stops reading or checking, as the user asked. */
    void cancel() {
        if (running.get()) {
            job.abandon();
            running.set(false);
            error.set(Phrase.of("message.cancelled"));
        }
    }

    /** Shows a finished check. */
    void accept(MessageVerdict verdict, String resolver) {
        checked.set(new Checked(verdict, resolver));
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
                error.set(failure instanceof CancellationException ? Phrase.of("message.cancelled") : failed.apply(failure));
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
        checked.set(null);
        reword();
    }

    private void reword() {
        Checked shown = checked.get();
        screen.set(shown == null ? null : VerdictScreen.of(shown.verdict(), shown.resolver(), words));
    }
}
