package org.mailwright.ui.spf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.spf.IpNetwork;
import org.mailwright.spf.Mechanism;
import org.mailwright.spf.MechanismType;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfFlattener;
import org.mailwright.spf.SpfLinter;
import org.mailwright.spf.SpfProvider;
import org.mailwright.spf.SpfRecipe;
import org.mailwright.spf.SpfRecord;
import org.mailwright.spf.SpfSyntaxException;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.domain.DomainName;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardViewModel;
import org.mailwright.ui.work.LatestJob;

/**
 * The SPF page: a wizard that writes the domain's SPF record from plain answers. It reads what the
 * domain publishes now (the record, linted; the MX hosts and addresses) and starts from it, builds
 * the record live as the answers change, counts its lookups and lints it in the background, tests
 * an address against it, flattens includes on request, and ends by checking the published record.
 */
public final class SpfViewModel {

    /** What the record starts from. */
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
    private final SimpleStringProperty readFailure = new SimpleStringProperty(this, "readFailure", "");
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start", Start.NEW);
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
    private final ObjectBinding<CheckState> publishedState;
    private final StringBinding mailHostsText;
    private final StringBinding ownAddressesText;
    private final BooleanBinding canEditPublished;
    private final StringBinding publishHow;
    private final BooleanBinding redirectAvailable;
    private final BooleanBinding canFlatten;
    private final BooleanBinding canListMailHostAddresses;
    private final BooleanProperty showKeptTerms = new SimpleBooleanProperty(this, "showKeptTerms");
    private final DraftCheck check;
    private final AddressTest test;
    private final PublishCheck publish;
    private final WizardViewModel wizard;
    /** The domain whose facts last filled in the answers: reading it again refreshes what is shown, not the answers. */
    private String prefilledFor;
    private boolean loadingAnswers;

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

        List<Observable> inputs = new ArrayList<>(List.of(mx, a, addresses, customIncludes, keptTerms, ending, flattening));
        inputs.addAll(providers.values());
        answers = Bindings.createObjectBinding(this::answersNow, inputs.toArray(Observable[]::new));
        draft = Bindings.createObjectBinding(() -> start.get() == Start.NO_MAIL ? SpfDraft.noMail() : answers.get(), start, answers);
        record = Bindings.createStringBinding(
                () -> domainName.get().isEmpty() ? "" : draft.get().validRecord().orElse(""), draft, domainName);
        zoneLine = Bindings.createStringBinding(() -> record.get().isEmpty() ? ""
                : SpfRecipe.zoneLine(domainName.get(), record.get(), ttl()), record, domainName, facts);

        domainProblem = Bindings.createStringBinding(this::domainProblemText, domain, reading, language);
        addressesProblem = Bindings.createStringBinding(this::addressesProblemText, answers, language);
        keptProblem = Bindings.createStringBinding(this::keptProblemText, answers, language);
        serversProblem = Bindings.createStringBinding(() -> addressesProblem.get().isEmpty() ? keptProblem.get() : addressesProblem.get(),
                addressesProblem, keptProblem);
        servicesProblem = Bindings.createStringBinding(this::servicesProblemText, answers, language);
        endingProblem = Bindings.createStringBinding(() -> ending.get() == Ending.REDIRECT && !answers.get().keepsRedirect()
                ? words.text("spf.problem.noRedirect") : "", ending, answers, language);
        publishedHeadline = Bindings.createStringBinding(this::publishedHeadlineText, reading, facts, readFailure, domainName, language);
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
        wizard = wizard(language);

        start.addListener((observable, old, value) -> {
            if (!loadingAnswers && value != Start.NO_MAIL) {
                loadAnswers(value);
            }
        });
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
        record.addListener((observable, old, value) -> check.check(domainName.get(), value));
        domainName.addListener((observable, old, value) -> check.check(value, record.get()));
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
        context.settings().lastDomainProperty().addListener((observable, old, text) -> {
            // Another page chose the domain being worked on: follow it.
            if (text != null && DomainName.check(text).isValid() && !DomainName.check(text).name().equals(DomainName.check(domain.get()).name())) {
                domain.set(text);
            }
        });
        domain.set(Optional.ofNullable(context.settings().lastDomainProperty().get()).orElse(""));
        domainChanged();
    }

    // ---- step 1: the domain and what it publishes ----

    /** The domain as typed. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** The domain in its plain form (lower case, no final dot); empty while what is typed is not one. */
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

    public ObjectProperty<Start> startProperty() {
        return start;
    }

    /** True when the domain publishes exactly one valid record, so it can be edited. */
    public BooleanBinding canEditPublishedProperty() {
        return canEditPublished;
    }

    /** Reads the domain again, past any cached answer (the answers are kept). */
    public void readAgain() {
        context.resolver().cache().clear();
        read();
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
                flatteningProgress.set(Words.cancelled(failed) ? Progress.CANCELLED : Progress.FAILED);
                flatteningMessage.set(words.text(Words.cancelled(failed) ? "spf.flatten.cancelled" : "spf.flatten.failed",
                        Words.failure(failed)));
                return;
            }
            flatteningProgress.set(Progress.DONE);
            if (done.flattenedIncludes().isEmpty()) {
                flatteningMessage.set(words.text("spf.flatten.nothing"));
                return;
            }
            flattening.set(flatteningOf(done, unflattened));
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
        WizardStep domainStep = step("domain", domainProblem, Bindings.createStringBinding(() -> domainName.get().isEmpty() ? ""
                : words.text("spf.answer.domain." + start.get().name().toLowerCase(Locale.ROOT), domainName.get()),
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
        DomainName.Result checked = DomainName.check(domain.get());
        String name = checked.name().orElse("");
        if (name.equals(domainName.get()) && reading.get() != Progress.IDLE) {
            return;
        }
        // What was read belongs to the previous domain: say so before it goes.
        reading.set(name.isEmpty() ? Progress.IDLE : Progress.RUNNING);
        domainName.set(name);
        facts.set(null);
        publishedFindings.clear();
        if (name.isEmpty()) {
            readJob.abandon();
            return;
        }
        context.settings().lastDomainProperty().set(name);
        read();
    }

    private void read() {
        String name = domainName.get();
        if (name.isEmpty()) {
            return;
        }
        SpfDiscovery discovery = new SpfDiscovery(context.resolver(), context.resolverTarget());
        reading.set(Progress.RUNNING);
        readJob.start(words.text("spf.progress.read", name), () -> discovery.discover(name), (done, failed) -> {
            if (failed != null) {
                readFailure.set(Words.failure(failed));
                reading.set(Words.cancelled(failed) ? Progress.CANCELLED : Progress.FAILED);
                prefill(null);
                return;
            }
            facts.set(done);
            publishedFindings.setAll(done.lint().findings());
            reading.set(Progress.DONE);
            prefill(done);
        });
    }

    /** Fills the answers in from what the domain publishes, once per domain. */
    private void prefill(DomainFacts found) {
        String name = domainName.get();
        if (name.equals(prefilledFor)) {
            return;
        }
        prefilledFor = found == null ? null : name;
        Start from = found != null && found.editableRecord().isPresent() ? Start.PUBLISHED : Start.NEW;
        loadingAnswers = true;
        start.set(from);
        loadingAnswers = false;
        loadAnswers(from);
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

    private SpfDraft.Flattening flatteningOf(SpfFlattener.Result result, String unflattened) {
        Set<String> before = SpfRecord.parse(unflattened).terms().stream().map(term -> term.text().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> networks = SpfRecord.parse(result.flattened()).mechanisms().stream()
                .filter(mechanism -> mechanism.type() == MechanismType.IP4 || mechanism.type() == MechanismType.IP6)
                .map(Mechanism::text)
                .filter(text -> !before.contains(text.toLowerCase(Locale.ROOT)))
                .toList();
        List<String> includes = result.flattenedIncludes().stream().map(SpfDraft::bareInclude).toList();
        return new SpfDraft.Flattening(includes, networks, result.refreshSeconds(), result.warning());
    }

    private List<String> missingMailHostAddresses() {
        Set<String> listed = new LinkedHashSet<>();
        for (String entry : SpfDraft.entries(addresses.get())) {
            String bare = SpfDraft.bareAddress(entry);
            try {
                listed.add(IpNetwork.parse(bare, !bare.contains(":")).term());
            } catch (SpfSyntaxException e) {
                listed.add(bare);
            }
        }
        return facts.get().mailHostAddresses().stream()
                .filter(address -> !listed.contains(IpNetwork.parse(address, !address.contains(":")).term()))
                .toList();
    }

    private long ttl() {
        return facts.get() == null ? DomainFacts.DEFAULT_TTL : facts.get().ttl();
    }

    private String domainProblemText() {
        DomainName.Result checked = DomainName.check(domain.get());
        if (checked.problem().isPresent()) {
            DomainName.Problem problem = checked.problem().get();
            return words.text(problem.key(), problem.arguments().toArray());
        }
        return reading.get() == Progress.RUNNING ? words.text("spf.problem.reading", checked.name().orElse("")) : "";
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
            case FAILED -> words.text("spf.published.failed", name, readFailure.get());
            case CANCELLED -> words.text("spf.published.cancelled", name);
            case DONE -> {
                DomainFacts found = facts.get();
                if (found == null) {
                    yield "";
                }
                List<String> records = found.spfRecords();
                if (found.unreadable()) {
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
                if (found == null || found.unreadable()) {
                    yield CheckState.UNKNOWN;
                }
                Severity worst = found.lint().findings().stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.PASS);
                yield CheckState.of(worst);
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
