package org.mailwright.ui.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.files.AtomicFiles;
import org.mailwright.i18n.Messages;
import org.mailwright.i18n.ProblemException;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.ChangeSetExport;
import org.mailwright.publish.ChangeSetJson;
import org.mailwright.publish.DynamicUpdate;
import org.mailwright.publish.Publication;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.SecretPlace;
import org.mailwright.publish.SecretService;
import org.mailwright.publish.SecretServiceException;
import org.mailwright.publish.TsigAlgorithm;
import org.mailwright.publish.TsigKey;
import org.mailwright.publish.TsigKeyFile;
import org.mailwright.publish.UpdatePolicy;
import org.mailwright.publish.ZoneAccess;
import org.mailwright.publish.ZoneAccessStore;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The last part of every wizard: the change set the wizard planned, shown as a diff, exported in
 * the forms admins carry to their DNS host, or sent to the zone's primary server as dynamic
 * updates signed with TSIG. Sending reads the records again from the primary first; a name
 * changed since the wizard read it is shown, then and now, and nothing is sent until the user
 * confirms the same change against what is there now. Every form, verdict and sentence is the
 * core's, the same as {@code mailwright publish} prints.
 */
public final class PublishViewModel {

    /** The forms a change set is exported in. */
    public enum ExportForm {
        ZONE, PANEL, NSUPDATE, JSON
    }

    /** How far sending is. */
    public enum Stage {
        IDLE,
        /** Reading the records again from the primary. */
        READING,
        /** Records changed since the wizard read them: the user decides. */
        CONFIRM,
        SENDING,
        /** Ended; {@link #resultTextProperty()} says how. */
        DONE
    }

    /** Where the key held without a typed secret came from. */
    enum KeySource {
        FILE, REMEMBERED
    }

    /**
     * One change of the diff.
     *
     * @param heading the name, type, TTL and what happens
     * @param lines each record kept, removed or added
     */
    public record DiffEntry(String heading, List<RecordChange.DiffLine> lines) {
    }

    /** One field of a DNS web panel, with its label in the user's language. */
    public record PanelField(String label, String value) {
    }

    /** One record to enter in (or take out of) a web panel. */
    public record PanelEntry(ChangeSetExport.PanelRow.Step step, String title, List<PanelField> fields) {
    }

    /** One text of a server's least-privilege configuration and where it goes. */
    public record PolicySnippet(String where, String text) {
    }

    /** The records handed to sending once read again: what is sent, where, with which key. */
    private record Pending(ChangeSet changeSet, ServerAddress server, TsigKey key, boolean remember) {
    }

    /** How sending ended, worded again whenever the language changes. */
    private record Result(CheckState state, Supplier<String> text, boolean watchable) {
    }

    /** Problems of a key file that the fields above it can answer, when the file alone cannot. */
    private static final Set<String> ANSWERED_BY_FIELDS = Set.of("publish.key.no-name", "publish.key.no-algorithm",
            "publish.key.several");
    private static final System.Logger LOG = System.getLogger(PublishViewModel.class.getName());

    private final AppContext context;
    private final ZoneAccessStore store;
    private final Consumer<List<ExpectedRecord>> watchPropagation;
    private final LatestJob sendJob;
    private final LatestJob keyJob;
    private final LatestJob storeJob;
    private final LatestJob saveJob;
    private final ObservableValue<?> language;

    private final ObjectProperty<ChangeSet> planned = new SimpleObjectProperty<>(this, "planned");
    /** The set read again and sent, shown in place of the planned one until the wizard plans anew. */
    private final ReadOnlyObjectWrapper<ChangeSet> sent = new ReadOnlyObjectWrapper<>(this, "sent");
    private final ObjectProperty<ExportForm> exportForm = new SimpleObjectProperty<>(this, "exportForm", ExportForm.ZONE);
    private final StringProperty zone = new SimpleStringProperty(this, "zone", "");
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty keyName = new SimpleStringProperty(this, "keyName", "");
    private final ObjectProperty<TsigAlgorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm",
            TsigAlgorithm.HMAC_SHA256);
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember");
    private final ReadOnlyObjectWrapper<TsigKey> heldKey = new ReadOnlyObjectWrapper<>(this, "heldKey");
    private final ReadOnlyObjectWrapper<KeySource> heldSource = new ReadOnlyObjectWrapper<>(this, "heldSource");
    private final ReadOnlyObjectWrapper<Path> keyFile = new ReadOnlyObjectWrapper<>(this, "keyFile");
    private final ReadOnlyBooleanWrapper keyFileOpen = new ReadOnlyBooleanWrapper(this, "keyFileOpen");
    private final ReadOnlyObjectWrapper<Supplier<String>> keyFileProblem = new ReadOnlyObjectWrapper<>(this, "keyFileProblem");
    private final ReadOnlyObjectWrapper<DomainName> rememberedZone = new ReadOnlyObjectWrapper<>(this, "rememberedZone");
    private final ReadOnlyObjectWrapper<Supplier<String>> rememberNote = new ReadOnlyObjectWrapper<>(this, "rememberNote");
    private final BooleanProperty previewShown = new SimpleBooleanProperty(this, "previewShown");
    private final ObjectProperty<UpdatePolicy.Software> policySoftware = new SimpleObjectProperty<>(this, "policySoftware",
            UpdatePolicy.Software.KNOT);
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.IDLE);
    private final ReadOnlyObjectWrapper<List<Publication.Conflict>> conflicts =
            new ReadOnlyObjectWrapper<>(this, "conflicts", List.of());
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Supplier<String>> saveNote = new ReadOnlyObjectWrapper<>(this, "saveNote");
    private Pending pending;
    /** The zone of the set the wizard planned last, so a new record for the same domain keeps the fields as typed. */
    private DomainName plannedZone;

    private final ObjectBinding<ChangeSet> changeSet;
    private final StringBinding diffHeading;
    private final ObjectBinding<List<DiffEntry>> diff;
    private final StringBinding exportText;
    private final ObjectBinding<List<PanelEntry>> panel;
    private final StringBinding zoneProblem;
    private final StringBinding serverProblem;
    private final StringBinding keyNameProblem;
    private final StringBinding secretProblem;
    private final StringBinding keyNote;
    private final StringBinding sendBlocker;
    private final BooleanBinding busy;
    private final BooleanBinding canSend;
    private final BooleanBinding hasChanges;
    private final StringBinding previewText;
    private final StringBinding progressText;
    private final ObjectBinding<List<String>> conflictTexts;
    private final StringBinding resultText;
    private final ObjectBinding<CheckState> resultState;
    private final BooleanBinding watchable;
    private final StringBinding rememberText;
    private final StringBinding saveText;
    private final ObjectBinding<Optional<UpdatePolicy.Configuration>> policy;
    private final ObjectBinding<List<String>> policyExplanation;
    private final ObjectBinding<List<PolicySnippet>> policySnippets;

    /**
     * @param jobs where reading, sending and files run: the window's background work, or the caller's thread in tests
     * @param watchPropagation shows the Propagation page watching the records handed to it
     */
    public PublishViewModel(AppContext context, BackgroundJobs jobs, Consumer<List<ExpectedRecord>> watchPropagation) {
        this(context, jobs, watchPropagation, new ZoneAccessStore(context.dataFolder()));
    }

    /** With {@code store} for the remembered settings: tests give it a keyring of their own. */
    PublishViewModel(AppContext context, BackgroundJobs jobs, Consumer<List<ExpectedRecord>> watchPropagation,
            ZoneAccessStore store) {
        this.context = Objects.requireNonNull(context, "context");
        this.watchPropagation = Objects.requireNonNull(watchPropagation, "watchPropagation");
        this.store = Objects.requireNonNull(store, "store");
        sendJob = new LatestJob(jobs);
        keyJob = new LatestJob(jobs);
        storeJob = new LatestJob(jobs);
        saveJob = new LatestJob(jobs);
        language = context.settings().languageProperty();

        ObjectBinding<ChangeSet> zoned = Bindings.createObjectBinding(() -> planned.get() == null ? null
                : zoneName().flatMap(planned.get()::inZone).orElse(planned.get()), planned, zone);
        changeSet = Bindings.createObjectBinding(() -> sent.get() != null ? sent.get() : zoned.get(), sent, zoned);
        diffHeading = Bindings.createStringBinding(() -> changeSet.get() == null ? text("publish.empty")
                : changeSet.get().isEmpty() ? core("cli.publish.nothing-to-do") : changeSet.get().heading(locale()),
                changeSet, language);
        diff = Bindings.createObjectBinding(() -> changeSet.get() == null ? List.of() : changeSet.get().effective().stream()
                .map(change -> new DiffEntry(change.heading(locale()), change.diff())).toList(), changeSet, language);
        exportText = Bindings.createStringBinding(this::exportTextNow, changeSet, exportForm, server, language);
        panel = Bindings.createObjectBinding(this::panelNow, changeSet, language);

        zoneProblem = Bindings.createStringBinding(this::zoneProblemNow, zone, planned, language);
        serverProblem = Bindings.createStringBinding(this::serverProblemNow, server, language);
        keyNameProblem = Bindings.createStringBinding(() -> keyName.get().isBlank() ? ""
                : problemOf(() -> TsigKeyFile.keyName(keyName.get())), keyName, language);
        secretProblem = Bindings.createStringBinding(() -> secret.get().isBlank() || !keyNameProblem.get().isEmpty()
                || keyName.get().isBlank() ? "" : problemOf(this::typedKey), secret, keyName, algorithm, keyNameProblem, language);
        keyNote = Bindings.createStringBinding(this::keyNoteNow, secret, heldKey, heldSource, keyFile, keyFileOpen,
                keyFileProblem, keyName, algorithm, language);
        busy = Bindings.createBooleanBinding(() -> stage.get() == Stage.READING || stage.get() == Stage.SENDING, stage);
        sendBlocker = Bindings.createStringBinding(this::sendBlockerNow, changeSet, zone, zoneProblem, server, serverProblem,
                keyName, keyNameProblem, secret, secretProblem, heldKey, language);
        canSend = Bindings.createBooleanBinding(() -> sendBlocker.get().isEmpty() && !busy.get()
                && stage.get() != Stage.CONFIRM, sendBlocker, busy, stage);
        hasChanges = Bindings.createBooleanBinding(() -> changeSet.get() != null && !changeSet.get().isEmpty(), changeSet);
        previewText = Bindings.createStringBinding(this::previewTextNow, previewShown, changeSet, server, keyName, algorithm,
                language);
        progressText = Bindings.createStringBinding(() -> switch (stage.get()) {
            case READING -> text("publish.progress.read", pendingServer());
            case SENDING -> text("publish.progress.send", pendingServer());
            default -> "";
        }, stage, language);
        conflictTexts = Bindings.createObjectBinding(() -> conflicts.get().stream()
                .map(conflict -> conflict.explain(locale())).toList(), conflicts, language);
        resultText = Bindings.createStringBinding(() -> result.get() == null ? "" : result.get().text().get(), result, language);
        resultState = Bindings.createObjectBinding(() -> result.get() == null ? CheckState.UNKNOWN : result.get().state(),
                result);
        watchable = Bindings.createBooleanBinding(() -> result.get() != null && result.get().watchable(), result);
        rememberText = Bindings.createStringBinding(() -> rememberNote.get() == null ? "" : rememberNote.get().get(),
                rememberNote, language);
        saveText = Bindings.createStringBinding(() -> saveNote.get() == null ? "" : saveNote.get().get(), saveNote, language);
        policy = Bindings.createObjectBinding(this::policyNow, zone, keyName, algorithm, policySoftware);
        policyExplanation = Bindings.createObjectBinding(() -> policy.get().map(shown -> shown.explanation().stream()
                .map(sentence -> sentence.in(locale())).toList()).orElse(List.of(text("publish.policy.needs"))), policy, language);
        policySnippets = Bindings.createObjectBinding(() -> policy.get().map(shown -> shown.snippets().stream()
                .map(snippet -> new PolicySnippet(snippet.where().in(locale()), snippet.text())).toList())
                .orElse(List.of()), policy, language);

        planned.addListener((observable, old, set) -> plannedChanged(set));
        zone.addListener((observable, old, text) -> startAgain());
        // A key read from a file or remembered is the key of the name and algorithm shown: another name is another key.
        keyName.addListener((observable, old, text) -> dropHeldKeyUnlessNamed());
        algorithm.addListener((observable, old, chosen) -> dropHeldKeyUnlessNamed());
    }

    // ---- the change set and its forms ----

    /** The change set the wizard planned against what it read; null while it has none. Wizards bind it. */
    public ObjectProperty<ChangeSet> plannedProperty() {
        return planned;
    }

    /** The change set shown, exported and sent: the wizard's, in the zone given, or the one last read again and sent. */
    public ObjectBinding<ChangeSet> changeSetProperty() {
        return changeSet;
    }

    /** The zone and how many changes; that nothing needs changing; or that nothing is planned yet. */
    public StringBinding diffHeadingProperty() {
        return diffHeading;
    }

    /** True when the change set changes something, so there is something to export, preview and send. */
    public BooleanBinding hasChangesProperty() {
        return hasChanges;
    }

    public ObjectBinding<List<DiffEntry>> diffProperty() {
        return diff;
    }

    public ObjectProperty<ExportForm> exportFormProperty() {
        return exportForm;
    }

    /** The change set in the export form chosen (the zone file, the nsupdate script or JSON); empty for the panel sheet. */
    public StringBinding exportTextProperty() {
        return exportText;
    }

    /** The web panel's fields, one entry per record to add or remove. */
    public ObjectBinding<List<PanelEntry>> panelProperty() {
        return panel;
    }

    /** The file name the JSON's save dialog offers. */
    public String suggestedJsonName() {
        ChangeSet set = changeSet.get();
        return (set == null ? "changes" : set.zone().ascii() + "-changes") + ".json";
    }

    /** Saves the change set's JSON (what {@code mailwright publish --changes} reads) to {@code file}, in the background. */
    public void saveJson(Path file) {
        ChangeSet set = changeSet.get();
        if (set == null) {
            return;
        }
        String json = ChangeSetJson.write(set);
        saveJob.start(text("publish.progress.save", file.getFileName()), () -> BackgroundJobs.completed(() -> {
            // Whole or not at all, and never through a link: the file chooser has asked about replacing it.
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8), AtomicFiles.WORLD_READABLE, true);
            return file;
        }), (saved, failure) -> saveNote.set(failure == null ? () -> text("publish.json.saved", saved)
                : cancelled(causeOf(failure)) ? null : () -> text("publish.json.failed", file)));
    }

    /** Where the JSON went, or that it could not be saved. */
    public StringBinding saveNoteProperty() {
        return saveText;
    }

    // ---- the server and the key ----

    public StringProperty zoneProperty() {
        return zone;
    }

    /** The zone's primary server, {@code HOST} or {@code HOST:PORT}. */
    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty keyNameProperty() {
        return keyName;
    }

    public ObjectProperty<TsigAlgorithm> algorithmProperty() {
        return algorithm;
    }

    /** The secret as typed or pasted: Base64, or a whole key statement. */
    public StringProperty secretProperty() {
        return secret;
    }

    /** Keep the zone's settings and secret once the server accepts them. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    public StringBinding zoneProblemProperty() {
        return zoneProblem;
    }

    public StringBinding serverProblemProperty() {
        return serverProblem;
    }

    public StringBinding keyNameProblemProperty() {
        return keyNameProblem;
    }

    public StringBinding secretProblemProperty() {
        return secretProblem;
    }

    /** Where the key comes from when no secret is typed (its fingerprint, never the secret), and warnings about it. */
    public StringBinding keyNoteProperty() {
        return keyNote;
    }

    /** True while a secret read from a file or remembered stands in for a typed one. */
    public BooleanBinding holdsKeyProperty() {
        return heldKey.isNotNull();
    }

    /**
     * Reads the key from {@code file} in the background (BIND, Knot, nsupdate or the secret
     * alone); the name and algorithm fields fill in what the file does not say, and follow what it says.
     */
    public void readKeyFile(Path file) {
        Optional<String> typedName = keyName.get().isBlank() ? Optional.empty() : Optional.of(keyName.get());
        TsigAlgorithm chosen = algorithm.get();
        keyFileProblem.set(null);
        keyJob.start(text("publish.progress.keyFile", file.getFileName()), () -> BackgroundJobs.completed(() -> {
            TsigKey key = readKey(file, typedName, chosen);
            return new ReadKey(key, AtomicFiles.readableByOthers(file));
        }), (read, failure) -> {
            if (failure != null) {
                keyFileProblem.set(keyFileFailure(failure, file));
                return;
            }
            hold(read.key(), KeySource.FILE);
            keyFile.set(file);
            keyFileOpen.set(read.readableByOthers());
        });
    }

    private record ReadKey(TsigKey key, boolean readableByOthers) {
    }

    /** The zone whose settings are remembered now, when they are the ones in the fields; null otherwise. */
    public ReadOnlyObjectProperty<DomainName> rememberedZoneProperty() {
        return rememberedZone.getReadOnlyProperty();
    }

    /** Where the settings were remembered, or why they could not be. */
    public StringBinding rememberNoteProperty() {
        return rememberText;
    }

    /** Forgets the remembered zone's settings and deletes its secret from the keyring and the file, in the background. */
    public void forget() {
        DomainName forgotten = rememberedZone.get();
        if (forgotten == null) {
            return;
        }
        storeJob.start(text("publish.progress.forget", forgotten.ascii()), () -> BackgroundJobs.completed(() -> {
            store.forget(forgotten);
            return forgotten;
        }), (done, failure) -> {
            Throwable cause = failure == null ? null : causeOf(failure);
            if (cause != null && !(cause instanceof SecretServiceException)) {
                rememberNote.set(cancelled(cause) ? null
                        : () -> text("publish.remember.forgetFailed", store.secretFile(forgotten)));
                return;
            }
            // A keyring that failed kept only its item: the settings and the file are gone all the same.
            rememberedZone.set(null);
            remember.set(false);
            if (heldSource.get() == KeySource.REMEMBERED) {
                hold(null, null);
            }
            if (cause != null) {
                LOG.log(System.Logger.Level.WARNING, cause.getMessage());
                rememberNote.set(() -> text("publish.remember.forgetKeyringFailed", forgotten.ascii(),
                        SecretService.LABEL + forgotten.ascii()));
                return;
            }
            rememberNote.set(() -> text("publish.remember.forgotten", done.ascii()));
        });
    }

    // ---- least privilege ----

    /** The server whose configuration is shown. */
    public ObjectProperty<UpdatePolicy.Software> policySoftwareProperty() {
        return policySoftware;
    }

    /**
     * What the configuration allows and where its texts go, a paragraph each; what to fill in
     * first while the zone or key name is wrong.
     */
    public ObjectBinding<List<String>> policyExplanationProperty() {
        return policyExplanation;
    }

    /** The texts to paste, each with where it goes; none while the zone or key name is wrong. */
    public ObjectBinding<List<PolicySnippet>> policySnippetsProperty() {
        return policySnippets;
    }

    /** The name of a server in the user's language. */
    public String softwareName(UpdatePolicy.Software software) {
        return core("publish.policy.software." + software.id());
    }

    // ---- sending ----

    /** Why Send is not possible yet, in a sentence; empty when it is. */
    public StringBinding sendBlockerProperty() {
        return sendBlocker;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** True while reading or sending runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** Shows the dry run: each update message as it would be sent, signed with the key named. */
    public void preview() {
        previewShown.set(hasChanges.get());
    }

    /** The dry run; empty until asked for. */
    public StringBinding previewTextProperty() {
        return previewText;
    }

    /** What runs now: reading again or sending. */
    public StringBinding progressTextProperty() {
        return progressText;
    }

    /** Each name changed since the wizard read it, then and now, while the user decides. */
    public ObjectBinding<List<String>> conflictsProperty() {
        return conflictTexts;
    }

    /**
     * Reads the records again from the primary server and, when none changed since the wizard
     * read them, sends the change set signed with the key; otherwise waits for
     * {@link #publishAgainstNow()} or {@link #keepWhatIsThere()}.
     */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        ChangeSet set = changeSet.get();
        ServerAddress primary = serverAddress().orElseThrow();
        TsigKey key = key().orElseThrow();
        pending = new Pending(set, primary, key, remember.get());
        previewShown.set(false);
        result.set(null);
        conflicts.set(List.of());
        stage.set(Stage.READING);
        sendJob.start(text("publish.progress.read", primary), () -> Publication.readAgain(context.resolver(), primary, set),
                (reading, failure) -> {
                    if (failure != null) {
                        ended(failure);
                        return;
                    }
                    if (reading.unreadable().isPresent()) {
                        finish(CheckState.ERROR, () -> reading.unreadable().get().explain(locale()), false);
                        return;
                    }
                    pending = new Pending(reading.changeSet().orElseThrow(), primary, key, pending.remember());
                    if (!reading.conflicts().isEmpty()) {
                        conflicts.set(reading.conflicts());
                        stage.set(Stage.CONFIRM);
                        return;
                    }
                    transmit();
                });
    }

    /** The user's answer to records changed meanwhile: the same change, made against what is there now. */
    public void publishAgainstNow() {
        if (stage.get() == Stage.CONFIRM) {
            transmit();
        }
    }

    /** The user's other answer: nothing is sent, the records stay as they are now. */
    public void keepWhatIsThere() {
        if (stage.get() == Stage.CONFIRM) {
            conflicts.set(List.of());
            pending = null;
            finish(CheckState.INFO, () -> text("publish.conflict.kept"), false);
        }
    }

    /** How sending ended, in the core's sentences; empty before. */
    public StringBinding resultTextProperty() {
        return resultText;
    }

    public ObjectBinding<CheckState> resultStateProperty() {
        return resultState;
    }

    /** True once the server accepted the changes and publishes them, so Propagation has something to watch. */
    public BooleanBinding watchableProperty() {
        return watchable;
    }

    /** Hands what was sent to the Propagation page, which watches it reach every server. */
    public void watchPropagation() {
        ChangeSet set = changeSet.get();
        if (watchable.get() && set != null) {
            watchPropagation.accept(set.expectations());
        }
    }

    // ---- behind the scenes ----

    private void transmit() {
        Pending sending = pending;
        conflicts.set(List.of());
        sent.set(sending.changeSet());
        if (sending.changeSet().isEmpty()) {
            finish(CheckState.PASS, () -> core("cli.publish.nothing-to-do"), false);
            return;
        }
        stage.set(Stage.SENDING);
        Duration timeout = context.settings().timeoutProperty().get().multipliedBy(3);
        var resolver = context.resolver();
        sendJob.start(text("publish.progress.send", sending.server()), () -> BackgroundJobs.completed(
                () -> Publication.send(resolver, sending.server(), sending.key(), sending.changeSet(), timeout)),
                (outcome, failure) -> {
                    if (failure != null) {
                        ended(failure);
                        return;
                    }
                    CheckState state = outcome.published() ? CheckState.PASS
                            : outcome.accepted().isEmpty() ? CheckState.ERROR : CheckState.WARNING;
                    finish(state, () -> outcome.explain(locale()),
                            outcome.published() && !sending.changeSet().expectations().isEmpty());
                    if (sending.remember() && !outcome.accepted().isEmpty()) {
                        rememberAccess(new ZoneAccess(sending.changeSet().zone(), sending.server(), sending.key().name(),
                                sending.key().algorithm()), sending.key());
                    }
                });
    }

    private void finish(CheckState state, Supplier<String> text, boolean canWatch) {
        result.set(new Result(state, text, canWatch));
        stage.set(Stage.DONE);
    }

    /** Sending stopped: cancelled (Escape, or the window's work closing), or failed in a way the core has no sentence for. */
    private void ended(Throwable failure) {
        boolean whileSending = stage.get() == Stage.SENDING;
        Throwable cause = causeOf(failure);
        if (cancelled(cause)) {
            finish(whileSending ? CheckState.WARNING : CheckState.UNKNOWN,
                    () -> text(whileSending ? "publish.cancelled.sending" : "publish.cancelled.reading"), false);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "Publishing failed", cause);
        finish(CheckState.ERROR, () -> text("publish.failed"), false);
    }

    private void rememberAccess(ZoneAccess access, TsigKey key) {
        storeJob.start(text("publish.progress.remember", access.zone().ascii()), () -> BackgroundJobs.completed(
                () -> store.save(access, key)), (saved, failure) -> {
                    Path file = store.secretFile(access.zone());
                    if (failure != null) {
                        rememberNote.set(cancelled(causeOf(failure)) ? null
                                : () -> text("publish.remember.failed", access.zone().ascii(), file));
                        return;
                    }
                    rememberedZone.set(access.zone());
                    String zoneName = access.zone().ascii();
                    if (saved.place() == SecretPlace.KEYRING) {
                        rememberNote.set(() -> text("publish.remember.savedKeyring", zoneName));
                        return;
                    }
                    saved.keyringRefusal().ifPresent(why -> LOG.log(System.Logger.Level.WARNING, why));
                    Supplier<String> where = saved.mode().isPresent()
                            ? () -> text("publish.remember.saved", zoneName, file, saved.mode().get())
                            : () -> text("publish.remember.savedNoMode", zoneName, file);
                    rememberNote.set(saved.keyringRefusal().isEmpty() ? where
                            : () -> where.get() + " " + text("publish.remember.keyringRefused"));
                });
    }

    /** The wizard planned anew: a new domain's set takes the zone and what is remembered for it. */
    private void plannedChanged(ChangeSet set) {
        startAgain();
        if (set == null || set.zone().equals(plannedZone)) {
            return;
        }
        plannedZone = set.zone();
        zone.set(set.zone().ascii());
        DomainName asked = set.zone();
        storeJob.start(text("publish.progress.remembered", asked.ascii()), () -> BackgroundJobs.completed(
                () -> remembered(asked)), (found, failure) -> {
                    if (failure != null) {
                        rememberNote.set(cancelled(causeOf(failure)) ? null
                                : () -> text("publish.remember.unreadable", store.folder()));
                        return;
                    }
                    found.ifPresent(this::applyRemembered);
                });
    }

    /**
     * @param keyringSilent the secret is in the keyring, which failed or did not answer in time: the
     *     user unlocks it or types the secret again
     */
    private record Remembered(ZoneAccess access, Optional<TsigKey> key, boolean keyringSilent) {
    }

    /** What is remembered for the closest zone holding {@code name}; its secret empty when missing or unreadable (the user types it again). */
    private Optional<Remembered> remembered(DomainName name) throws IOException {
        Optional<ZoneAccess> access = store.closest(name);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Remembered(access.get(), store.key(access.get()), false));
        } catch (ProblemException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "The remembered secret of " + access.get().zone() + " is not one Mailwright wrote");
            return Optional.of(new Remembered(access.get(), Optional.empty(), false));
        } catch (SecretServiceException silent) {
            LOG.log(System.Logger.Level.WARNING, silent.getMessage());
            return Optional.of(new Remembered(access.get(), Optional.empty(), true));
        }
    }

    private void applyRemembered(Remembered found) {
        ZoneAccess access = found.access();
        hold(null, null);
        zone.set(access.zone().ascii());
        server.set(access.primary().toString());
        keyName.set(access.keyName().ascii());
        algorithm.set(access.algorithm());
        secret.set("");
        found.key().ifPresent(key -> hold(key, KeySource.REMEMBERED));
        remember.set(true);
        rememberedZone.set(access.zone());
        String zoneName = access.zone().ascii();
        rememberNote.set(found.key().isPresent() ? null
                : found.keyringSilent() ? () -> text("publish.remember.keyringUnreadable", zoneName)
                : () -> text("publish.remember.noSecret", zoneName));
    }

    /** What was read again, asked and sent belongs to the set shown before: it goes. */
    private void startAgain() {
        sendJob.abandon();
        pending = null;
        sent.set(null);
        conflicts.set(List.of());
        result.set(null);
        previewShown.set(false);
        stage.set(Stage.IDLE);
    }

    private void hold(TsigKey key, KeySource source) {
        heldKey.set(null);
        if (key != null) {
            keyName.set(key.name().ascii());
            algorithm.set(key.algorithm());
            secret.set("");
        }
        heldKey.set(key);
        heldSource.set(source);
        if (source != KeySource.FILE) {
            keyFile.set(null);
            keyFileOpen.set(false);
        }
        keyFileProblem.set(null);
    }

    private void dropHeldKeyUnlessNamed() {
        TsigKey held = heldKey.get();
        if (held != null && (algorithm.get() != held.algorithm()
                || !DomainName.parse(keyName.get()).name().map(held.name()::equals).orElse(false))) {
            hold(null, null);
        }
    }

    /** The key to sign with: the secret typed, else the one read from a file or remembered. */
    private Optional<TsigKey> key() {
        if (!secret.get().isBlank()) {
            try {
                return Optional.of(typedKey());
            } catch (ProblemException wrong) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(heldKey.get());
    }

    private TsigKey typedKey() {
        return TsigKeyFile.parse(secret.get(), Optional.of(keyName.get()), Optional.of(algorithm.get()));
    }

    /**
     * The key in {@code file}, read as the file says it; the fields fill in only what it leaves
     * open (a name, when it holds the secret alone or several keys; an algorithm).
     */
    private static TsigKey readKey(Path file, Optional<String> typedName, TsigAlgorithm chosen) throws IOException {
        try {
            return TsigKeyFile.read(file, Optional.empty(), Optional.empty());
        } catch (ProblemException open) {
            if (!ANSWERED_BY_FIELDS.contains(open.problem().key())) {
                throw open;
            }
            return TsigKeyFile.read(file, typedName, Optional.of(chosen));
        }
    }

    private Supplier<String> keyFileFailure(Throwable failure, Path file) {
        Throwable cause = causeOf(failure);
        if (cancelled(cause)) {
            return null;
        }
        if (cause instanceof ProblemException problem) {
            String key = problem.problem().key();
            // The core's sentences for these name command-line options; the window names its fields.
            if (key.equals("publish.key.no-name") || key.equals("publish.key.several")) {
                return () -> text("publish.keyFile.name", file);
            }
            return () -> text("publish.keyFile.unusable", file, problem.problem().text(locale()));
        }
        if (cause instanceof NoSuchFileException) {
            return () -> core("cli.publish.key-missing", file);
        }
        if (cause instanceof IOException) {
            return () -> core("cli.publish.key-unreadable", file);
        }
        LOG.log(System.Logger.Level.WARNING, "Reading a key file failed", cause);
        return () -> core("cli.publish.key-unreadable", file);
    }

    private String keyNoteNow() {
        if (keyFileProblem.get() != null) {
            return keyFileProblem.get().get();
        }
        TsigKey held = heldKey.get();
        if (!secret.get().isBlank() || held == null) {
            return key().filter(TsigKey::isShort).map(this::shortWarning).orElse("");
        }
        String from = heldSource.get() == KeySource.FILE
                ? text("publish.key.fromFile", keyFile.get(), held.fingerprint())
                : text("publish.key.remembered", held.fingerprint());
        if (keyFileOpen.get()) {
            from += " " + core("cli.publish.key-open", keyFile.get());
        }
        return held.isShort() ? from + " " + shortWarning(held) : from;
    }

    private String shortWarning(TsigKey key) {
        return core("cli.publish.key-short", key.name().ascii(), key.algorithm().outputOctets());
    }

    private Optional<DomainName> zoneName() {
        return DomainName.parse(zone.get()).name();
    }

    private Optional<ServerAddress> serverAddress() {
        try {
            return server.get().isBlank() ? Optional.empty() : Optional.of(ServerAddress.parse(server.get()));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private String zoneProblemNow() {
        if (zone.get().isBlank()) {
            return "";
        }
        DomainName.Parsed parsed = DomainName.parse(zone.get());
        if (parsed.problem().isPresent()) {
            return parsed.problem().get().text(locale());
        }
        ChangeSet set = planned.get();
        DomainName given = parsed.name().orElseThrow();
        return set == null ? "" : set.changes().stream().filter(change -> !change.name().isAtOrBelow(given)).findFirst()
                .map(outside -> core("cli.publish.outside-zone", outside.name().ascii(), given.ascii())).orElse("");
    }

    private String serverProblemNow() {
        if (server.get().isBlank()) {
            return "";
        }
        try {
            ServerAddress.parse(server.get());
            return "";
        } catch (ProblemException notAnAddress) {
            return text("publish.server.invalid", notAnAddress.problem(), server.get().strip());
        }
    }

    private String sendBlockerNow() {
        ChangeSet set = changeSet.get();
        if (set == null) {
            return text("publish.blocked.nothing");
        }
        if (set.isEmpty()) {
            return core("cli.publish.nothing-to-do");
        }
        if (!zoneProblem.get().isEmpty() || !serverProblem.get().isEmpty() || !keyNameProblem.get().isEmpty()
                || !secretProblem.get().isEmpty()) {
            return text("publish.blocked.fix");
        }
        if (zone.get().isBlank()) {
            return text("publish.blocked.zone");
        }
        if (server.get().isBlank()) {
            return text("publish.blocked.server");
        }
        if (keyName.get().isBlank()) {
            return text("publish.blocked.keyName");
        }
        return key().isPresent() ? "" : text("publish.blocked.secret");
    }

    private String previewTextNow() {
        ChangeSet set = changeSet.get();
        if (!previewShown.get() || set == null || set.isEmpty()) {
            return "";
        }
        Optional<ServerAddress> primary = serverAddress();
        Optional<DomainName> key = DomainName.parse(keyName.get()).name();
        String lead = primary.isPresent() && key.isPresent()
                ? core("cli.publish.dry-run.signed", primary.get(), key.get().ascii(), algorithm.get().id())
                : text("publish.preview.incomplete");
        return lead + "\n" + DynamicUpdate.presentation(set, locale());
    }

    private String exportTextNow() {
        ChangeSet set = changeSet.get();
        if (set == null) {
            return "";
        }
        return switch (exportForm.get()) {
            case ZONE -> ChangeSetExport.zoneSnippet(set, locale());
            case NSUPDATE -> ChangeSetExport.nsupdateScript(set, serverAddress(), locale());
            case JSON -> ChangeSetJson.write(set);
            case PANEL -> "";
        };
    }

    private List<PanelEntry> panelNow() {
        ChangeSet set = changeSet.get();
        if (set == null) {
            return List.of();
        }
        return ChangeSetExport.panelSheet(set).stream().map(row -> new PanelEntry(row.step(),
                core("publish.panel.step." + row.step().jsonName()), List.of(
                        new PanelField(core("publish.panel.host"), row.host()),
                        new PanelField(core("publish.panel.fqdn"), row.fqdn()),
                        new PanelField(core("publish.panel.type"), row.type()),
                        new PanelField(core("publish.panel.value"), row.value()),
                        new PanelField(core("publish.panel.ttl"), Long.toString(row.ttl()))))).toList();
    }

    private Optional<UpdatePolicy.Configuration> policyNow() {
        try {
            return Optional.of(UpdatePolicy.of(zone.get(), keyName.get(), algorithm.get().id()).configuration(policySoftware.get()));
        } catch (ProblemException incomplete) {
            return Optional.empty();
        }
    }

    private String pendingServer() {
        return pending == null ? "" : pending.server().toString();
    }

    private String problemOf(Supplier<?> check) {
        try {
            check.get();
            return "";
        } catch (ProblemException problem) {
            return problem.problem().text(locale());
        }
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** True when the work was stopped (Escape, or a newer request) rather than failed: a task cancelled while it waits is interrupted. */
    private static boolean cancelled(Throwable cause) {
        return cause instanceof CancellationException || cause instanceof InterruptedException
                || cause instanceof InterruptedIOException;
    }

    private Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    private String text(String key, Object... arguments) {
        return Texts.format(context.bundle(), key, arguments);
    }

    private String core(String key, Object... arguments) {
        return Messages.get(locale(), key, arguments);
    }
}
