package org.mailwright.ui.propagation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.ProblemException;
import org.mailwright.propagation.Cell;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordKind;
import org.mailwright.propagation.ProbeHistory;
import org.mailwright.propagation.PropagationEstimate;
import org.mailwright.propagation.PropagationProbe;
import org.mailwright.propagation.RefreshSchedule;
import org.mailwright.propagation.Row;
import org.mailwright.propagation.ServerChoice;
import org.mailwright.propagation.Snapshot;
import org.mailwright.propagation.SnapshotDiff;
import org.mailwright.propagation.WatchPlan;
import org.mailwright.propagation.WatchPlanner;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The Propagation page's state: which records to watch (picked for the domain being worked on,
 * added by hand, or handed over by a wizard) and on which servers; then, check after check in
 * the background, the grid of what each server says, the history of what changed, when it
 * should be everywhere, and a notification when it is. Checks repeat with back-off while the
 * page is shown and stop when it is left, to start again when it comes back.
 */
public final class PropagationViewModel {

    /** What the watch is doing. */
    public enum Activity {
        /** Nothing is watched yet. */
        IDLE,
        /** Asking the servers now. */
        CHECKING,
        /** Waiting for the next check. */
        WAITING,
        /** Stopped by the user (Pause, or Escape during a check). */
        PAUSED,
        /** Every server has every record: no more automatic checks. */
        DONE
    }

    /** The cell (or with column -1, the record) whose details are shown. */
    public record Selection(int line, int column) {
    }

    /** The records and added servers of one watch, in order; each record with what it is. */
    private record Watch(String domain, WatchedRecords records, List<ResolverTarget> servers) {
    }

    private final AppContext context;
    private final PageTimer timer;
    private final Clock clock;
    /** The check running now; a newer one (or leaving the page) drops it unseen. */
    private final LatestJob checks;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ReadOnlyStringWrapper domainProblem = new ReadOnlyStringWrapper(this, "domainProblem", "");
    private final BooleanProperty spf = new SimpleBooleanProperty(this, "spf", true);
    private final BooleanProperty dmarc = new SimpleBooleanProperty(this, "dmarc", true);
    private final BooleanProperty mx = new SimpleBooleanProperty(this, "mx", true);
    private final StringProperty selectors = new SimpleStringProperty(this, "selectors", "");
    private final ReadOnlyStringWrapper selectorsProblem = new ReadOnlyStringWrapper(this, "selectorsProblem", "");
    private final ReadOnlyStringWrapper spfName = new ReadOnlyStringWrapper(this, "spfName", "");
    private final ReadOnlyStringWrapper dmarcName = new ReadOnlyStringWrapper(this, "dmarcName", "");
    private final ReadOnlyStringWrapper mxName = new ReadOnlyStringWrapper(this, "mxName", "");
    private final ReadOnlyStringWrapper dkimName = new ReadOnlyStringWrapper(this, "dkimName", "");

    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<RecordType> newType = new SimpleObjectProperty<>(this, "newType", RecordType.TXT);
    private final StringProperty newValues = new SimpleStringProperty(this, "newValues", "");
    private final ReadOnlyStringWrapper newRecordNote = new ReadOnlyStringWrapper(this, "newRecordNote", "");
    private final ReadOnlyBooleanWrapper newRecordValid = new ReadOnlyBooleanWrapper(this, "newRecordValid");
    private final ObservableList<ExpectedRecord> addedRecords = FXCollections.observableArrayList();

    private final StringProperty newServer = new SimpleStringProperty(this, "newServer", "");
    private final ReadOnlyStringWrapper newServerProblem = new ReadOnlyStringWrapper(this, "newServerProblem", "");
    private final ObservableList<ResolverTarget> addedServers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper serversSummary = new ReadOnlyStringWrapper(this, "serversSummary", "");

    private final ReadOnlyStringWrapper startProblem = new ReadOnlyStringWrapper(this, "startProblem", "");
    private final BooleanBinding canStart;
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", true);

    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>(this, "activity", Activity.IDLE);
    private final ReadOnlyStringWrapper watching = new ReadOnlyStringWrapper(this, "watching", "");
    private final ReadOnlyObjectWrapper<CheckState> overall = new ReadOnlyObjectWrapper<>(this, "overall", CheckState.PENDING);
    private final ReadOnlyStringWrapper overallWord = new ReadOnlyStringWrapper(this, "overallWord", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final ReadOnlyObjectWrapper<PropagationGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ObservableList<HistoryEntry> historyEntries = FXCollections.observableArrayList();
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");

    private RefreshSchedule firstSchedule = RefreshSchedule.standard();
    private RefreshSchedule schedule = firstSchedule;
    private ProbeHistory history = ProbeHistory.empty();
    private Watch watch;
    private WatchPlan plan;
    private Instant nextCheckAt;
    private String failure = "";
    private boolean shown;
    private boolean resumeWhenShown;
    private PageTimer.Pending nextCheck;
    private PageTimer.Pending nextTick;

    public PropagationViewModel(AppContext context) {
        this(context, context.work(), PageTimer.fx(), Clock.systemDefaultZone());
    }

    /**
     * @param jobs runs each check in the background (the window's status bar, where Escape cancels it)
     * @param timer waits between checks, and for the countdown's every second
     */
    PropagationViewModel(AppContext context, BackgroundJobs jobs, PageTimer timer, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checks = new LatestJob(jobs);
        var settings = context.settings();
        domain.set(settings.lastDomainProperty().get());
        // The domain being worked on is followed until this page watches something of its own.
        settings.lastDomainProperty().addListener((observable, old, now) -> {
            if (watch == null && domain.get().equals(old)) {
                domain.set(now);
            }
        });
        List<Observable> picks = List.of(domain, spf, dmarc, mx, selectors);
        picks.forEach(pick -> pick.addListener(observable -> recheckPicks()));
        List<Observable> newRecord = List.of(newName, newType, newValues);
        newRecord.forEach(field -> field.addListener(observable -> recheckNewRecord()));
        domain.addListener(observable -> recheckNewRecord());
        newServer.addListener(observable -> newServerProblem.set(""));
        // What was added in an earlier run comes back, and every change is kept for the next one.
        addedRecords.setAll(AddedRows.readRecords(settings.propagationRecordsProperty().get()));
        addedServers.setAll(AddedRows.readServers(settings.propagationServersProperty().get()));
        addedRecords.addListener((ListChangeListener<ExpectedRecord>) change -> {
            settings.propagationRecordsProperty().set(AddedRows.writeRecords(addedRecords));
            recheckPicks();
        });
        addedServers.addListener((ListChangeListener<ResolverTarget>) change -> {
            settings.propagationServersProperty().set(AddedRows.writeServers(addedServers));
            rewordServers();
        });
        settings.resolverChoiceProperty().addListener(observable -> rewordServers());
        settings.customResolverProperty().addListener(observable -> rewordServers());
        settings.languageProperty().addListener(observable -> reword());
        // Another resolver or port may see other name servers: the next check finds them afresh.
        context.resolverProperty().addListener(observable -> plan = null);
        settings.nameServerPortProperty().addListener(observable -> {
            plan = null;
            rewordServers();
        });
        canStart = startProblem.isEmpty();
        reword();
    }

    // ---- What to watch ----

    /** The domain whose records are picked; pre-filled with the domain being worked on. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** Why the domain typed is not one; empty when it is (or when nothing is picked for it). */
    public ReadOnlyStringProperty domainProblemProperty() {
        return domainProblem.getReadOnlyProperty();
    }

    /** Watch the SPF record, the TXT records at the domain itself. */
    public BooleanProperty spfProperty() {
        return spf;
    }

    /** Watch the DMARC record at {@code _dmarc}. */
    public BooleanProperty dmarcProperty() {
        return dmarc;
    }

    /** Watch the MX records. */
    public BooleanProperty mxProperty() {
        return mx;
    }

    /** DKIM selectors, separated by commas or spaces: each key at {@code selector._domainkey}. */
    public StringProperty selectorsProperty() {
        return selectors;
    }

    public ReadOnlyStringProperty selectorsProblemProperty() {
        return selectorsProblem.getReadOnlyProperty();
    }

    /** Where the SPF pick asks, under the domain typed: {@code TXT at example.com}; empty without a domain. */
    public ReadOnlyStringProperty spfNameProperty() {
        return spfName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dmarcNameProperty() {
        return dmarcName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mxNameProperty() {
        return mxName.getReadOnlyProperty();
    }

    /** Where the DKIM selectors ask: {@code TXT at s1._domainkey.example.com}, or {@code selector} while none is typed. */
    public ReadOnlyStringProperty dkimNameProperty() {
        return dkimName.getReadOnlyProperty();
    }

    /** The name of a record to add: relative to the domain, {@code @} for the domain, or whole with a final dot. */
    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<RecordType> newTypeProperty() {
        return newType;
    }

    /** What should be there: empty to take the most common answer; {@code |} between the values of a set. */
    public StringProperty newValuesProperty() {
        return newValues;
    }

    /** What the record being added will be asked as, or why it cannot be added; empty while nothing is typed. */
    public ReadOnlyStringProperty newRecordNoteProperty() {
        return newRecordNote.getReadOnlyProperty();
    }

    /** True when the record typed can be added (the note then says what it is, not what is wrong). */
    public ReadOnlyBooleanProperty newRecordValidProperty() {
        return newRecordValid.getReadOnlyProperty();
    }

    /** The records added by hand or handed over by a wizard, watched beside the picks. */
    public ObservableList<ExpectedRecord> addedRecords() {
        return addedRecords;
    }

    /** Adds the record typed; false (with the note saying why) when it is not one. */
    public boolean addRecord() {
        RecordEntry.Result entry = RecordEntry.read(newName.get(), newType.get(), newValues.get(), pickedDomain().orElse(""));
        if (entry.record().isEmpty()) {
            recheckNewRecord();
            return false;
        }
        if (!addedRecords.contains(entry.record().get())) {
            addedRecords.add(entry.record().get());
        }
        newName.set("");
        newValues.set("");
        return true;
    }

    public void removeRecord(ExpectedRecord record) {
        addedRecords.remove(record);
    }

    /** How an added record reads on its chip: {@code TXT _mta-sts.example.com = v=STSv1; id=1}. */
    public String describe(ExpectedRecord record) {
        String head = record.type().name() + " " + record.name();
        return record.hasExpectedValues() ? head + " = " + String.join(" | ", record.values())
                : head + " " + words().get("propagation.added.mostCommon");
    }

    /** A server to ask besides the others, as {@code host[:port]}. */
    public StringProperty newServerProperty() {
        return newServer;
    }

    public ReadOnlyStringProperty newServerProblemProperty() {
        return newServerProblem.getReadOnlyProperty();
    }

    /** The servers added by hand or as presets, asked as resolvers; kept between runs. */
    public ObservableList<ResolverTarget> addedServers() {
        return addedServers;
    }

    /** The public resolvers offered in one click, in order. */
    public List<PublicResolver> presets() {
        return List.of(PublicResolver.values());
    }

    /** Adds a public resolver, as its preset button does; nothing when it is there already. */
    public void addPreset(PublicResolver resolver) {
        if (!addedServers.contains(resolver)) {
            addedServers.add(resolver);
        }
    }

    /** What a preset's button says: {@code Google 8.8.8.8}. */
    public String presetText(PublicResolver resolver) {
        return words().get("propagation.server." + resolver.id()) + " " + resolver.servers().get(0).host();
    }

    /** How an added server reads on its chip: a public resolver by name and address, any other by its address. */
    public String describe(ResolverTarget server) {
        return server instanceof PublicResolver resolver ? presetText(resolver) : server.displayName();
    }

    /** Adds the server typed; false (with the problem said) when it is not an address. */
    public boolean addServer() {
        Optional<String> problem = serverProblem(newServer.get());
        if (problem.isPresent()) {
            newServerProblem.set(problem.get());
            return false;
        }
        ResolverTarget address = ResolverTarget.servers(List.of(ServerAddress.parse(newServer.get().strip())));
        if (!addedServers.contains(address)) {
            addedServers.add(address);
        }
        newServer.set("");
        return true;
    }

    private Optional<String> serverProblem(String typed) {
        if (typed.isBlank()) {
            return Optional.of(words().get("propagation.server.problem.empty"));
        }
        try {
            ServerAddress.parse(typed.strip());
            return Optional.empty();
        } catch (ProblemException notAnAddress) {
            return Optional.of(words().get("propagation.server.problem", notAnAddress.problem()));
        }
    }

    public void removeServer(ResolverTarget server) {
        addedServers.remove(server);
    }

    /** Which servers a watch asks, from the resolver in Settings and the servers added. */
    public ReadOnlyStringProperty serversSummaryProperty() {
        return serversSummary.getReadOnlyProperty();
    }

    /** Why watching cannot start yet; empty when it can. */
    public ReadOnlyStringProperty startProblemProperty() {
        return startProblem.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** True while the choice of records is open: before the first watch, and when the user asks to change it. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Opens the choice of records again; the watch goes on meanwhile. */
    public void editRecords() {
        editing.set(true);
    }

    /** Closes the choice of records, when there is a watch to go back to. */
    public void closeEditing() {
        if (watch != null) {
            editing.set(false);
        }
    }

    // ---- Watching ----

    /** Starts watching the records chosen, from a first check now. */
    public void startWatching() {
        if (!canStart.get()) {
            return;
        }
        Optional<String> picked = pickedDomain();
        String watched = picked.orElseGet(() -> RecordKind.domainOf(addedRecords.get(0).name()));
        if (picked.isPresent()) {
            context.settings().lastDomainProperty().set(watched);
        }
        watch = new Watch(watched, new WatchedRecords(recordsToWatch()), List.copyOf(addedServers));
        plan = null;
        history = ProbeHistory.empty();
        schedule = firstSchedule;
        nextCheckAt = null;
        failure = "";
        selection.set(null);
        grid.set(null);
        notification.set("");
        editing.set(false);
        activity.set(Activity.CHECKING);
        reword();
        if (shown) {
            startChecks();
        } else {
            resumeWhenShown = true;
        }
    }

    /** Watches {@code records}, handed over by a wizard: they become the page's records, and the watch starts. */
    public void watch(List<ExpectedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String workedOn = DomainName.parseDomain(context.settings().lastDomainProperty().get()).name()
                .map(DomainName::ascii).orElse("");
        boolean underWorkedOn = !workedOn.isEmpty() && records.stream()
                .allMatch(record -> record.name().equals(workedOn) || record.name().endsWith("." + workedOn));
        domain.set(underWorkedOn ? workedOn : RecordKind.domainOf(records.get(0).name()));
        spf.set(false);
        dmarc.set(false);
        mx.set(false);
        selectors.set("");
        addedRecords.setAll(records);
        startWatching();
    }

    /** Checks again now, whether waiting, paused or done. */
    public void checkNow() {
        if (watch != null && activity.get() != Activity.CHECKING) {
            startChecks();
        }
    }

    /** Stops the automatic checks until {@link #resume()}. */
    public void pause() {
        if (activity.get() == Activity.CHECKING || activity.get() == Activity.WAITING) {
            stopChecks();
            activity.set(Activity.PAUSED);
            resumeWhenShown = false;
            reword();
        }
    }

    public void resume() {
        if (activity.get() == Activity.PAUSED) {
            startChecks();
        }
    }

    /**
     * Tells the page whether it is shown: leaving it cancels the checks (nothing refreshes
     * unseen), coming back starts them again, with the servers found afresh (the resolver in
     * Settings may have changed meanwhile).
     */
    public void setShown(boolean value) {
        if (shown == value) {
            return;
        }
        shown = value;
        if (!value) {
            if (activity.get() == Activity.CHECKING || activity.get() == Activity.WAITING) {
                resumeWhenShown = true;
                stopChecks();
            }
        } else if (resumeWhenShown) {
            resumeWhenShown = false;
            plan = null;
            startChecks();
        }
    }

    /** True while checks run or wait for their turn: the page is refreshing. */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public boolean isRefreshing() {
        return refreshing.get();
    }

    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** What is watched where: records, domain, zone and servers. */
    public ReadOnlyStringProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    /** The state of the whole watch: pass when everything matches, warning while it spreads, error when something will not clear by itself. */
    public ReadOnlyObjectProperty<CheckState> overallProperty() {
        return overall.getReadOnlyProperty();
    }

    /** The state of the whole watch in a word. */
    public ReadOnlyStringProperty overallWordProperty() {
        return overallWord.getReadOnlyProperty();
    }

    /** How many answers and records match. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** When it should be everywhere. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** When the next check is, or that one runs now, is paused or is no longer needed. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** Something to know about the servers asked (no zone found, no name server, a check that failed); empty when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The news that everything is everywhere, until dismissed; empty otherwise. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public void dismissNotification() {
        notification.set("");
    }

    /** The latest check, worded; empty before the first. */
    ReadOnlyObjectProperty<PropagationGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** What changed and when, newest first. */
    ObservableList<HistoryEntry> history() {
        return historyEntries;
    }

    /** The cell (or record) whose details are shown; empty for none. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    // ---- The checks ----

    /** The records of the watch, in order; empty before the first. */
    List<ExpectedRecord> watched() {
        return watch == null ? List.of() : watch.records().list();
    }

    /** The servers of the watch, once found. */
    Optional<WatchPlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** Uses {@code first} for the next watches (tests wait less than 15 s). */
    void useSchedule(RefreshSchedule first) {
        firstSchedule = Objects.requireNonNull(first, "first");
        schedule = first;
    }

    /**
     * Takes one check's result: the grid, the history, the estimate, a notification the first
     * time everything matches. Says how long to wait before the next check, or nothing when
     * every server has every record.
     */
    private Optional<Duration> accept(ProbeRound round) {
        Snapshot snapshot = round.snapshot();
        plan = round.plan();
        history = history.record(snapshot);
        SnapshotDiff diff = history.lastDiff().orElseThrow();
        schedule = schedule.after(diff);
        failure = "";
        Instant now = clock.instant();
        Optional<Duration> wait;
        if (snapshot.propagated()) {
            activity.set(Activity.DONE);
            nextCheckAt = null;
            wait = Optional.empty();
        } else {
            wait = Optional.of(schedule.delay(snapshot, now));
            nextCheckAt = now.plus(wait.get());
            activity.set(Activity.WAITING);
        }
        if (diff.becamePropagated()) {
            notification.set(words().get("propagation.notification", watch.records().size(), watch.domain()));
        }
        reword();
        return wait;
    }

    /** Updates the countdown and the estimate to {@code now}; called every second while checks go on. */
    private void tick() {
        Words words = words();
        Instant now = clock.instant();
        countdown.set(switch (activity.get()) {
            case IDLE -> "";
            case CHECKING -> words.get("propagation.countdown.checking");
            case WAITING -> nextCheckAt == null ? "" : words.get("propagation.countdown.next",
                    Words.countdown(Duration.between(now, nextCheckAt)));
            case PAUSED -> words.get("propagation.countdown.paused");
            case DONE -> words.get("propagation.countdown.done");
        });
        eta.set(latest().map(snapshot -> eta(snapshot, now, words)).orElse(""));
    }

    /** Checks now, then again and again until everything matches or the checks are stopped. */
    private void startChecks() {
        refreshing.set(true);
        activity.set(Activity.CHECKING);
        reword();
        check();
        if (nextTick == null && refreshing.get()) {
            tickEverySecond();
        }
    }

    /** Stops the checks: the one running is dropped unseen, the next is not made. */
    private void stopChecks() {
        checks.abandon();
        endRefreshing();
    }

    private void endRefreshing() {
        cancel(nextCheck);
        nextCheck = null;
        cancel(nextTick);
        nextTick = null;
        nextCheckAt = null;
        refreshing.set(false);
    }

    private void tickEverySecond() {
        nextTick = timer.after(Duration.ofSeconds(1), () -> {
            tick();
            tickEverySecond();
        });
    }

    private static void cancel(PageTimer.Pending pending) {
        if (pending != null) {
            pending.cancel();
        }
    }

    /** One check in the background: the servers, found afresh unless known, then every record on each of them. */
    private void check() {
        cancel(nextCheck);
        nextCheck = null;
        Watch checked = watch;
        WatchPlan known = plan;
        ResolverService resolver = context.resolver();
        ServerChoice choice = serverChoice(checked.servers());
        activity.set(Activity.CHECKING);
        tick();
        checks.start(words().get("propagation.progress", checked.records().size(), checked.domain()), () -> {
            PropagationProbe probe = new PropagationProbe(resolver, clock);
            CompletableFuture<WatchPlan> servers = known != null ? CompletableFuture.completedFuture(known)
                    : WatchPlanner.plan(resolver, checked.domain(), choice);
            return servers.thenCompose(used -> probe.probe(used.zone(), checked.records().list(), used.servers())
                    .thenApply(snapshot -> new ProbeRound(used, snapshot)));
        }, this::checked);
    }

    /** Takes a check's outcome on the FX thread and waits for the next one, if any. */
    private void checked(ProbeRound round, Throwable problem) {
        if (problem instanceof CancellationException) {
            // Escape, or the resolver replaced under the check: the user takes it from here.
            endRefreshing();
            activity.set(Activity.PAUSED);
            reword();
            return;
        }
        Optional<Duration> wait;
        if (problem != null) {
            // Not a server's answer (those are cells), but the check itself: said plainly, tried again.
            failure = words().get("propagation.notice.failed");
            wait = Optional.of(schedule.current());
            nextCheckAt = clock.instant().plus(wait.get());
            activity.set(Activity.WAITING);
            reword();
        } else {
            wait = accept(round);
        }
        if (wait.isPresent()) {
            nextCheck = timer.after(wait.get(), this::check);
        } else {
            endRefreshing();
            tick();
        }
    }

    /**
     * The servers of a watch: the zone's name servers on the port in Settings, the resolver in
     * Settings, then the servers added on the page; a public resolver is asked only once added.
     */
    private ServerChoice serverChoice(List<ResolverTarget> added) {
        return new ServerChoice(context.resolverTarget(), added, false, true, context.settings().nameServerPortProperty().get());
    }

    // ---- Words ----

    private Words words() {
        return new Words(context.bundle(), context.settings().languageProperty().get().locale(), clock.getZone());
    }

    private Optional<Snapshot> latest() {
        return history.latest();
    }

    /** The domain typed, when it is one. */
    private Optional<String> pickedDomain() {
        return DomainName.parseDomain(domain.get()).name().map(DomainName::ascii);
    }

    private boolean anythingPicked() {
        return spf.get() || dmarc.get() || mx.get() || !selectors.get().isBlank();
    }

    /** The picks and the added records, each once; an added record replaces a pick of the same name and type. */
    private Map<ExpectedRecord, RecordKind> recordsToWatch() {
        Map<ExpectedRecord, RecordKind> records = new LinkedHashMap<>();
        Optional<String> name = pickedDomain();
        if (name.isPresent()) {
            String at = name.get();
            List<ExpectedRecord> picked = new ArrayList<>();
            if (spf.get()) {
                picked.add(ExpectedRecord.asPublished(at, RecordType.TXT));
            }
            if (dmarc.get()) {
                picked.add(ExpectedRecord.asPublished("_dmarc." + at, RecordType.TXT));
            }
            for (String selector : RecordEntry.selectors(selectors.get()).selectors()) {
                picked.add(ExpectedRecord.asPublished(Selector.keyName(selector, at), RecordType.TXT));
            }
            if (mx.get()) {
                picked.add(ExpectedRecord.asPublished(at, RecordType.MX));
            }
            RecordKind[] kinds = pickedKinds();
            for (int i = 0; i < picked.size(); i++) {
                ExpectedRecord pick = picked.get(i);
                boolean replaced = addedRecords.stream()
                        .anyMatch(added -> added.name().equals(pick.name()) && added.type() == pick.type());
                if (!replaced) {
                    records.put(pick, kinds[i]);
                }
            }
        }
        addedRecords.forEach(record -> records.putIfAbsent(record, RecordKind.of(record)));
        return records;
    }

    private RecordKind[] pickedKinds() {
        List<RecordKind> kinds = new ArrayList<>();
        if (spf.get()) {
            kinds.add(RecordKind.SPF);
        }
        if (dmarc.get()) {
            kinds.add(RecordKind.DMARC);
        }
        RecordEntry.selectors(selectors.get()).selectors().forEach(selector -> kinds.add(RecordKind.DKIM));
        if (mx.get()) {
            kinds.add(RecordKind.MX);
        }
        return kinds.toArray(RecordKind[]::new);
    }

    private void recheckPicks() {
        Words words = words();
        DomainName.Parsed checked = DomainName.parseDomain(domain.get());
        boolean needsDomain = anythingPicked() || addedRecords.isEmpty();
        domainProblem.set(needsDomain && !domain.get().isBlank()
                ? checked.problem().map(problem -> problem.text(words.locale())).orElse("")
                : "");
        RecordEntry.SelectorsResult parsed = RecordEntry.selectors(selectors.get());
        selectorsProblem.set(parsed.problem().map(problem -> problem.in(words)).orElse(""));
        String at = checked.name().map(DomainName::ascii).orElse("");
        String selector = parsed.selectors().isEmpty() ? words.get("propagation.pick.dkim.placeholder") : parsed.selectors().get(0);
        spfName.set(at.isEmpty() ? "" : words.get("propagation.pick.at", "TXT", at));
        dmarcName.set(at.isEmpty() ? "" : words.get("propagation.pick.at", "TXT", "_dmarc." + at));
        mxName.set(at.isEmpty() ? "" : words.get("propagation.pick.at", "MX", at));
        dkimName.set(at.isEmpty() ? "" : words.get("propagation.pick.at", "TXT", Selector.keyName(selector, at)));
        String problem;
        if (anythingPicked() && checked.name().isEmpty()) {
            problem = domain.get().isBlank() ? words.get("propagation.start.problem.domain") : domainProblem.get();
        } else if (!selectorsProblem.get().isEmpty()) {
            problem = selectorsProblem.get();
        } else if (!anythingPicked() && addedRecords.isEmpty()) {
            problem = words.get("propagation.start.problem.nothing");
        } else {
            problem = "";
        }
        startProblem.set(problem);
    }

    private void recheckNewRecord() {
        Words words = words();
        if (newName.get().isBlank() && newValues.get().isBlank()) {
            newRecordNote.set("");
            newRecordValid.set(false);
            return;
        }
        RecordEntry.Result entry = RecordEntry.read(newName.get(), newType.get(), newValues.get(), pickedDomain().orElse(""));
        newRecordValid.set(entry.record().isPresent());
        newRecordNote.set(entry.record()
                .map(record -> words.get(record.hasExpectedValues() ? "propagation.add.note" : "propagation.add.note.mostCommon",
                        record.name(), record.type().name()))
                .orElseGet(() -> entry.problem().map(problem -> problem.in(words)).orElse("")));
    }

    private void rewordServers() {
        Words words = words();
        ServerChoice choice = serverChoice(addedServers);
        String list = String.join(", ", WatchPlanner.resolverColumns(choice).stream().map(words::serverTitle).toList());
        String nameServers = choice.nameServerPort() == ServerAddress.DNS_PORT
                ? words.get("propagation.servers.nameServers")
                : words.get("propagation.servers.nameServers.port", choice.nameServerPort());
        serversSummary.set(words.get("propagation.servers", nameServers, list,
                WatchPlanner.resolverColumns(choice).size()));
    }

    private void reword() {
        Words words = words();
        recheckPicks();
        recheckNewRecord();
        rewordServers();
        if (!newServerProblem.get().isEmpty()) {
            newServerProblem.set(serverProblem(newServer.get()).orElse(""));
        }
        if (watch == null) {
            watching.set("");
            overall.set(CheckState.PENDING);
            overallWord.set("");
            headline.set("");
            notice.set("");
            tick();
            return;
        }
        Optional<Snapshot> latest = latest();
        watching.set(plan == null
                ? words.get("propagation.watching.finding", watch.records().size(), watch.domain())
                : words.get("propagation.watching", watch.records().size(), watch.domain(), plan.zone(),
                        plan.authoritativeCount(), plan.servers().size() - plan.authoritativeCount()));
        if (latest.isEmpty()) {
            overall.set(CheckState.PENDING);
            overallWord.set(words.get("propagation.overall.checking"));
            headline.set(words.get("propagation.headline.first", watch.records().size()));
            grid.set(null);
        } else {
            Snapshot snapshot = latest.get();
            long cells = snapshot.rows().stream().mapToLong(row -> row.cells().size()).sum();
            long matching = snapshot.rows().stream().mapToLong(row -> row.count(CellState.MATCH)).sum();
            long everywhere = snapshot.rows().stream().filter(Row::propagated).count();
            CheckState state = switch (snapshot.estimate().status()) {
                case DONE -> CheckState.PASS;
                case ESTIMATED -> CheckState.WARNING;
                case UNKNOWN -> CheckState.ERROR;
            };
            overall.set(state);
            overallWord.set(words.get("propagation.overall." + state.name().toLowerCase(Locale.ROOT)));
            headline.set(snapshot.propagated()
                    ? words.get("propagation.headline.done", snapshot.rows().size(), cells)
                    : words.get("propagation.headline", matching, cells, everywhere, snapshot.rows().size()));
            grid.set(PropagationGrid.of(snapshot, watch.records(), words, context.settings().defaultTtlProperty().get()));
        }
        historyEntries.setAll(HistoryEntry.of(history, watch.records(), words));
        notice.set(noticeText(words));
        if (!notification.get().isEmpty()) {
            notification.set(words.get("propagation.notification", watch.records().size(), watch.domain()));
        }
        tick();
    }

    private String noticeText(Words words) {
        List<String> notes = new ArrayList<>();
        if (plan != null && !plan.zoneFound()) {
            notes.add(words.get("propagation.notice.noZone", watch.domain()));
        } else if (plan != null && plan.authoritativeCount() == 0) {
            notes.add(words.get("propagation.notice.noNameServers", plan.zone()));
        }
        if (activity.get() == Activity.PAUSED) {
            notes.add(words.get("propagation.notice.paused"));
        }
        if (!failure.isEmpty()) {
            notes.add(failure);
        }
        return String.join(" ", notes);
    }

    private String eta(Snapshot snapshot, Instant now, Words words) {
        PropagationEstimate estimate = snapshot.estimate();
        return switch (estimate.status()) {
            case DONE -> words.get("propagation.eta.done", words.time(becameEverywhere().orElse(snapshot.takenAt())));
            case ESTIMATED -> {
                Instant at = estimate.at().orElseThrow();
                yield at.isAfter(now)
                        ? words.get("propagation.eta.estimated", words.time(at), words.inWords(Duration.between(now, at)))
                        : words.get("propagation.eta.overdue", words.time(at));
            }
            case UNKNOWN -> words.get(snapshot.rows().stream().flatMap(row -> row.cells().stream())
                    .map(Cell::state).anyMatch(state -> state == CellState.ERROR)
                    ? "propagation.eta.unknown.silent" : "propagation.eta.unknown.nameServer");
        };
    }

    /** When everything first matched, by the history. */
    private Optional<Instant> becameEverywhere() {
        return history.changes().stream().filter(SnapshotDiff::becamePropagated).map(SnapshotDiff::at)
                .reduce((first, second) -> second);
    }
}
