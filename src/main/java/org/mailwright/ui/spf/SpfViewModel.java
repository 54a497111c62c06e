package org.mailwright.ui.spf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.PublishedRecords;
import org.mailwright.publish.RecordChange;
import org.mailwright.spf.DomainFacts;
import org.mailwright.spf.Ending;
import org.mailwright.spf.SpfDiscovery;
import org.mailwright.spf.SpfDraft;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfFlattener;
import org.mailwright.spf.SpfLinter;
import org.mailwright.spf.SpfProvider;
import org.mailwright.spf.SpfRecipe;
import org.mailwright.spf.SpfRecord;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.publish.PublishViewModel;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardViewModel;
import org.mailwright.ui.work.LatestJob;

/**
 * The SPF page: a wizard that writes the domain's SPF record from plain answers. It reads what the
 * domain publishes now (the record, linted; the MX hosts and addresses) and starts from it, builds
 * the record live as the answers change, counts its lookups and lints it in the background, tests
 * an address against it, flattens includes on request, and ends by checking the published record.
 *
 * <p>One domain at a time: the wizard follows the domain the other pages work on, unless the
 * user has edited a draft here; then it says it is still working on its own domain and offers to
 * switch. Nothing is drafted until what the domain publishes has been read.
 */
public final class SpfViewModel {

    /** What the record starts from; none while what the domain publishes is unknown. */
    public enum Start {
        /** The record the domain publishes now, read into the answers. */
        PUBLISHED,
        /** A new record, from the domain's MX hosts. */
        NEW,
        /** The template of a domain that sends no mail: {@code v=spf1 -all}. */
        NO_MAIL
    }

    /** How long typing must pause before the background work starts again. */
    static final Duration SETTLE = Duration.ofMillis(350);

    private final AppContext context;
    private final Consumer<List<ExpectedRecord>> watchPropagation;
    private final Words words;
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ReadOnlyStringWrapper domainName = new ReadOnlyStringWrapper(this, "domainName", "");
    private final ReadOnlyObjectWrapper<Progress> reading = new ReadOnlyObjectWrapper<>(this, "reading", Progress.IDLE);
    private final ReadOnlyObjectWrapper<DomainFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start");
    private final ReadOnlyBooleanWrapper draftEdited = new ReadOnlyBooleanWrapper(this, "draftEdited");
    private final ReadOnlyStringWrapper pendingDomain = new ReadOnlyStringWrapper(this, "pendingDomain", "");
    private final BooleanProperty mx = new SimpleBooleanProperty(this, "mx");
    private final BooleanProperty a = new SimpleBooleanProperty(this, "a");
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final Map<SpfProvider, BooleanProperty> providers = new EnumMap<>(SpfProvider.class);
    private final StringProperty customIncludes = new SimpleStringProperty(this, "customIncludes", "");
    private final StringProperty keptTerms = new SimpleStringProperty(this, "keptTerms", "");
    private final ObjectProperty<Ending> ending = new SimpleObjectProperty<>(this, "ending", Ending.FAIL);
    private final ReadOnlyObjectWrapper<SpfDraft.Flattening> flattening = new ReadOnlyObjectWrapper<>(this, "flattening");
    private final ReadOnlyObjectWrapper<Progress> flatteningProgress = new ReadOnlyObjectWrapper<>(this, "flatteningProgress", Progress.IDLE);
    private final ReadOnlyStringWrapper flatteningMessage = new ReadOnlyStringWrapper(this, "flatteningMessage", "");
    private final ReadOnlyStringWrapper reorderNote = new ReadOnlyStringWrapper(this, "reorderNote", "");
    private final ObservableList<Finding> publishedFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> publishedFindingsView = FXCollections.unmodifiableObservableList(publishedFindings);
    private final LatestJob readJob;
    private final LatestJob flattenJob;
    private final ObjectBinding<SpfDraft> answers;
    private final ObjectBinding<SpfDraft> draft;
    private final StringBinding record;
    private final StringBinding zoneLine;
    private final StringBinding domainProblem;
    private final StringBinding addressesProblem;
    private final StringBinding keptProblem;
    private final StringBinding serversProblem;
    private final StringBinding servicesProblem;
    private final StringBinding endingProblem;
    private final StringBinding publishedHeadline;
    private final StringBinding stillWorkingNotice;
    private final StringBinding switchDomainLabel;
    private final ObjectBinding<CheckState> publishedState;
    private final StringBinding mailHostsText;
    private final StringBinding ownAddressesText;
    private final BooleanBinding canEditPublished;
    private final BooleanBinding readable;
    private final StringBinding publishHow;
    private final BooleanBinding redirectAvailable;
    private final BooleanBinding canFlatten;
    private final BooleanBinding canListMailHostAddresses;
    private final BooleanProperty showKeptTerms = new SimpleBooleanProperty(this, "showKeptTerms");
    private final DraftCheck check;
    private final AddressTest test;
    private final PublishCheck publish;
    private final PublishViewModel publication;
    private final WizardViewModel wizard;
    private boolean loadingAnswers;
    private IncludeToAdd includeToAdd;

    /** @param watchPropagation shows the Propagation page watching the records handed to it */
    public SpfViewModel(AppContext context, Consumer<List<ExpectedRecord>> watchPropagation) {
        this(context, context.work(), SETTLE, watchPropagation);
    }

    /**
     * @param jobs where background work runs (the window's, or a direct one in tests)
     * @param settle how long typing must pause before lookups start again
     */
    SpfViewModel(AppContext context, BackgroundJobs jobs, Duration settle, Consumer<List<ExpectedRecord>> watchPropagation) {
        this.context = Objects.requireNonNull(context, "context");
        this.watchPropagation = Objects.requireNonNull(watchPropagation, "watchPropagation");
        this.words = new Words(context);
        readJob = new LatestJob(jobs, settle);
        flattenJob = new LatestJob(jobs, Duration.ZERO);
        for (SpfProvider provider : SpfProvider.values()) {
            providers.put(provider, new SimpleBooleanProperty(this, provider.name()));
        }
        ObservableValue<?> language = words.language();

        List<ObservableValue<?>> inputs = new ArrayList<>(List.of(mx, a, addresses, customIncludes, keptTerms, ending, flattening));
        inputs.addAll(providers.values());
        answers = Bindings.createObjectBinding(this::answersNow, inputs.toArray(Observable[]::new));
        draft = Bindings.createObjectBinding(() -> start.get() == Start.NO_MAIL ? SpfDraft.noMail() : answers.get(), start, answers);
        // No record before the domain's own is known: a draft must never stand in for a record nobody could read.
        record = Bindings.createStringBinding(() -> domainName.get().isEmpty() || start.get() == null ? ""
                : draft.get().validRecord().orElse(""), draft, domainName, start);
        zoneLine = Bindings.createStringBinding(() -> record.get().isEmpty() ? ""
                : SpfRecipe.zoneLine(domainName.get(), record.get(), ttl()), record, domainName, facts, context.settings().defaultTtlProperty());
        readable = Bindings.createBooleanBinding(() -> reading.get() == Progress.DONE && facts.get() != null && facts.get().readable(),
                reading, facts);

        domainProblem = Bindings.createStringBinding(this::domainProblemText, domain, reading, facts, language);
        addressesProblem = Bindings.createStringBinding(this::addressesProblemText, answers, language);
        keptProblem = Bindings.createStringBinding(this::keptProblemText, answers, language);
        serversProblem = Bindings.createStringBinding(() -> addressesProblem.get().isEmpty() ? keptProblem.get() : addressesProblem.get(),
                addressesProblem, keptProblem);
        servicesProblem = Bindings.createStringBinding(this::servicesProblemText, answers, language);
        endingProblem = Bindings.createStringBinding(() -> ending.get() == Ending.REDIRECT && !answers.get().keepsRedirect()
                ? words.text("spf.problem.noRedirect") : "", ending, answers, language);
        publishedHeadline = Bindings.createStringBinding(this::publishedHeadlineText, reading, facts, domainName, language);
        stillWorkingNotice = Bindings.createStringBinding(() -> pendingDomain.get().isEmpty() ? ""
                : words.text("spf.domain.stillWorking", domainName.get(), pendingDomain.get()), pendingDomain, domainName, language);
        switchDomainLabel = Bindings.createStringBinding(() -> words.text("spf.domain.switch", pendingDomain.get()),
                pendingDomain, language);
        publishedState = Bindings.createObjectBinding(this::publishedStateNow, reading, facts);
        mailHostsText = Bindings.createStringBinding(this::mailHostsTextNow, reading, facts, domainName, language);
        ownAddressesText = Bindings.createStringBinding(this::ownAddressesTextNow, reading, facts, domainName, language);
        publishHow = Bindings.createStringBinding(() -> words.text(publishedRecords().isEmpty() ? "spf.publish.how.add"
                : "spf.publish.how.replace", domainName.get()), facts, domainName, language);
        canEditPublished = Bindings.createBooleanBinding(() -> facts.get() != null && facts.get().editableRecord().isPresent(), facts);
        redirectAvailable = Bindings.createBooleanBinding(() -> answers.get().keepsRedirect(), answers);
        canFlatten = Bindings.createBooleanBinding(() -> !answers.get().includes().isEmpty() && !record.get().isEmpty()
                && flatteningProgress.get() != Progress.RUNNING, answers, record, flatteningProgress);

        canListMailHostAddresses = Bindings.createBooleanBinding(
                () -> facts.get() != null && !missingMailHostAddresses().isEmpty(), facts, addresses);
        check = new DraftCheck(words, new LatestJob(jobs, settle), () -> new SpfLinter(context.resolver(), context.resolverTarget()));
        test = new AddressTest(words, new LatestJob(jobs, settle),
                () -> new SpfEvaluator(context.resolver(), context.resolverTarget()), domainName, record);
        publish = new PublishCheck(words, new LatestJob(jobs, Duration.ZERO), context::resolver, context::resolverTarget);
        publication = new PublishViewModel(context, jobs, watchPropagation);
        publication.plannedProperty().bind(Bindings.createObjectBinding(this::changeSetNow, record, facts,
                context.settings().defaultTtlProperty()));
        wizard = wizard(language);

        start.addListener((observable, old, value) -> {
            if (!loadingAnswers && value != null) {
                draftEdited.set(true);
                if (value != Start.NO_MAIL) {
                    loadAnswers(value);
                }
            }
        });
        inputs.forEach(input -> onChange(input, () -> {
            if (!loadingAnswers) {
                draftEdited.set(true);
            }
        }));
        flattening.addListener((observable, old, value) -> check.setFlatteningWarning(value == null ? null : value.warning()));
        // Changing the services makes the flattened addresses a different list: start again from the includes.
        Runnable undoFlattening = () -> {
            if (flattening.get() != null && !loadingAnswers) {
                flattening.set(null);
                flatteningMessage.set(words.text("spf.flatten.undone"));
            }
        };
        customIncludes.addListener((observable, old, value) -> undoFlattening.run());
        providers.values().forEach(selected -> selected.addListener((observable, old, value) -> undoFlattening.run()));
        // A verdict belongs to the record and the domain it was given for: a new draft needs a new check.
        record.addListener((observable, old, value) -> {
            publish.reset();
            check.check(domainName.get(), value);
        });
        wizard.onClosingStepProperty().addListener((observable, old, closing) -> {
            if (closing) {
                verify();
            }
        });
        context.resolverProperty().addListener((observable, old, service) -> {
            // The settings changed the resolver (and cancelled what ran on the old one): ask the new one.
            check.checkAgain();
            test.run();
        });

        domain.addListener((observable, old, text) -> domainChanged());
        context.settings().lastDomainProperty().addListener((observable, old, text) -> workingDomainChanged(text));
        domain.set(Optional.ofNullable(context.settings().lastDomainProperty().get()).orElse(""));
        domainChanged();
    }

    // ---- step 1: the domain and what it publishes ----

    /** The domain as typed. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** The domain as DNS names it (lower case, A-labels, no final dot); empty while what is typed is not one. */
    public ReadOnlyStringProperty domainNameProperty() {
        return domainName.getReadOnlyProperty();
    }

    /** Reading the domain's records. */
    public ReadOnlyObjectProperty<Progress> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** What the domain publishes, once read. */
    public ReadOnlyObjectProperty<DomainFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The published record in one sentence (or that there is none, or what went wrong reading it). */
    public StringBinding publishedHeadlineProperty() {
        return publishedHeadline;
    }

    public ObjectBinding<CheckState> publishedStateProperty() {
        return publishedState;
    }

    /** What the linter says about the published record. */
    public ObservableList<Finding> publishedFindings() {
        return publishedFindingsView;
    }

    /** The SPF records published now, to show. */
    public List<String> publishedRecords() {
        return facts.get() == null ? List.of() : facts.get().spfRecords();
    }

    /** What the record starts from; null while nothing is drafted, because what the domain publishes is not known. */
    public ObjectProperty<Start> startProperty() {
        return start;
    }

    /** True when the domain publishes exactly one valid record, so it can be edited. */
    public BooleanBinding canEditPublishedProperty() {
        return canEditPublished;
    }

    /** True once what the domain publishes is known (read, and the TXT answer said it), so a record can be drafted. */
    public BooleanBinding readableProperty() {
        return readable;
    }

    /** True when the user changed the draft since it was filled in from what the domain publishes. */
    public ReadOnlyBooleanProperty draftEditedProperty() {
        return draftEdited.getReadOnlyProperty();
    }

    /**
     * The domain the other pages work on now, while this wizard keeps working on its own because
     * the user edited the draft; empty when they agree.
     */
    public ReadOnlyStringProperty pendingDomainProperty() {
        return pendingDomain.getReadOnlyProperty();
    }

    /** That the wizard is still working on its domain, not on the one the other pages moved to; empty when they agree. */
    public StringBinding stillWorkingNoticeProperty() {
        return stillWorkingNotice;
    }

    /** The words on the button that switches: {@code Switch to corp.test}. */
    public StringBinding switchDomainLabelProperty() {
        return switchDomainLabel;
    }

    /** Drops the edited draft and works on the domain the other pages work on. */
    public void switchToPendingDomain() {
        String next = pendingDomain.get();
        if (!next.isEmpty()) {
            draftEdited.set(false);
            domain.set(next);
        }
    }

    /**
     * Reads the domain again, asking the servers now. A draft the user has not edited is drafted
     * again from what is found; an edited one is kept.
     */
    public void readAgain() {
        read(context.resolver().fresh());
    }

    // ---- step 2: own servers ----

    public BooleanProperty mxProperty() {
        return mx;
    }

    public BooleanProperty aProperty() {
        return a;
    }

    /** Addresses and networks, one per line. */
    public StringProperty addressesProperty() {
        return addresses;
    }

    /** Terms of the published record the questions do not cover, kept as written. */
    public StringProperty keptTermsProperty() {
        return keptTerms;
    }

    /** Why an address cannot be listed; empty when all can. */
    public StringBinding addressesProblemProperty() {
        return addressesProblem;
    }

    /** Why the kept terms cannot go into the record; empty when they can. */
    public StringBinding keptProblemProperty() {
        return keptProblem;
    }

    /** The MX hosts and their addresses, as the mx answer shows them. */
    public StringBinding mailHostsTextProperty() {
        return mailHostsText;
    }

    /** The domain's own addresses, as the a answer shows them. */
    public StringBinding ownAddressesTextProperty() {
        return ownAddressesText;
    }

    /** Set when reading the published record moved an exclusion ahead of what it followed. */
    public ReadOnlyStringProperty reorderNoteProperty() {
        return reorderNote.getReadOnlyProperty();
    }

    /** True when the MX hosts have addresses that are not listed yet. */
    public BooleanBinding canListMailHostAddressesProperty() {
        return canListMailHostAddresses;
    }

    /** True when the record started from has terms the questions do not cover, so the field for them shows. */
    public ObservableBooleanValue showKeptTermsProperty() {
        return showKeptTerms;
    }

    /** Lists the MX hosts' addresses instead of mx: no lookup, but they must be updated when the hosts change. */
    public void listMailHostAddresses() {
        List<String> missing = missingMailHostAddresses();
        String text = addresses.get().strip();
        addresses.set((text.isEmpty() ? "" : text + "\n") + String.join("\n", missing));
        mx.set(false);
    }

    // ---- step 3: services ----

    public BooleanProperty providerProperty(SpfProvider provider) {
        return providers.get(provider);
    }

    /**
     * Adds {@code include} to the record of {@code domainName} (as another page names it): at once
     * when that record is drafted, else as soon as it is, after what the domain publishes was read
     * into the answers. Working on another domain first forgets it.
     */
    public void addInclude(String domainName, String include) {
        DomainName.parseDomain(domainName).name().ifPresent(name -> {
            includeToAdd = new IncludeToAdd(name.ascii(), include);
            addPendingInclude();
        });
    }

    private record IncludeToAdd(String domain, String include) {
    }

    private void addPendingInclude() {
        if (includeToAdd == null || start.get() == null || !includeToAdd.domain().equals(domainName.get())) {
            return;
        }
        SpfDraft with = answers.get().withInclude(includeToAdd.include());
        includeToAdd = null;
        providers.forEach((provider, selected) -> selected.set(with.providers().contains(provider)));
        customIncludes.set(String.join("\n", with.customIncludes()));
    }

    /** Other include domains, one per line. */
    public StringProperty customIncludesProperty() {
        return customIncludes;
    }

    /** Why an other service cannot be included; empty when all can. */
    public StringBinding servicesProblemProperty() {
        return servicesProblem;
    }

    public BooleanBinding canFlattenProperty() {
        return canFlatten;
    }

    /** The includes replaced by addresses now; null when none are. */
    public ReadOnlyObjectProperty<SpfDraft.Flattening> flatteningProperty() {
        return flattening.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Progress> flatteningProgressProperty() {
        return flatteningProgress.getReadOnlyProperty();
    }

    /** What flattening did, or why it did nothing. */
    public ReadOnlyStringProperty flatteningMessageProperty() {
        return flatteningMessage.getReadOnlyProperty();
    }

    /** Replaces the includes that can be replaced faithfully with the addresses they authorize today. */
    public void flatten() {
        String name = domainName.get();
        String unflattened = answers.get().withFlattening(null).validRecord().orElse("");
        if (name.isEmpty() || unflattened.isEmpty()) {
            return;
        }
        flatteningProgress.set(Progress.RUNNING);
        flatteningMessage.set(words.text("spf.flatten.running"));
        SpfFlattener flattener = new SpfFlattener(context.resolver(), context.resolverTarget());
        flattenJob.start(words.text("spf.progress.flatten", name), () -> flattener.flatten(name, unflattened), (done, failed) -> {
            if (failed != null) {
                flatteningProgress.set(Words.ended(failed));
                flatteningMessage.set(words.text(flatteningProgress.get() == Progress.CANCELLED ? "spf.flatten.cancelled"
                        : "spf.flatten.failed"));
                return;
            }
            flatteningProgress.set(Progress.DONE);
            if (done.flattenedIncludes().isEmpty()) {
                flatteningMessage.set(words.text("spf.flatten.nothing"));
                return;
            }
            flattening.set(flatteningOf(done));
            flatteningMessage.set(words.text(done.keptIncludes().isEmpty() ? "spf.flatten.done" : "spf.flatten.donePartly",
                    String.join(", ", done.flattenedIncludes()), flattening.get().networks().size(),
                    String.join(", ", done.keptIncludes())));
        });
    }

    /** Goes back to the includes. */
    public void undoFlattening() {
        flattening.set(null);
        flatteningProgress.set(Progress.IDLE);
        flatteningMessage.set("");
    }

    // ---- step 4: everyone else ----

    public ObjectProperty<Ending> endingProperty() {
        return ending;
    }

    /** True when a redirect is kept, so the record may end without an all. */
    public BooleanBinding redirectAvailableProperty() {
        return redirectAvailable;
    }

    // ---- the live result, the test, the check ----

    /** The record as it will be published; empty while an answer is not valid. */
    public StringBinding recordProperty() {
        return record;
    }

    /** The record as a zone-file line (long records split into strings of 255). */
    public StringBinding zoneLineProperty() {
        return zoneLine;
    }

    /** The record's lookup count and findings, checked live. */
    public DraftCheck check() {
        return check;
    }

    public AddressTest test() {
        return test;
    }

    public PublishCheck publish() {
        return publish;
    }

    /** The record as a change set: shown as a diff, exported, or sent to the zone's primary server. */
    public PublishViewModel publication() {
        return publication;
    }

    /** How to publish the record: add it, or replace the one published now. */
    public StringBinding publishHowProperty() {
        return publishHow;
    }

    /** Checks what the domain publishes now against the record written. */
    public void verify() {
        if (!record.get().isEmpty()) {
            publish.check(domainName.get(), record.get(), publishedRecords());
        }
    }

    /** Hands the record to the Propagation page, which watches it arrive on every server. */
    public void watchPropagation() {
        if (!record.get().isEmpty()) {
            watchPropagation.accept(List.of(ExpectedRecord.of(domainName.get(), RecordType.TXT, record.get())));
        }
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    /** The language findings and traces are worded in. */
    public Locale locale() {
        return words.locale();
    }

    // ---- behind the scenes ----

    private WizardViewModel wizard(ObservableValue<?> language) {
        BooleanBinding sendsMail = start.isNotEqualTo(Start.NO_MAIL);
        WizardStep domainStep = step("domain", domainProblem, Bindings.createStringBinding(() -> domainName.get().isEmpty()
                || start.get() == null ? "" : words.text("spf.answer.domain." + start.get().name().toLowerCase(Locale.ROOT), domainName.get()),
                domainName, start, language), null);
        WizardStep serversStep = step("servers", serversProblem, Bindings.createStringBinding(this::serversAnswer, answers, language), sendsMail);
        WizardStep servicesStep = step("services", servicesProblem, Bindings.createStringBinding(this::servicesAnswer, answers, language), sendsMail);
        WizardStep endingStep = step("ending", endingProblem,
                Bindings.createStringBinding(() -> words.text("spf.ending.answer." + ending.get().key()), ending, language), sendsMail);
        WizardStep testStep = step("test", WizardStep.noProblem(), test.answerProperty(), null);
        WizardStep publishStep = step("publish", WizardStep.noProblem(), Bindings.createStringBinding(() -> ""), null);
        return new WizardViewModel(List.of(domainStep, serversStep, servicesStep, endingStep, testStep), record, zoneLine,
                publishStep, () -> { });
    }

    private static <T> void onChange(ObservableValue<T> value, Runnable action) {
        value.addListener((observable, old, now) -> action.run());
    }

    private WizardStep step(String name, ObservableValue<String> problem, ObservableValue<String> answer, ObservableValue<Boolean> active) {
        ObservableValue<?> language = words.language();
        String prefix = "spf.step." + name + ".";
        return new WizardStep(
                Bindings.createStringBinding(() -> words.text(prefix + "title"), language),
                Bindings.createStringBinding(() -> words.text(prefix + "question", domainName.get()), language, domainName),
                Bindings.createStringBinding(() -> words.text(prefix + "why", domainName.get()), language, domainName),
                problem, answer, active);
    }

    private void domainChanged() {
        String name = DomainName.parseDomain(domain.get()).name().map(DomainName::ascii).orElse("");
        if (name.equals(domainName.get()) && reading.get() != Progress.IDLE) {
            return;
        }
        // What was read, drafted and checked belongs to the previous domain: it goes before anything of the next one shows.
        readJob.abandon();
        if (includeToAdd != null && !includeToAdd.domain().equals(name)) {
            includeToAdd = null;
        }
        reading.set(name.isEmpty() ? Progress.IDLE : Progress.RUNNING);
        facts.set(null);
        publishedFindings.clear();
        pendingDomain.set("");
        clearDraft();
        domainName.set(name);
        restartWizard();
        if (!name.isEmpty()) {
            context.settings().lastDomainProperty().set(name);
            read(context.resolver());
        }
    }

    /** Back to the first question: the answers are another domain's now. */
    private void restartWizard() {
        wizard.restart();
    }

    /** Another page chose the domain to work on: follow it, unless the user edited the draft here. */
    private void workingDomainChanged(String text) {
        Optional<DomainName> next = DomainName.parseDomain(text).name();
        if (next.isEmpty()) {
            return;
        }
        String name = next.get().ascii();
        if (name.equals(domainName.get())) {
            pendingDomain.set("");
        } else if (draftEdited.get()) {
            pendingDomain.set(name);
        } else {
            domain.set(name);
        }
    }

    private void read(ResolverService service) {
        String name = domainName.get();
        if (name.isEmpty()) {
            return;
        }
        SpfDiscovery discovery = new SpfDiscovery(service, context.resolverTarget(),
                context.settings().nameServerPortProperty().get());
        DomainName toRead = DomainName.of(name);
        reading.set(Progress.RUNNING);
        readJob.start(words.text("spf.progress.read", name), () -> discovery.discover(toRead), (done, failed) -> {
            if (failed != null) {
                reading.set(Words.ended(failed));
                if (!draftEdited.get()) {
                    clearDraft();
                }
                return;
            }
            facts.set(done);
            publishedFindings.setAll(done.lint().findings());
            reading.set(Progress.DONE);
            if (draftEdited.get()) {
                return;
            }
            if (done.readable()) {
                prefill(done);
            } else {
                clearDraft();
            }
        });
    }

    /** Fills the answers in from what the domain publishes: its record to edit, or a new one. */
    private void prefill(DomainFacts found) {
        Start from = found.editableRecord().isPresent() ? Start.PUBLISHED : Start.NEW;
        loadingAnswers = true;
        try {
            start.set(from);
        } finally {
            loadingAnswers = false;
        }
        loadAnswers(from);
        draftEdited.set(false);
        addPendingInclude();
    }

    /** Drafts nothing: what the domain publishes is not known (yet). */
    private void clearDraft() {
        flattenJob.abandon();
        loadingAnswers = true;
        try {
            start.set(null);
            flattening.set(null);
            flatteningProgress.set(Progress.IDLE);
            flatteningMessage.set("");
            reorderNote.set("");
        } finally {
            loadingAnswers = false;
        }
        draftEdited.set(false);
    }

    /** Sets every answer from the published record, or to a new record's starting point. */
    private void loadAnswers(Start from) {
        DomainFacts found = facts.get();
        Optional<SpfRecord> published = found == null ? Optional.empty() : found.editableRecord();
        SpfDraft loaded;
        if (from == Start.PUBLISHED && published.isPresent()) {
            loaded = SpfDraft.fromRecord(published.get());
            reorderNote.set(SpfDraft.movesExclusions(published.get()) ? words.text("spf.servers.reordered") : "");
        } else {
            loaded = SpfDraft.noMail().withMx(found != null && !found.mailHosts().isEmpty());
            reorderNote.set("");
        }
        loadingAnswers = true;
        try {
            mx.set(loaded.mx());
            a.set(loaded.a());
            addresses.set(String.join("\n", loaded.addresses()));
            providers.forEach((provider, selected) -> selected.set(loaded.providers().contains(provider)));
            customIncludes.set(String.join("\n", loaded.customIncludes()));
            keptTerms.set(String.join(" ", loaded.keptTerms()));
            showKeptTerms.set(!loaded.keptTerms().isEmpty());
            ending.set(loaded.ending());
            flattening.set(null);
            flatteningProgress.set(Progress.IDLE);
            flatteningMessage.set("");
        } finally {
            loadingAnswers = false;
        }
    }

    private SpfDraft answersNow() {
        Set<SpfProvider> chosen = EnumSet.noneOf(SpfProvider.class);
        providers.forEach((provider, selected) -> {
            if (selected.get()) {
                chosen.add(provider);
            }
        });
        return new SpfDraft(mx.get(), a.get(), SpfDraft.entries(addresses.get()), chosen, SpfDraft.entries(customIncludes.get()),
                SpfDraft.entries(keptTerms.get()), ending.get(), flattening.get());
    }

    private static SpfDraft.Flattening flatteningOf(SpfFlattener.Result result) {
        List<String> includes = result.flattenedIncludes().stream().map(SpfDraft::bareInclude).toList();
        return new SpfDraft.Flattening(includes, result.addedNetworks(), result.refreshSeconds(), result.warning());
    }

    /**
     * The record written, replacing the domain's SPF record (and leaving its other TXT records),
     * planned against the TXT records read: as the zone's name servers publish them, else as the
     * resolver answered. None while no record is written or neither answer says what is published.
     */
    private ChangeSet changeSetNow() {
        DomainFacts found = facts.get();
        if (record.get().isEmpty() || found == null) {
            return null;
        }
        PublishedRecords zone = new PublishedRecords(found.domain(), found.authoritativeTxt());
        PublishedRecords read = zone.readable() ? zone : new PublishedRecords(found.domain(), found.txt());
        if (!read.readable()) {
            return null;
        }
        return ChangeSet.of(found.domain(), RecordChange.plan(found.domain(), ttl(), read.records(),
                new RecordChange.Intent.Replace(record.get())));
    }

    private List<String> missingMailHostAddresses() {
        return facts.get().mailHostAddressesNotIn(SpfDraft.entries(addresses.get()).stream().map(SpfDraft::bareAddress).toList());
    }

    /** The published record's TTL on the zone's name servers when it is edited, else the one chosen in Settings. */
    private long ttl() {
        long chosen = context.settings().defaultTtlProperty().get();
        return facts.get() == null ? chosen : facts.get().zoneTtl(chosen);
    }

    private String domainProblemText() {
        DomainName.Parsed parsed = DomainName.parseDomain(domain.get());
        if (parsed.problem().isPresent()) {
            return parsed.problem().get().text(words.locale());
        }
        String name = parsed.name().orElseThrow().ascii();
        return switch (reading.get()) {
            case IDLE -> "";
            case RUNNING -> words.text("spf.problem.reading", name);
            case FAILED, CANCELLED -> words.text("spf.problem.notRead", name);
            case DONE -> facts.get() != null && !facts.get().readable() ? words.text("spf.problem.notRead", name) : "";
        };
    }

    private String addressesProblemText() {
        return answers.get().addressProblem().map(address -> entryProblem("spf.problem.address", address)).orElse("");
    }

    private String keptProblemText() {
        return answers.get().keptProblem().map(kept -> kept.syntax() == null
                ? words.text("spf.problem.keptAll", kept.term())
                : words.text("spf.problem.kept", kept.term(), kept.syntax().reason(words.locale()))).orElse("");
    }

    private String servicesProblemText() {
        return answers.get().includeProblem().map(problem -> entryProblem("spf.problem.include", problem)).orElse("");
    }

    /** The reason alone when it names the entry already, else the entry and the reason. */
    private String entryProblem(String key, SpfDraft.EntryProblem problem) {
        String reason = problem.reason().reason(words.locale());
        return reason.contains(problem.entry()) ? reason + "." : words.text(key, problem.entry(), reason);
    }

    private String serversAnswer() {
        SpfDraft now = answers.get();
        List<String> parts = new ArrayList<>();
        if (now.mx()) {
            parts.add("mx");
        }
        if (now.a()) {
            parts.add("a");
        }
        now.addresses().stream().map(SpfDraft::bareAddress).forEach(parts::add);
        parts.addAll(now.keptTerms());
        return parts.isEmpty() ? words.text("spf.answer.none") : String.join(", ", parts);
    }

    private String servicesAnswer() {
        SpfDraft now = answers.get();
        List<String> parts = new ArrayList<>();
        now.providers().stream().sorted().map(SpfProvider::displayName).forEach(parts::add);
        now.customIncludes().stream().map(SpfDraft::bareInclude).forEach(parts::add);
        String answer = parts.isEmpty() ? words.text("spf.answer.none") : String.join(", ", parts);
        return now.flattening() == null ? answer : words.text("spf.answer.flattened", answer);
    }

    private String publishedHeadlineText() {
        String name = domainName.get();
        return switch (reading.get()) {
            case IDLE -> "";
            case RUNNING -> words.text("spf.published.reading", name);
            case FAILED -> words.text("spf.published.failed", name);
            case CANCELLED -> words.text("spf.published.cancelled", name);
            case DONE -> {
                DomainFacts found = facts.get();
                if (found == null) {
                    yield "";
                }
                List<String> records = found.spfRecords();
                if (!found.readable()) {
                    yield words.text("spf.published.unreadable", found.txt().explain(words.locale()));
                }
                if (records.isEmpty()) {
                    yield words.text("spf.published.none", name);
                }
                if (records.size() > 1) {
                    yield words.text("spf.published.many", name, records.size());
                }
                yield found.editableRecord().isPresent()
                        ? words.text("spf.published.one", name, found.lint().lookups(), SpfEvaluator.MAX_DNS_TERMS)
                        : words.text("spf.published.invalid", name);
            }
        };
    }

    private CheckState publishedStateNow() {
        return switch (reading.get()) {
            case IDLE, RUNNING -> CheckState.PENDING;
            case FAILED, CANCELLED -> CheckState.UNKNOWN;
            case DONE -> {
                DomainFacts found = facts.get();
                yield found == null || !found.readable() ? CheckState.UNKNOWN : CheckState.of(found.lint().worstSeverity());
            }
        };
    }

    private String mailHostsTextNow() {
        DomainFacts found = facts.get();
        if (found == null) {
            return reading.get() == Progress.RUNNING ? words.text("spf.servers.looking") : "";
        }
        if (found.mailHosts().isEmpty()) {
            return words.text("spf.servers.mx.none", domainName.get());
        }
        return words.text("spf.servers.now", found.mailHosts().stream()
                .map(host -> host.addresses().isEmpty() ? words.text("spf.servers.host.noAddress", host.name())
                        : words.text("spf.servers.host", host.name(), String.join(", ", host.addresses())))
                .collect(Collectors.joining("; ")));
    }

    private String ownAddressesTextNow() {
        DomainFacts found = facts.get();
        if (found == null) {
            return reading.get() == Progress.RUNNING ? words.text("spf.servers.looking") : "";
        }
        return found.ownAddresses().isEmpty() ? words.text("spf.servers.a.none", domainName.get())
                : words.text("spf.servers.now", String.join(", ", found.ownAddresses()));
    }
}
