package org.mailwright.ui.dkim;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dkim.KeyTestReport;
import org.mailwright.dkim.KeyType;
import org.mailwright.dkim.MailServerSnippets;
import org.mailwright.dkim.RotationPlan;
import org.mailwright.dkim.Selector;
import org.mailwright.dkim.Selectors;
import org.mailwright.dkim.SelectorsMade;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.TxtStrings;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordKind;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.PublishedRecords;
import org.mailwright.publish.RecordChange;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.publish.PublishViewModel;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardViewModel;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The DKIM wizard: name the key (domain and a date-based selector), make or import it, save the
 * private key, publish the record, configure the mail server, plan the rotation, then check the
 * published record live and hand it to the Propagation page.
 */
public final class DkimWizardViewModel {

    /** Where the snippets assume the key lives on the mail server, unless the user says otherwise. */
    static final String SERVER_KEY_DIRECTORY = "/etc/dkimkeys/";
    /** A domain still being typed is not asked about: DNS hears of it once typing pauses. */
    private static final Duration SUGGESTION_SETTLE = Duration.ofMillis(300);

    private final AppContext context;
    private final Words words;
    private final Clock clock;
    private final Consumer<List<ExpectedRecord>> propagation;
    /** The date-based selector offered, once DNS said it is not published; the first free one by date until then. */
    private final ReadOnlyStringWrapper suggestedSelector = new ReadOnlyStringWrapper(this, "suggestedSelector");
    private final LatestJob suggesting;
    /** The record names of the keys set up in earlier runs of this wizard: a next run never suggests them again. */
    private final Set<String> namesSetUp = new HashSet<>();
    /** The domain chosen on the Domain page, which this wizard follows until it holds a key. */
    private final StringProperty working;
    /** The TTL of a record no name server publishes yet, as chosen in Settings. */
    private final ObservableLongValue defaultTtl;
    /** What the last key check learnt of the TTL the zone gives a name; null before it learnt any. */
    private final ObjectProperty<PublishedTtl> publishedTtl = new SimpleObjectProperty<>(this, "publishedTtl");

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty selector = new SimpleStringProperty(this, "selector", "");
    private final KeyMaker maker;
    private final KeySaver saver;
    private final BooleanProperty testing = new SimpleBooleanProperty(this, "testing");
    private final BooleanProperty strictIdentity = new SimpleBooleanProperty(this, "strictIdentity");
    private final BooleanProperty sha256Only = new SimpleBooleanProperty(this, "sha256Only");
    private final BooleanProperty emailOnly = new SimpleBooleanProperty(this, "emailOnly");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final StringProperty serverKeyPath = new SimpleStringProperty(this, "serverKeyPath", "");
    private final StringProperty oldSelector = new SimpleStringProperty(this, "oldSelector", "");
    private final ObjectProperty<KeyType> oldType = new SimpleObjectProperty<>(this, "oldType", KeyType.RSA);
    private final ObservableList<SnippetRow> snippets = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<SnippetRow> snippetsView = FXCollections.unmodifiableObservableList(snippets);
    private final ObservableList<PlanRow> plan = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<PlanRow> planView = FXCollections.unmodifiableObservableList(plan);
    private final KeyCheck check;
    private final PublishViewModel publication;

    private final ObjectBinding<DkimDnsRecord> dnsRecord;
    private final StringBinding domainProblem;
    private final StringBinding selectorProblem;
    private final StringBinding nameProblem;
    private final StringBinding keyProblem;
    private final StringBinding saveProblem;
    private final StringBinding serverProblem;
    private final StringBinding rotationProblem;
    private final StringBinding otherDomain;
    private final StringBinding otherDomainNotice;
    private final StringBinding startOverText;
    private final LongBinding zoneTtl;
    private final StringBinding switchQuestion;
    private final WizardViewModel wizard;
    private String suggestedServerPath = "";
    /** Where the mail server keeps keys: {@value #SERVER_KEY_DIRECTORY}, or the folder of the last run's key. */
    private String serverKeyFolder = SERVER_KEY_DIRECTORY;

    /**
     * @param jobs runs the key, file and DNS work: the window's background work, or the caller's thread in tests
     * @param propagation shows the Propagation page watching the records it is given
     * @param clock today's date, for the selector and the rotation plan
     */
    DkimWizardViewModel(AppContext context, BackgroundJobs jobs, Consumer<List<ExpectedRecord>> propagation, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.propagation = Objects.requireNonNull(propagation, "propagation");
        this.clock = Objects.requireNonNull(clock, "clock");
        words = new Words(context);
        maker = new KeyMaker(jobs, words);
        saver = new KeySaver(jobs, words);
        check = new KeyCheck(context, words, jobs, clock);
        suggesting = new LatestJob(jobs, SUGGESTION_SETTLE);
        suggestedSelector.set(Selectors.suggest(LocalDate.now(clock), List.of()));
        selector.set(suggestedSelector.get());
        working = context.settings().lastDomainProperty();
        domain.set(working.get());
        working.addListener((observable, old, now) -> follow(old, now));
        domain.addListener(observable -> suggestUnpublishedSelector());

        dnsRecord = Bindings.createObjectBinding(this::makeRecord, domain, selector, maker.keyProperty(),
                testing, strictIdentity, sha256Only, emailOnly, notes);
        maker.keyProperty().addListener((observable, old, key) -> saver.use(key));
        saver.savedProperty().addListener((observable, old, saved) -> rememberSelector(saved != null));
        dnsRecord.addListener((observable, old, record) -> check.clear());
        check.reportProperty().addListener((observable, old, report) -> learnTtl(report));
        defaultTtl = context.settings().defaultTtlProperty();
        zoneTtl = Bindings.createLongBinding(this::zoneTtlNow, dnsRecord, publishedTtl, defaultTtl);
        otherDomain = Bindings.createStringBinding(this::otherDomainNow, domain, working, maker.keyProperty());
        otherDomainNotice = words.follow(() -> otherDomain.get().isEmpty() ? ""
                : words.text("dkim.domain.stillOn", domainName().map(DomainName::unicode).orElse(domain.get().strip()),
                        otherDomain.get()), otherDomain);
        startOverText = words.follow(() -> words.text("dkim.domain.startOver", otherDomain.get()), otherDomain);

        domainProblem = words.follow(() -> domainProblemPhrase().map(words::say).orElse(""), domain);
        selectorProblem = words.follow(() -> selectorProblemPhrase().map(words::say).orElse(""), domain, selector);
        nameProblem = words.follow(() -> nameProblemPhrase().map(words::say).orElse(""), domain, selector);
        keyProblem = words.follow(this::keyProblemText, maker.keyProperty(), maker.runningProperty(), maker.originProperty(),
                maker.errorProperty());
        saveProblem = words.follow(this::saveProblemText, saver.savedProperty(), saver.runningProperty(),
                saver.passphraseProperty(), saver.passphraseAgainProperty(), saver.formatProperty(), saver.errorProperty());
        serverProblem = words.follow(this::serverProblemText, serverKeyPath);
        rotationProblem = words.follow(() -> rotationProblemPhrase().map(words::say).orElse(""), oldSelector, selector, domain);

        Observable[] snippetInputs = {dnsRecord, serverKeyPath, words.language()};
        for (Observable input : snippetInputs) {
            input.addListener(observable -> rewriteSnippets());
        }
        for (Observable input : new Observable[] {dnsRecord, oldSelector, oldType, zoneTtl, words.language()}) {
            input.addListener(observable -> replan());
        }
        for (Observable input : new Observable[] {maker.keyProperty(), maker.keyFileProperty(), saver.savedProperty(),
            selector, saver.formatProperty()}) {
            input.addListener(observable -> suggestServerPath());
        }
        suggestServerPath();

        wizard = new WizardViewModel(steps(), value(), zoneLine(), closingStep(), this::checkDns);
        publication = new PublishViewModel(context, jobs, propagation);
        publication.plannedProperty().bind(Bindings.createObjectBinding(this::changeSetNow, dnsRecord,
                check.reportProperty(), zoneTtl));
        switchQuestion = words.follow(this::switchQuestionText, maker.pendingChoiceProperty());
        suggestUnpublishedSelector();
    }

    /**
     * Follows the domain chosen on the Domain page while this page shows that one and holds no
     * key: a key, its record and its file names belong to the domain it was made for, so it is
     * never moved to another; {@link #otherDomainNoticeProperty()} says so instead.
     */
    private void follow(String old, String now) {
        if (maker.keyProperty().get() == null && domain.get().equals(old)) {
            domain.set(now);
        }
    }

    /** The domain the Domain page is on, when this wizard holds a key for another; empty otherwise. */
    private String otherDomainNow() {
        Optional<DomainName> chosen = DomainName.parseDomain(working.get()).name();
        if (maker.keyProperty().get() == null || chosen.isEmpty() || chosen.equals(domainName())) {
            return "";
        }
        return chosen.get().unicode();
    }

    /** Says that this wizard still works on its key's domain while the Domain page is on another; empty when not. */
    StringBinding otherDomainNoticeProperty() {
        return otherDomainNotice;
    }

    /** The words of the button that starts over for the Domain page's domain. */
    StringBinding startOverTextProperty() {
        return startOverText;
    }

    /**
     * Starts again from the first step for the Domain page's domain: the key and its record are
     * forgotten here (a key file saved stays on disk as it is; nothing is moved or renamed), and
     * every answer goes back to how a new wizard starts.
     */
    void startOver() {
        forgetRun();
        serverKeyFolder = SERVER_KEY_DIRECTORY;
        serverKeyPath.set("");
        suggestServerPath();
        domain.set(working.get());
        suggestUnpublishedSelector();
    }

    /**
     * Sets up another key for the same domain, as a new run from the first step: the domain and
     * the folder the mail server keeps keys in stay; the key, its selector, its options and the
     * key it replaces are this run's own, so the summary says nothing of the run before. The
     * selector just set up is never suggested again.
     */
    void setUpAnother() {
        DkimDnsRecord done = dnsRecord();
        if (done != null) {
            namesSetUp.add(done.name());
        }
        serverPath().map(Path::getParent).ifPresent(folder -> serverKeyFolder = folder + "/");
        forgetRun();
        serverKeyPath.set("");
        suggestServerPath();
        suggestUnpublishedSelector();
    }

    /** Forgets the key, its record and this run's answers, and goes back to the first step; a key file saved stays. */
    private void forgetRun() {
        check.clear();
        maker.reset();
        selector.set(suggestedSelector.get());
        testing.set(false);
        strictIdentity.set(false);
        sha256Only.set(false);
        emailOnly.set(false);
        notes.set("");
        oldSelector.set("");
        oldType.set(KeyType.RSA);
        wizard.restart();
    }

    private List<WizardStep> steps() {
        return List.of(
                step("name", nameProblem, Bindings.createStringBinding(
                        () -> dnsRecord() == null ? recordName() : dnsRecord().name(), domain, selector, dnsRecord), null),
                step("key", keyProblem, words.follow(this::keyAnswer, maker.keyProperty(), maker.keyFileProperty()), null),
                step("save", saveProblem, words.follow(this::saveAnswer, saver.savedProperty()),
                        maker.originProperty().isEqualTo(KeyMaker.Origin.GENERATE)),
                step("record", WizardStep.noProblem(), words.follow(this::optionsAnswer, dnsRecord), null),
                step("server", serverProblem, serverKeyPath, null),
                step("rotation", rotationProblem, words.follow(this::rotationAnswer, dnsRecord, oldSelector), null));
    }

    private WizardStep closingStep() {
        return step("check", WizardStep.noProblem(), Bindings.createStringBinding(() -> ""), null);
    }

    private WizardStep step(String id, ObservableValue<String> problem,
                            ObservableValue<String> answer,
                            ObservableValue<Boolean> active) {
        String prefix = "dkim.step." + id;
        return new WizardStep(words.binding(prefix + ".title"), words.binding(prefix + ".question"),
                words.binding(prefix + ".why"), problem, answer, active);
    }

    // ---- the name ----

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    /**
     * The date-based selector offered for a new key, such as {@code 202611a}: never one with a
     * record published at the domain (as DNS answered in the background), nor one of a key made
     * here for it.
     */
    public ReadOnlyStringProperty suggestedSelectorProperty() {
        return suggestedSelector.getReadOnlyProperty();
    }

    /** Puts the date-based selector back. */
    public void suggestSelector() {
        selector.set(suggestedSelector.get());
    }

    /**
     * Asks DNS, in the background, which date-based selector is still free at the domain typed;
     * a selector still as suggested follows the answer, one typed is kept.
     */
    private void suggestUnpublishedSelector() {
        Optional<DomainName> name = domainName();
        if (name.isEmpty()) {
            suggesting.abandon();
            return;
        }
        Set<String> taken = new HashSet<>();
        namesSetUp.stream().filter(setUp -> RecordKind.domainOf(setUp).equals(name.get().ascii()))
                .flatMap(setUp -> RecordKind.selectorOf(setUp).stream())
                .forEach(taken::add);
        LocalDate today = LocalDate.now(clock);
        ResolverService resolver = context.resolver();
        ResolverTarget target = context.resolverTarget();
        suggesting.start(words.text("dkim.name.suggesting", name.get().unicode()), () -> {
            taken.addAll(selectorsMadeHere(name.get()));
            return Selectors.suggestUnpublished(resolver, target, today, name.get(), taken);
        }, (free, failure) -> offer(failure == null ? free : Selectors.suggest(today, taken)));
    }

    /** The selectors of the keys made here for {@code domain}; none when that list cannot be read (it is only a hint). */
    private List<String> selectorsMadeHere(DomainName domain) {
        try {
            return new SelectorsMade(context.dataFolder()).of(domain.ascii());
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private void offer(String free) {
        boolean untouched = selector.get().equals(suggestedSelector.get());
        suggestedSelector.set(free);
        if (untouched && maker.keyProperty().get() == null) {
            selector.set(free);
        }
    }

    /** The domain typed, when it is a mail domain. */
    Optional<DomainName> domainName() {
        return DomainName.parseDomain(domain.get()).name();
    }

    /** {@code selector._domainkey.domain} as typed so far, for the name step to show. */
    String recordName() {
        return Selector.keyName(shownSelector(selector.get()), domainName().map(DomainName::ascii).orElse(domain.get().strip()));
    }

    /** A selector as it will be published when it is one; as typed, in lower case, while it is not. */
    private static String shownSelector(String typed) {
        return Selector.parse(typed).selector().map(Selector::value).orElse(typed.strip().toLowerCase(Locale.ROOT));
    }

    /** Why the domain typed is not a domain name; empty when it is one. */
    StringBinding domainProblemProperty() {
        return domainProblem;
    }

    /** Why the selector typed cannot be used; empty when it can (or while the domain is wrong). */
    StringBinding selectorProblemProperty() {
        return selectorProblem;
    }

    private Optional<Phrase> domainProblemPhrase() {
        return DomainName.parseDomain(domain.get()).problem().map(problem -> Phrase.core(problem::text));
    }

    private Optional<Phrase> selectorProblemPhrase() {
        return domainName().flatMap(name -> selectorProblem(selector.get(), name));
    }

    private static Optional<Phrase> selectorProblem(String typed, DomainName domain) {
        return Selector.parse(typed, domain).problem().map(problem -> Phrase.core(problem::text));
    }

    private Optional<Phrase> nameProblemPhrase() {
        return domainProblemPhrase().or(this::selectorProblemPhrase);
    }

    // ---- the key ----

    /** How people write the key type: RSA, Ed25519. */
    static String typeName(KeyType type) {
        return type == KeyType.ED25519 ? "Ed25519" : "RSA";
    }

    KeyMaker maker() {
        return maker;
    }

    /**
     * What another choice of key would lose, for the view to ask before the key is dropped:
     * empty while no choice waits for an answer. A key not saved anywhere is gone for good; a
     * saved or imported one stays in its file, and only this wizard moves on without it.
     */
    StringBinding switchQuestionProperty() {
        return switchQuestion;
    }

    private String switchQuestionText() {
        DkimKey key = maker.keyProperty().get();
        if (maker.pendingChoiceProperty().get() == null || key == null) {
            return "";
        }
        String held = words.text("dkim.key.switch.key", typeName(key.type()), key.bits(), key.fingerprint());
        KeySaver.Saved saved = saver.savedProperty().get();
        Path file = saved != null ? saved.key().path() : maker.keyFileProperty().get();
        return file == null ? words.text("dkim.key.switch.lost", held) : words.text("dkim.key.switch.kept", held, file);
    }

    private String keyProblemText() {
        if (maker.runningProperty().get()) {
            return words.text("dkim.key.problem.running");
        }
        // What went wrong with the last attempt says best what to do next.
        if (maker.errorProperty().get() != Phrase.NONE) {
            return words.say(maker.errorProperty().get());
        }
        if (maker.keyProperty().get() == null) {
            return words.text(maker.originProperty().get() == KeyMaker.Origin.GENERATE
                    ? "dkim.key.problem.make" : "dkim.key.problem.open");
        }
        return "";
    }

    /** The key in a line: its type, size, fingerprint, and where it came from. */
    String keyDescription() {
        DkimKey key = maker.keyProperty().get();
        if (key == null) {
            return "";
        }
        Path file = maker.keyFileProperty().get();
        return file == null
                ? words.text("dkim.key.made", typeName(key.type()), key.bits(), key.fingerprint())
                : words.text("dkim.key.read", typeName(key.type()), key.bits(), key.fingerprint(), file);
    }

    private String keyAnswer() {
        DkimKey key = maker.keyProperty().get();
        return key == null ? "" : words.text("dkim.key.answer", typeName(key.type()), key.bits(), key.fingerprint());
    }

    // ---- saving ----

    /** Tells the health check which selector this domain's new key is under, once the key is saved. */
    private void rememberSelector(boolean saved) {
        DkimDnsRecord record = dnsRecord.get();
        if (!saved || record == null) {
            return;
        }
        try {
            new SelectorsMade(context.dataFolder()).add(record.domain(), record.selector());
        } catch (IOException unwritable) {
            // Only a hint for the health check: the key itself is saved.
        }
    }

    KeySaver saver() {
        return saver;
    }

    private String saveProblemText() {
        Optional<Phrase> passphrase = saver.passphraseProblem();
        if (passphrase.isPresent()) {
            return words.say(passphrase.get());
        }
        if (saver.runningProperty().get()) {
            return words.text("dkim.save.problem.running");
        }
        if (saver.errorProperty().get() != Phrase.NONE) {
            return words.say(saver.errorProperty().get());
        }
        return saver.savedProperty().get() == null ? words.text("dkim.save.problem.notSaved") : "";
    }

    /** Where the key was saved and who may read it, in a sentence; empty before it is saved. */
    String savedDescription() {
        KeySaver.Saved saved = saver.savedProperty().get();
        if (saved == null) {
            return "";
        }
        String format = words.text("dkim.format." + saved.format().name().toLowerCase(Locale.ROOT));
        return saved.key().permissions()
                .map(mode -> words.text("dkim.save.saved", saved.key().path(), format, KeySaver.octalMode(mode), mode))
                .orElseGet(() -> words.text("dkim.save.savedNoMode", saved.key().path(), format));
    }

    private String saveAnswer() {
        KeySaver.Saved saved = saver.savedProperty().get();
        if (saved == null) {
            return "";
        }
        return saved.key().permissions()
                .map(mode -> words.text("dkim.save.answer", saved.key().path(), KeySaver.octalMode(mode)))
                .orElse(saved.key().path().toString());
    }

    /** The file name the save dialog offers. */
    String suggestedFileName() {
        return saver.suggestedFileName(shownSelector(selector.get()));
    }

    // ---- the record ----

    public BooleanProperty testingProperty() {
        return testing;
    }

    public BooleanProperty strictIdentityProperty() {
        return strictIdentity;
    }

    public BooleanProperty sha256OnlyProperty() {
        return sha256Only;
    }

    public BooleanProperty emailOnlyProperty() {
        return emailOnly;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The record to publish, with its name; null until the names are valid and there is a key. */
    ObjectBinding<DkimDnsRecord> dnsRecordProperty() {
        return dnsRecord;
    }

    DkimDnsRecord dnsRecord() {
        return dnsRecord.get();
    }

    private DkimDnsRecord makeRecord() {
        DkimKey key = maker.keyProperty().get();
        Optional<DomainName> name = domainName();
        if (key == null || name.isEmpty() || nameProblemPhrase().isPresent()) {
            return null;
        }
        DkimKeyRecord record = key.record()
                .withTesting(testing.get())
                .withStrictIdentity(strictIdentity.get())
                .withHashAlgorithms(sha256Only.get() ? List.of("sha256") : List.of())
                .withServiceTypes(emailOnly.get() ? List.of("email") : List.of())
                .withNotes(notes.get().strip());
        return new DkimDnsRecord(selector.get(), name.get().ascii(), record);
    }

    /** The record's value, for DNS web panels. */
    StringBinding value() {
        return Bindings.createStringBinding(() -> dnsRecord() == null ? "" : dnsRecord().value(), dnsRecord);
    }

    /**
     * The record as a zone-file line, its value cut into strings of 255 characters at most, with
     * {@link #zoneTtlProperty() the TTL it is published with}.
     */
    StringBinding zoneLine() {
        return Bindings.createStringBinding(() -> dnsRecord() == null ? "" : dnsRecord().zoneLine(zoneTtl.get()), dnsRecord, zoneTtl);
    }

    /**
     * The TTL of the zone-file line: the one the zone gives the record now, as its name servers
     * answered the last key check, when they publish it; otherwise the default for a new record.
     * Never what a resolver's cache has left of it.
     */
    LongBinding zoneTtlProperty() {
        return zoneTtl;
    }

    private long zoneTtlNow() {
        PublishedTtl learnt = publishedTtl.get();
        DkimDnsRecord record = dnsRecord();
        return learnt != null && record != null && learnt.name().equals(record.name()) ? learnt.ttl() : defaultTtl.get();
    }

    /** Keeps what a finished check says of the name's TTL, so it outlives the check when an option changes. */
    private void learnTtl(KeyTestReport report) {
        if (report != null) {
            OptionalLong ttl = report.publishedTtl();
            publishedTtl.set(ttl.isPresent() ? new PublishedTtl(report.name(), ttl.getAsLong()) : null);
        }
    }

    /** The TTL the zone gives {@code name}, as its name servers answered. */
    private record PublishedTtl(String name, long ttl) {
    }

    /** The name as DNS web panels ask for it (they add the domain themselves). */
    StringBinding hostField() {
        return Bindings.createStringBinding(
                () -> dnsRecord() == null ? "" : dnsRecord().selector() + "._domainkey", dnsRecord);
    }

    /** How long the value is and what that means for a DNS panel. */
    StringBinding lengthNote() {
        return words.follow(() -> {
            DkimDnsRecord record = dnsRecord();
            if (record == null) {
                return "";
            }
            int length = record.value().length();
            return length > TxtStrings.MAX_STRING_OCTETS
                    ? words.text("dkim.record.long", length, record.strings().size())
                    : words.text("dkim.record.short", length);
        }, dnsRecord);
    }

    private String optionsAnswer() {
        DkimDnsRecord record = dnsRecord();
        if (record == null) {
            return "";
        }
        List<String> options = new ArrayList<>();
        DkimKeyRecord key = record.record();
        if (key.testing()) {
            options.add("t=y");
        }
        if (key.strictIdentity()) {
            options.add("t=s");
        }
        if (!key.hashAlgorithms().isEmpty()) {
            options.add("h=" + String.join(":", key.hashAlgorithms()));
        }
        if (!key.serviceTypes().isEmpty()) {
            options.add("s=" + String.join(":", key.serviceTypes()));
        }
        if (!key.notes().isEmpty()) {
            options.add("n=");
        }
        return options.isEmpty() ? words.text("dkim.record.answer.plain")
                : words.text("dkim.record.answer.options", String.join(", ", options));
    }

    // ---- the mail server ----

    public StringProperty serverKeyPathProperty() {
        return serverKeyPath;
    }

    ObservableList<SnippetRow> snippets() {
        return snippetsView;
    }

    private String serverProblemText() {
        String path = serverKeyPath.get().strip();
        if (path.isEmpty()) {
            return words.text("dkim.server.problem.empty");
        }
        return serverPath().isPresent() ? "" : words.text("dkim.server.problem.invalid", path);
    }

    private Optional<Path> serverPath() {
        try {
            String path = serverKeyPath.get().strip();
            return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Offers where the key will live on the mail server: the imported file's own path, or the
     * saved file's name in {@value #SERVER_KEY_DIRECTORY} (or the folder of the key set up before);
     * a path the user typed is kept.
     */
    private void suggestServerPath() {
        Path imported = maker.keyFileProperty().get();
        KeySaver.Saved saved = saver.savedProperty().get();
        String suggestion = imported != null ? imported.toString()
                : serverKeyFolder + (saved != null ? saved.key().path().getFileName() : suggestedFileName());
        if (serverKeyPath.get().isEmpty() || serverKeyPath.get().equals(suggestedServerPath)) {
            serverKeyPath.set(suggestion);
        }
        suggestedServerPath = suggestion;
    }

    private void rewriteSnippets() {
        DkimDnsRecord record = dnsRecord();
        Optional<Path> path = serverPath();
        if (record == null || path.isEmpty()) {
            snippets.clear();
            return;
        }
        Locale locale = words.locale();
        snippets.setAll(MailServerSnippets.forKey(record.domain(), record.selector(), path.get(), record.record().keyType())
                .stream()
                .map(snippet -> new SnippetRow(snippet.server(), snippet.file(), snippet.text(), snippet.note(locale)))
                .toList());
    }

    // ---- rotation ----

    public StringProperty oldSelectorProperty() {
        return oldSelector;
    }

    public ObjectProperty<KeyType> oldTypeProperty() {
        return oldType;
    }

    /** The plan's steps, with their dates, from today. */
    ObservableList<PlanRow> plan() {
        return planView;
    }

    /** Why keys are rotated. */
    StringBinding rotationWhy() {
        return words.follow(() -> RotationPlan.why(words.locale()));
    }

    private Optional<Phrase> rotationProblemPhrase() {
        String old = shownSelector(oldSelector.get());
        if (old.isEmpty()) {
            return Optional.empty();
        }
        if (old.equals(shownSelector(selector.get()))) {
            return Optional.of(Phrase.of("dkim.rotation.problem.same", old));
        }
        return domainName().flatMap(name -> selectorProblem(old, name));
    }

    private Optional<RotationPlan> rotationPlan() {
        DkimDnsRecord record = dnsRecord();
        if (record == null || rotationProblemPhrase().isPresent()) {
            return Optional.empty();
        }
        String old = shownSelector(oldSelector.get());
        return Optional.of(RotationPlan.plan(record, old.isEmpty() ? Optional.empty() : Optional.of(old), oldType.get(),
                LocalDate.now(clock), Duration.ofSeconds(zoneTtl.get())));
    }

    private void replan() {
        Optional<RotationPlan> planned = rotationPlan();
        if (planned.isEmpty()) {
            plan.clear();
            return;
        }
        Locale locale = words.locale();
        plan.setAll(planned.get().steps().stream()
                .map(step -> new PlanRow(step.date().toString(), step.title(locale), step.detail(locale, planned.get()),
                        // The new record is beside the wizard already; only the revocation is new here.
                        // The old selector's own TTL is not asked of its zone: the default is written.
                        step.record().filter(record -> !record.equals(planned.get().newRecord()))
                                .map(record -> record.zoneLine(defaultTtl.get())).orElse("")))
                .toList());
    }

    private String rotationAnswer() {
        Optional<RotationPlan> planned = rotationPlan();
        if (planned.isEmpty()) {
            return "";
        }
        return planned.get().oldSelector()
                .map(old -> words.text("dkim.rotation.answer.replaces", old.selector(),
                        planned.get().steps().get(planned.get().steps().size() - 1).date().toString()))
                .orElseGet(() -> words.text("dkim.rotation.answer.none"));
    }

    // ---- the check and the hand-off ----

    KeyCheck check() {
        return check;
    }

    /** Runs the key test on the record shown, options included, in the background. Call on the FX thread. */
    public void checkDns() {
        DkimDnsRecord record = dnsRecord();
        DkimKey key = maker.keyProperty().get();
        if (record != null && key != null) {
            check.run(record, key);
        }
    }

    /** Hands the record to the Propagation page, which watches it reach every server. */
    public void watchPropagation() {
        DkimDnsRecord record = dnsRecord();
        if (record != null) {
            propagation.accept(List.of(ExpectedRecord.of(record.name(), RecordType.TXT, record.value())));
        }
    }

    /** The record as a change set: shown as a diff, exported, or sent to the zone's primary server. */
    public PublishViewModel publication() {
        return publication;
    }

    /**
     * The record shown, replacing whatever key is at its name, planned against what the last key
     * check read there: as the zone's name servers answered, else as the resolver did. None
     * before a check of this record has said what is published.
     */
    private ChangeSet changeSetNow() {
        DkimDnsRecord record = dnsRecord();
        KeyTestReport report = check.reportProperty().get();
        if (record == null || report == null || !report.name().equals(record.name())) {
            return null;
        }
        DomainName name = DomainName.of(record.name());
        return report.servers().stream()
                .sorted(Comparator.comparing(server -> server.source() != KeyTestReport.Source.AUTHORITATIVE))
                .map(server -> new PublishedRecords(name, server.lookup()))
                .filter(PublishedRecords::readable)
                .findFirst()
                .map(read -> ChangeSet.of(DomainName.of(record.domain()), RecordChange.plan(name, zoneTtl.get(),
                        read.records(), new RecordChange.Intent.Replace(record.value()))))
                .orElse(null);
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    /** The language of the core's words (findings), chosen now. */
    Locale locale() {
        return words.locale();
    }

    /** A phrase in the language chosen now. */
    String say(Phrase phrase) {
        return words.say(phrase);
    }

    /** The phrase held by {@code phrase}, following the language. */
    StringBinding shown(ObservableValue<Phrase> phrase) {
        return words.shown(phrase);
    }
}
