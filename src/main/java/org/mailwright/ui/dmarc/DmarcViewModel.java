package org.mailwright.ui.dmarc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.PolicyScope;
import org.mailwright.dmarc.ReportAddresses;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.RolloutStage;
import org.mailwright.dmarc.RolloutStep;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.Finding;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.PublishedRecords;
import org.mailwright.publish.RecordChange;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.publish.PublishViewModel;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardViewModel;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The DMARC page: a wizard that reads what the domain publishes now, asks where reports go and
 * whether every sender is covered by SPF and DKIM, lays out the staged rollout plan with dates,
 * saves it per domain, and checks the published record live at the end.
 */
public final class DmarcViewModel {

    /** The answer to "are all your legitimate senders covered by SPF and DKIM?". */
    public enum SenderAnswer {
        ALL_COVERED, NOT_SURE, NOT_ALL;

        String key() {
            return switch (this) {
                case ALL_COVERED -> "dmarc.senders.answer.all";
                case NOT_SURE -> "dmarc.senders.answer.unsure";
                case NOT_ALL -> "dmarc.senders.answer.notAll";
            };
        }
    }

    /**
     * One stage the user can say is published now.
     *
     * @param label "2. Quarantine in test mode", in the language chosen now
     */
    public record StageOption(int number, RolloutStep step, OptionalInt percentage, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Where the page hands over to other pages. */
    public record Exits(Runnable spfPage, Runnable dkimPage, Consumer<List<ExpectedRecord>> propagation,
                        Runnable planSaved) {
        public Exits {
            Objects.requireNonNull(spfPage, "spfPage");
            Objects.requireNonNull(dkimPage, "dkimPage");
            Objects.requireNonNull(propagation, "propagation");
            Objects.requireNonNull(planSaved, "planSaved");
        }
    }

    /** How saving the plan went. */
    public enum SaveState {
        NOT_SAVED, SAVING, SAVED, FAILED
    }

    /** A stand-in for the report address while the stage list is made, which needs a plan. */
    private static final List<ReportUri> ANY_REPORTS = List.of(ReportUri.parse("mailto:reports@example.com").orElseThrow());

    private final AppContext context;
    private final Words words;
    private final PlanStore store;
    private final Clock clock;
    private final Exits exits;
    private final LatestJob loading;
    private final LatestJob saving;
    private final PublishedPolicy published;
    private final Destinations destinations;
    private final SendersReading coverage;
    private final ReadinessReading readiness;
    private final Verification verification;
    private final PublishViewModel publication;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ReadOnlyStringWrapper committed = new ReadOnlyStringWrapper(this, "committed", "");
    /** The domain another page works on now, while this wizard stays with its unsaved answers for {@link #committed}. */
    private final ReadOnlyStringWrapper otherDomain = new ReadOnlyStringWrapper(this, "otherDomain", "");
    private final StringProperty aggregate = new SimpleStringProperty(this, "aggregate", "");
    private final BooleanProperty failureWanted = new SimpleBooleanProperty(this, "failureWanted");
    private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
    private final ObjectProperty<SenderAnswer> senders = new SimpleObjectProperty<>(this, "senders", SenderAnswer.NOT_SURE);
    private final BooleanProperty legacy = new SimpleBooleanProperty(this, "legacy");
    private final ObservableList<StageOption> stageOptions = FXCollections.observableArrayList();
    private final ObjectProperty<StageOption> stage = new SimpleObjectProperty<>(this, "stage");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>(this, "since");
    private final ReadOnlyObjectWrapper<Optional<SavedPlan>> saved = new ReadOnlyObjectWrapper<>(this, "saved", Optional.empty());
    private final ReadOnlyStringWrapper savedProblem = new ReadOnlyStringWrapper(this, "savedProblem", "");
    private final ReadOnlyObjectWrapper<SaveState> saveState = new ReadOnlyObjectWrapper<>(this, "saveState", SaveState.NOT_SAVED);
    private final ReadOnlyStringWrapper saveFailure = new ReadOnlyStringWrapper(this, "saveFailure", "");

    /** True while answers are filled in from a saved plan or the published record, not typed. */
    private boolean prefilling;
    /**
     * Whether the user changed an answer since the domain was read or the plan saved: a late
     * pre-fill leaves it alone, and the wizard does not drop it to follow another page's domain.
     */
    private boolean answeredByUser;
    private boolean savedPlanApplied;

    private final StringBinding domainProblem;
    private final StringBinding reportsProblem;
    private final StringBinding planProblem;
    private final ObjectBinding<Optional<SavedPlan>> draft;
    private final StringBinding record;
    private final StringBinding zoneLine;
    private final ObjectBinding<List<Finding>> recordFindings;
    private final StringBinding stageEffect;
    private final ObjectBinding<List<Finding>> verifyFindings;
    private final ObjectBinding<List<TimelineStage>> timeline;
    private final ObjectBinding<List<String>> advice;
    private final StringBinding stageSummary;
    private final StringBinding dueNotice;
    private final StringBinding savedSummary;
    private final StringBinding sendersAdvice;
    private final StringBinding sendersWarning;
    private final StringBinding saveMessage;
    private final StringBinding publishHow;
    private final StringBinding otherDomainNotice;
    private final BooleanBinding dueStageWaiting;
    private final WizardStep domainStep;
    private final WizardStep reportsStep;
    private final WizardStep sendersStep;
    private final WizardStep planStep;
    private final WizardStep publishStep;
    private final WizardViewModel wizard;

    /** The page in the window: background work in the status bar, plans under the user's data folder. */
    public DmarcViewModel(AppContext context, PlanStore store, Exits exits) {
        this(context, context.work(), store, Clock.systemDefaultZone(), exits);
    }

    DmarcViewModel(AppContext context, BackgroundJobs jobs, PlanStore store, Clock clock, Exits exits) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = new Words(context);
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.loading = new LatestJob(jobs);
        this.saving = new LatestJob(jobs);
        this.published = new PublishedPolicy(context, words, jobs);
        this.destinations = new Destinations(context, words, jobs);
        this.coverage = new SendersReading(context, words, jobs, clock);
        this.readiness = new ReadinessReading(context, words, jobs);
        this.verification = new Verification(context, words, jobs);
        this.publication = new PublishViewModel(context, jobs, exits.propagation());

        since.set(today());
        rebuildStageOptions();
        legacy.addListener((observable, old, on) -> rebuildStageOptions());
        words.language().addListener((observable, old, language) -> rebuildStageOptions());
        for (Observable answer : List.of(aggregate, failureWanted, failure, senders, legacy, stage, since)) {
            answer.addListener(changed -> answeredByUser |= !prefilling);
        }
        stage.addListener((observable, old, chosen) -> {
            if (!prefilling && chosen != null && old != null && chosen.number() != old.number()) {
                since.set(savedSince(chosen).orElse(today()));
            }
        });
        published.readingProperty().addListener((observable, old, reading) -> prefillFromPublished());

        domainProblem = Bindings.createStringBinding(() -> DomainName.parseDomain(domain.get()).problem()
                .map(problem -> problem.text(words.locale())).orElse(""), domain, words.language());
        reportsProblem = Bindings.createStringBinding(this::reportsProblemNow, aggregate, failureWanted, failure, words.language());
        planProblem = Bindings.createStringBinding(() -> since.get() == null ? words.format("dmarc.plan.problem.date") : "",
                since, words.language());
        draft = Bindings.createObjectBinding(this::draftNow, committed, aggregate, failureWanted, failure, legacy, stage, since, saved);
        record = Bindings.createStringBinding(() -> draft.get().map(plan -> plan.current().record().text()).orElse(""), draft);
        zoneLine = Bindings.createStringBinding(() -> draft.get()
                .map(plan -> plan.current().record().zoneLine(plan.domain(), ttlFor(plan.domain()))).orElse(""),
                draft, published.readingProperty(), context.settings().defaultTtlProperty());
        recordFindings = Bindings.createObjectBinding(() -> draft.get()
                .map(plan -> plan.current().unintendedFindings(DmarcLinter.recordFindings(plan.current().record(), PolicyScope.DOMAIN)))
                .orElse(List.of()), draft);
        verifyFindings = Bindings.createObjectBinding(() -> draft.get()
                .map(plan -> plan.current().unintendedFindings(verification.findingsProperty().get()))
                .orElse(verification.findingsProperty().get()), verification.findingsProperty(), draft);
        stageEffect = Bindings.createStringBinding(() -> draft.get().map(plan -> plan.current().effect(words.locale()))
                .orElse(""), draft, words.language());
        // The reports are read for the stage published now, whatever else of the plan changes.
        draft.addListener((observable, old, plan) -> plan.ifPresent(now -> readiness.read(now.domain(), now.current(), false)));
        timeline = Bindings.createObjectBinding(this::timelineNow, draft, published.readingProperty(), words.language(),
                context.settings().defaultTtlProperty(), readiness.roundProperty());
        advice = Bindings.createObjectBinding(() -> draft.get()
                .map(plan -> plan.plan().advice().stream().map(text -> text.text(words.locale())).toList())
                .orElse(List.of()), draft, words.language());
        stageSummary = Bindings.createStringBinding(this::stageSummaryNow, draft, words.language());
        dueNotice = Bindings.createStringBinding(this::dueNoticeNow, saved, committed, words.language());
        dueStageWaiting = Bindings.createBooleanBinding(() -> dueStage().isPresent(), saved, committed);
        savedSummary = Bindings.createStringBinding(this::savedSummaryNow, saved, savedProblem, committed, words.language());
        sendersAdvice = Bindings.createStringBinding(() -> words.format(senders.get().key() + ".advice", domainOr("")),
                senders, domain, words.language());
        sendersWarning = Bindings.createStringBinding(() -> senders.get() == SenderAnswer.NOT_ALL && stage.get() != null
                && stage.get().step() != RolloutStep.MONITOR ? words.format("dmarc.plan.sendersWarning") : "",
                senders, stage, words.language());
        saveMessage = Bindings.createStringBinding(this::saveMessageNow, saveState, saveFailure, saved, words.language());
        publishHow = Bindings.createStringBinding(() -> draft.get().map(plan -> words.format("dmarc.publish.how",
                plan.plan().recordName(), plan.current().name(words.locale()))).orElse(""), draft, words.language());
        otherDomainNotice = Bindings.createStringBinding(() -> otherDomain.get().isEmpty() ? ""
                : words.format("dmarc.otherDomain.notice", committed.get(), otherDomain.get()), otherDomain, committed, words.language());

        domainStep = step("domain", domainProblem, Bindings.createStringBinding(() -> domainOr(domain.get().strip()), domain));
        reportsStep = step("reports", reportsProblem, Bindings.createStringBinding(this::reportsAnswer,
                aggregate, failureWanted, failure, words.language()));
        sendersStep = step("senders", WizardStep.noProblem(), Bindings.createStringBinding(
                () -> words.format(senders.get().key()), senders, words.language()));
        planStep = step("plan", planProblem, stageSummary);
        publishStep = step("publish", WizardStep.noProblem(), Bindings.createStringBinding(() -> ""));
        wizard = new WizardViewModel(List.of(domainStep, reportsStep, sendersStep, planStep), record, zoneLine,
                publishStep, this::finish);
        publication.plannedProperty().bind(Bindings.createObjectBinding(this::changeSetNow, draft,
                published.readingProperty(), context.settings().defaultTtlProperty()));
        wizard.indexProperty().addListener((observable, old, index) -> stepShown(old.intValue(), index.intValue()));

        domain.set(context.settings().lastDomainProperty().get());
        context.settings().lastDomainProperty().addListener((observable, old, text) -> workingDomainChanged(text));
        commitDomain();
    }

    private WizardStep step(String id, javafx.beans.value.ObservableValue<String> problem,
                            javafx.beans.value.ObservableValue<String> answer) {
        String key = "dmarc.step." + id;
        return new WizardStep(
                Bindings.createStringBinding(() -> words.format(key + ".title"), words.language()),
                Bindings.createStringBinding(() -> words.format(key + ".question", domainOr("")), domain, words.language()),
                Bindings.createStringBinding(() -> words.format(key + ".why", domainOr("")), domain, words.language()),
                problem, answer, null);
    }

    // ---- The domain ----

    /** The domain as typed. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** The name the typed text stands for, when it is a domain name. */
    public Optional<String> domainName() {
        return DomainName.parseDomain(domain.get()).name().map(DomainName::ascii);
    }

    /**
     * Reads the typed domain, if it is one and not the one read already: its published policy, its
     * SPF and DKIM, and its saved plan; the answers start again from what those say. It becomes
     * the domain every page works on.
     */
    public void commitDomain() {
        Optional<String> name = domainName();
        if (name.isEmpty() || name.get().equals(committed.get())) {
            return;
        }
        committed.set(name.get());
        otherDomain.set("");
        context.settings().lastDomainProperty().set(name.get());
        prefill(() -> {
            aggregate.set("");
            failure.set("");
            failureWanted.set(false);
            senders.set(SenderAnswer.NOT_SURE);
            legacy.set(false);
            stage.set(stageOptions.get(0));
            since.set(today());
        });
        answeredByUser = false;
        savedPlanApplied = false;
        saved.set(Optional.empty());
        savedProblem.set("");
        saveState.set(SaveState.NOT_SAVED);
        verification.clear();
        destinations.clear();
        published.read(name.get(), false);
        coverage.read(name.get(), false);
        loadSavedPlan(name.get());
    }

    /** Reads the published policy, SPF and DKIM of the committed domain again, from the servers now. */
    public void readAgain() {
        if (!committed.get().isEmpty()) {
            published.read(committed.get(), true);
            coverage.read(committed.get(), true);
        }
        draft.get().ifPresent(plan -> readiness.read(plan.domain(), plan.current(), true));
    }

    /**
     * The domain another page works on, while this wizard keeps unsaved answers for the one it
     * read; empty when both work on the same domain.
     */
    public ReadOnlyStringProperty otherDomainProperty() {
        return otherDomain.getReadOnlyProperty();
    }

    /** "Still working on the plan of A; the other pages show B." Empty when there is no other domain. */
    public StringBinding otherDomainNoticeProperty() {
        return otherDomainNotice;
    }

    /** Leaves the unsaved answers and reads the domain the other pages work on. */
    public void switchToOtherDomain() {
        String other = otherDomain.get();
        if (!other.isEmpty()) {
            domain.set(other);
            commitDomain();
        }
    }

    /**
     * Another page chose the domain to work on: this wizard follows it, unless it holds answers
     * the user has not saved, which it keeps, saying which domain they are for.
     */
    private void workingDomainChanged(String text) {
        Optional<String> name = DomainName.parseDomain(text).name().map(DomainName::ascii);
        if (name.isEmpty() || name.get().equals(committed.get())) {
            otherDomain.set("");
            return;
        }
        if (answeredByUser) {
            otherDomain.set(name.get());
            return;
        }
        domain.set(name.get());
        commitDomain();
    }

    public PublishedPolicy published() {
        return published;
    }

    /** The saved plan of the committed domain, in a sentence; empty when there is none. */
    public StringBinding savedSummaryProperty() {
        return savedSummary;
    }

    // ---- Reports ----

    /** Where aggregate reports go: addresses or URIs, one per line or separated by commas. */
    public StringProperty aggregateProperty() {
        return aggregate;
    }

    public BooleanProperty failureWantedProperty() {
        return failureWanted;
    }

    /** Where failure reports go, when wanted. */
    public StringProperty failureProperty() {
        return failure;
    }

    /** Checks the report destinations of the addresses given; {@code again} asks even if nothing changed. */
    public void checkDestinations(boolean again) {
        Optional<String> name = domainName();
        ReportAddresses.Parsed rua = ReportAddresses.parse(aggregate.get());
        ReportAddresses.Parsed ruf = failureWanted.get() ? ReportAddresses.parse(failure.get()) : ReportAddresses.Parsed.EMPTY;
        if (name.isEmpty()) {
            destinations.clear();
            return;
        }
        destinations.check(name.get(), rua.uris(), ruf.uris(), again);
    }

    /** Each report destination with what its checks found and, for another organization, the record it must publish. */
    public ObjectBinding<List<DestinationRow>> destinationsProperty() {
        return destinations.rowsProperty();
    }

    // ---- Senders ----

    public ObjectProperty<SenderAnswer> sendersProperty() {
        return senders;
    }

    /** What the answer means for the plan. */
    public StringBinding sendersAdviceProperty() {
        return sendersAdvice;
    }

    public ObjectBinding<CheckState> spfStateProperty() {
        return coverage.spfStateProperty();
    }

    public StringBinding spfTextProperty() {
        return coverage.spfTextProperty();
    }

    /** The SPF record published now, if any. */
    public Optional<String> spfRecord() {
        return coverage.spfRecord();
    }

    public ObjectBinding<CheckState> dkimStateProperty() {
        return coverage.dkimStateProperty();
    }

    public StringBinding dkimTextProperty() {
        return coverage.dkimTextProperty();
    }

    /** Reads SPF and DKIM again, for example after fixing them on their pages. */
    public void checkSendersAgain() {
        if (!committed.get().isEmpty()) {
            coverage.read(committed.get(), true);
        }
    }

    public void openSpfPage() {
        exits.spfPage().run();
    }

    public void openDkimPage() {
        exits.dkimPage().run();
    }

    // ---- The plan ----

    /** With the RFC 7489 pct ladder (5, 25, 50%) in the test stages; off by default. */
    public BooleanProperty legacyProperty() {
        return legacy;
    }

    /** The stages of the plan, to say which one is published now. */
    public ObservableList<StageOption> stageOptions() {
        return stageOptions;
    }

    /** The stage published now (or about to be). */
    public ObjectProperty<StageOption> stageProperty() {
        return stage;
    }

    /** Since when the chosen stage is published, or from when it will be. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public ObjectBinding<List<TimelineStage>> timelineProperty() {
        return timeline;
    }

    /** About subdomains, names that do not exist ({@code np}), the pct ladder and mailing lists. */
    public ObjectBinding<List<String>> adviceProperty() {
        return advice;
    }

    /** "Stage 2 of 5: Quarantine in test mode, published from ..." */
    public StringBinding stageSummaryProperty() {
        return stageSummary;
    }

    /** A warning when the senders are not all covered and the stage chosen already acts on failing mail. */
    public StringBinding sendersWarningProperty() {
        return sendersWarning;
    }

    /** What receivers do with failing mail at the stage chosen. */
    public StringBinding stageEffectProperty() {
        return stageEffect;
    }

    /**
     * What the linter makes of the record to publish, with why and how to fix; without what the
     * stage means to do (p=none while monitoring, t=y in a test stage, pct on the ladder).
     */
    public ObjectBinding<List<Finding>> recordFindingsProperty() {
        return recordFindings;
    }

    /** The record to publish now, its value alone. */
    public StringBinding recordProperty() {
        return record;
    }

    /** The record to publish now as a zone-file line. */
    public StringBinding zoneLineProperty() {
        return zoneLine;
    }

    /** The notice that the saved plan's next stage may begin; empty when none is due. */
    public StringBinding dueNoticeProperty() {
        return dueNotice;
    }

    public BooleanBinding dueStageWaitingProperty() {
        return dueStageWaiting;
    }

    /** Chooses the stage that is due, from today, and shows it in the plan. */
    public void reviewDueStage() {
        dueStage().ifPresent(next -> {
            stageOptions.stream().filter(option -> option.number() == next.number()).findFirst().ifPresent(stage::set);
            since.set(today());
            wizard.show(wizard.steps().indexOf(planStep));
        });
    }

    // ---- Publish and verify ----

    /** The language the core's words (findings, names) are said in now. */
    public Locale locale() {
        return words.locale();
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public WizardStep domainStep() {
        return domainStep;
    }

    public WizardStep reportsStep() {
        return reportsStep;
    }

    public WizardStep sendersStep() {
        return sendersStep;
    }

    public WizardStep planStep() {
        return planStep;
    }

    public WizardStep publishStep() {
        return publishStep;
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** Where the plan was saved, or why it could not be. */
    public StringBinding saveMessageProperty() {
        return saveMessage;
    }

    /** What to do at the DNS host, in a sentence or two. */
    public StringBinding publishHowProperty() {
        return publishHow;
    }

    /** Asks DNS now whether the record is published. */
    public void verify() {
        draft.get().ifPresent(plan -> verification.check(plan.domain(), plan.current().record().text(),
                published.recordsOf(plan.domain())));
    }

    public ObjectBinding<CheckState> verifyStateProperty() {
        return verification.stateProperty();
    }

    public StringBinding verifyHeadlineProperty() {
        return verification.headlineProperty();
    }

    /** What {@code _dmarc.<domain>} holds now, as the last check found it. */
    public ObjectBinding<List<String>> verifyPublishedProperty() {
        return verification.publishedProperty();
    }

    /** What the linter makes of what is published now; without what the stage means to do, as on the right. */
    public ObjectBinding<List<Finding>> verifyFindingsProperty() {
        return verifyFindings;
    }

    /** The record as a change set: shown as a diff, exported, or sent to the zone's primary server. */
    public PublishViewModel publication() {
        return publication;
    }

    /** Hands the record to the Propagation page, which watches every server until all show it. */
    public void watchPropagation() {
        draft.get().ifPresent(plan -> exits.propagation().accept(List.of(
                ExpectedRecord.of(plan.plan().recordName(), RecordType.TXT, plan.current().record().text()))));
    }

    // ---- How it works ----

    private void finish() {
        Optional<SavedPlan> plan = draft.get();
        if (plan.isEmpty()) {
            return;
        }
        saveState.set(SaveState.SAVING);
        saveFailure.set("");
        SavedPlan saving = plan.get();
        this.saving.start(words.format("dmarc.save.progress", saving.domain()), () -> BackgroundJobs.completed(() -> {
            store.save(saving);
            return saving;
        }), (done, failed) -> {
            if (failed != null) {
                saveFailure.set(words.failure(failed));
                saveState.set(SaveState.FAILED);
                return;
            }
            // The saved plan is now the reference: its dates stay as they are until the next stage.
            savedPlanApplied = true;
            answeredByUser = false;
            saved.set(Optional.of(done));
            saveState.set(SaveState.SAVED);
            exits.planSaved().run();
        });
        verify();
    }

    private void stepShown(int old, int index) {
        if (old == wizard.steps().indexOf(domainStep)) {
            commitDomain();
        }
        if (index == wizard.steps().indexOf(reportsStep)) {
            checkDestinations(false);
        }
        if (index == wizard.steps().indexOf(sendersStep)) {
            committedName().ifPresent(name -> coverage.read(name, false));
        }
    }

    private void loadSavedPlan(String name) {
        loading.start(words.format("dmarc.saved.reading", name), () -> BackgroundJobs.completed(() -> store.load(name)),
                (plan, failed) -> {
                    if (failed != null) {
                        savedProblem.set(words.format("dmarc.saved.unreadable", name, words.failure(failed)));
                        return;
                    }
                    saved.set(plan);
                    plan.ifPresent(this::applySavedPlan);
                });
    }

    private void applySavedPlan(SavedPlan plan) {
        savedPlanApplied = true;
        prefill(() -> {
            aggregate.set(ReportAddresses.text(plan.plan().aggregateReports()));
            failureWanted.set(!plan.plan().failureReports().isEmpty());
            failure.set(ReportAddresses.text(plan.plan().failureReports()));
            legacy.set(plan.plan().legacyPercentages());
            selectStage(plan.current().step(), plan.current().percentage(), plan.currentStage());
            since.set(plan.currentSince());
        });
        answeredByUser = false;
    }

    /** The published record fills in what a saved plan and the user have not. */
    private void prefillFromPublished() {
        if (published.status() != PublishedPolicy.Status.DONE || savedPlanApplied || answeredByUser
                || !published.report().map(report -> report.domain().equals(committed.get())).orElse(false)) {
            return;
        }
        prefill(() -> {
            // Reports of a subdomain can go where its organization's go: same organization, no authorization needed.
            published.organizationRecord().ifPresent(own -> {
                aggregate.set(ReportAddresses.text(own.aggregateReportUris()));
                failureWanted.set(!own.failureReportUris().isEmpty());
                failure.set(ReportAddresses.text(own.failureReportUris()));
            });
            selectStage(published.stageNow(), OptionalInt.empty(), 0);
        });
        answeredByUser = false;
    }

    private void prefill(Runnable change) {
        prefilling = true;
        try {
            change.run();
        } finally {
            prefilling = false;
        }
    }

    /** Picks the stage of {@code step} (the ladder rung {@code percentage} if there is one), or by number. */
    private void selectStage(RolloutStep step, OptionalInt percentage, int number) {
        stageOptions.stream().filter(option -> option.step() == step && option.percentage().equals(percentage)).findFirst()
                .or(() -> stageOptions.stream().filter(option -> option.number() == number).findFirst())
                .or(() -> stageOptions.stream().filter(option -> option.step() == step).findFirst())
                .ifPresent(stage::set);
    }

    /** The stage list follows the ladder and the language; the stage chosen stays the same step. */
    private void rebuildStageOptions() {
        RolloutPlan any = RolloutPlan.create("example.com", ANY_REPORTS, today(), legacy.get());
        List<StageOption> options = any.stages().stream().map(s -> new StageOption(s.number(), s.step(), s.percentage(),
                words.format("dmarc.plan.option", s.number(), s.name(words.locale())))).toList();
        StageOption chosen = stage.get();
        boolean wasPrefilling = prefilling;
        prefilling = true;
        try {
            stageOptions.setAll(options);
            if (chosen == null) {
                stage.set(options.get(0));
            } else {
                selectStage(chosen.step(), chosen.percentage(), chosen.number());
            }
        } finally {
            prefilling = wasPrefilling;
        }
    }

    /** The plan as answered, for the domain read: never a domain typed but not read yet beside another's record. */
    private Optional<SavedPlan> draftNow() {
        Optional<String> name = committedName();
        ReportAddresses.Parsed rua = ReportAddresses.parse(aggregate.get());
        ReportAddresses.Parsed ruf = ReportAddresses.parse(failureWanted.get() ? failure.get() : "");
        if (name.isEmpty() || rua.uris().isEmpty() || !rua.invalid().isEmpty() || !ruf.invalid().isEmpty()
                || stage.get() == null || since.get() == null) {
            return Optional.empty();
        }
        LocalDate start = saved.get().filter(plan -> plan.domain().equals(name.get()))
                .map(plan -> plan.plan().start()).filter(date -> !date.isAfter(since.get())).orElse(since.get());
        RolloutPlan plan = RolloutPlan.create(name.get(), rua.uris(), ruf.uris(), start, legacy.get());
        return Optional.of(new SavedPlan(plan, Math.min(stage.get().number(), plan.stages().size()), since.get()));
    }

    /**
     * The record of the stage chosen, replacing the DMARC record at {@code _dmarc} (and leaving
     * anything else there), planned against what the name held when it was read; none before
     * that is known.
     */
    private ChangeSet changeSetNow() {
        return draft.get().flatMap(plan -> published.publishedOf(plan.domain()).filter(PublishedRecords::readable)
                .map(read -> ChangeSet.of(DomainName.of(plan.domain()), RecordChange.plan(read.name(), ttlFor(plan.domain()),
                        read.records(), new RecordChange.Intent.Replace(plan.current().record().text())))))
                .orElse(null);
    }

    private List<TimelineStage> timelineNow() {
        Optional<SavedPlan> plan = draft.get();
        if (plan.isEmpty()) {
            return List.of();
        }
        int current = plan.get().currentStage();
        LocalDate today = today();
        List<TimelineStage> stages = new ArrayList<>();
        for (RolloutStage each : plan.get().plan().stages()) {
            TimelineStage.Position position = each.number() < current ? TimelineStage.Position.PASSED
                    : each.number() == current ? TimelineStage.Position.CURRENT
                    : each.number() == current + 1 ? TimelineStage.Position.NEXT : TimelineStage.Position.LATER;
            String when = switch (position) {
                case PASSED -> "";
                case CURRENT -> words.format(each.start().isAfter(today) ? "dmarc.timeline.publishOn" : "dmarc.timeline.since",
                        words.date(each.start()));
                case NEXT, LATER -> words.format("dmarc.timeline.from", words.date(each.start()));
            };
            String duration = each.isFinal() ? words.format("dmarc.timeline.final")
                    : words.format("dmarc.timeline.duration", each.minimumDays(), words.date(each.earliestNext()));
            boolean due = position == TimelineStage.Position.NEXT && !today.isBefore(each.start());
            boolean judged = position == TimelineStage.Position.CURRENT && !each.isFinal();
            ReadinessReading.Round read = readiness.roundProperty().get();
            boolean readForIt = judged && read.domain().equals(plan.get().domain()) && read.stage() == each.number();
            String readinessTitle = judged ? words.format("dmarc.readiness.title", each.number() + 1,
                    plan.get().plan().stage(each.number() + 1).name(words.locale())) : "";
            String readinessNote = !judged ? "" : !readForIt || read.status() == PublishedPolicy.Status.READING
                    ? words.format("dmarc.readiness.reading", plan.get().domain()) : read.failure();
            stages.add(new TimelineStage(each.number(), each.name(words.locale()), each.effect(words.locale()),
                    each.record().text(), each.record().zoneLine(plan.get().domain(), ttlFor(plan.get().domain())), when, duration,
                    each.criteria().stream().map(text -> text.text(words.locale())).toList(), position, due, readinessTitle,
                    readForIt ? read.finding() : Optional.empty(), readinessNote));
        }
        return stages;
    }

    private String stageSummaryNow() {
        return draft.get().map(plan -> words.format("dmarc.plan.summary", plan.currentStage(), plan.plan().stages().size(),
                plan.current().name(words.locale()), words.date(plan.currentSince()))).orElse("");
    }

    private Optional<RolloutStage> dueStage() {
        return saved.get().filter(plan -> plan.domain().equals(committed.get()) && plan.nextIsDue(today()))
                .flatMap(SavedPlan::next);
    }

    private String dueNoticeNow() {
        return dueStage().map(next -> {
            SavedPlan plan = saved.get().orElseThrow();
            return words.format("dmarc.due.notice", plan.domain(), next.number(), next.name(words.locale()),
                    plan.current().minimumDays(), words.date(plan.currentSince()));
        }).orElse("");
    }

    private String savedSummaryNow() {
        if (!savedProblem.get().isEmpty()) {
            return savedProblem.get();
        }
        return saved.get().filter(plan -> plan.domain().equals(committed.get())).map(plan -> {
            String at = words.format("dmarc.saved.at", plan.domain(), plan.currentStage(), plan.plan().stages().size(),
                    plan.current().name(words.locale()), words.date(plan.currentSince()));
            return plan.nextDueOn().map(due -> at + " " + words.format(due.isAfter(today()) ? "dmarc.saved.next"
                    : "dmarc.saved.due", words.date(due))).orElse(at + " " + words.format("dmarc.saved.final"));
        }).orElse("");
    }

    private String saveMessageNow() {
        return switch (saveState.get()) {
            case NOT_SAVED -> "";
            case SAVING -> words.format("dmarc.save.saving");
            case FAILED -> words.format("dmarc.save.failed", saveFailure.get(), store.directory());
            case SAVED -> saved.get().map(plan -> words.format("dmarc.save.saved", planFile(plan.domain()),
                    plan.nextDueOn().map(words::date).orElse(""), plan.nextDueOn().isPresent() ? 0 : 1)).orElse("");
        };
    }

    private Path planFile(String name) {
        return store.directory().resolve(name + ".properties");
    }

    private String reportsProblemNow() {
        ReportAddresses.Parsed rua = ReportAddresses.parse(aggregate.get());
        if (rua.firstInvalid().isPresent()) {
            return words.format("dmarc.reports.problem.invalid", rua.firstInvalid().get());
        }
        if (rua.uris().isEmpty()) {
            return words.format("dmarc.reports.problem.empty");
        }
        if (failureWanted.get()) {
            ReportAddresses.Parsed ruf = ReportAddresses.parse(failure.get());
            if (ruf.firstInvalid().isPresent()) {
                return words.format("dmarc.reports.problem.invalid", ruf.firstInvalid().get());
            }
            if (ruf.uris().isEmpty()) {
                return words.format("dmarc.reports.problem.failureEmpty");
            }
        }
        return "";
    }

    private String reportsAnswer() {
        ReportAddresses.Parsed rua = ReportAddresses.parse(aggregate.get());
        ReportAddresses.Parsed ruf = ReportAddresses.parse(failureWanted.get() ? failure.get() : "");
        return words.format("dmarc.summary.reports", ReportAddresses.text(rua.uris()),
                ruf.uris().isEmpty() ? words.format("dmarc.summary.noFailureReports") : ReportAddresses.text(ruf.uris()));
    }

    private Optional<LocalDate> savedSince(StageOption chosen) {
        return saved.get().filter(plan -> plan.currentStage() == chosen.number()
                && plan.plan().legacyPercentages() == legacy.get()).map(SavedPlan::currentSince);
    }

    private Optional<String> committedName() {
        return committed.get().isEmpty() ? Optional.empty() : Optional.of(committed.get());
    }

    private String domainOr(String fallback) {
        return domainName().orElse(fallback);
    }

    /**
     * The TTL of the zone-file lines for {@code name}: that of the record it publishes now, as its
     * authoritative servers have it, when the new record replaces it; else the TTL the user chooses.
     */
    private long ttlFor(String name) {
        return published.publishedTtlOf(name).orElse(context.settings().defaultTtlProperty().get());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
