package org.mailwright.ui.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.check.DomainOverview;
import org.mailwright.check.DomainOverview.Aspect;
import org.mailwright.dns.DomainName;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.check.HealthCheckViewModel;
import org.mailwright.ui.check.ShownScorecard;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundJobs;

/**
 * The Domain page's state: the domain being worked on (checked as it is typed, remembered between
 * runs, and followed by every wizard), its health check's scorecard (run by the Health check page,
 * which shows the details), and an overview of what DNS says about it now, filled in row by row in
 * the background.
 */
public final class DomainViewModel {

    private final AppContext context;
    private final BackgroundJobs jobs;
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper asked = new ReadOnlyStringWrapper(this, "asked", "");
    private final ObservableList<OverviewRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OverviewRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanBinding canLookUp;
    private final HealthCheckViewModel health;
    private final Runnable openHealth;
    private final ReadOnlyStringWrapper shownDomain = new ReadOnlyStringWrapper(this, "shownDomain", "");
    private final ObjectBinding<ShownScorecard> scorecard;
    private final BooleanBinding scorecardPending;

    /** What the rows were made from, so they can be worded again in another language. */
    private final Map<Aspect, DomainOverview.Item> items = new EnumMap<>(Aspect.class);
    private final List<BackgroundJobs.Job> pending = new ArrayList<>();
    private DomainName lookedUp;
    private String askedResolver;
    private boolean cancelled;
    private int generation;

    /**
     * @param health checks the domain looked up, for the scorecard
     * @param openHealth shows the Health check page, with the scorecard's details
     */
    public DomainViewModel(AppContext context, HealthCheckViewModel health, Runnable openHealth) {
        this.context = Objects.requireNonNull(context, "context");
        this.jobs = context.work();
        this.health = Objects.requireNonNull(health, "health");
        this.openHealth = Objects.requireNonNull(openHealth, "openHealth");
        domain.addListener((observable, old, text) -> {
            recheck();
            domainName().ifPresent(name -> context.settings().lastDomainProperty().set(text.strip()));
        });
        context.settings().languageProperty().addListener((observable, old, language) -> {
            recheck();
            reword();
        });
        domain.set(context.settings().lastDomainProperty().get());
        recheck();
        canLookUp = problem.isEmpty().and(running.not());
        // The Health check page may have checked another domain since: its scorecard is not this one's.
        scorecard = Bindings.createObjectBinding(() -> {
            ShownScorecard card = health.scorecardProperty().get();
            return card != null && card.domain().equals(shownDomain.get()) ? card : null;
        }, health.scorecardProperty(), shownDomain);
        scorecardPending = Bindings.createBooleanBinding(() -> health.runningProperty().get()
                && health.checkingProperty().get().equals(shownDomain.get()), health.runningProperty(),
                health.checkingProperty(), shownDomain);
    }

    /** The domain as typed. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** Why the typed text is not a domain name, in the user's language; empty when it is one. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The name that will be looked up, when the typed text is a domain name. */
    public Optional<String> domainName() {
        return DomainName.parseDomain(domain.get()).name().map(DomainName::ascii);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canLookUpProperty() {
        return canLookUp;
    }

    /** Which resolver answered, once a lookup is under way; empty before. */
    public ReadOnlyStringProperty askedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** The overview: empty until the first lookup, then one row per {@link Aspect}. */
    public ObservableList<OverviewRow> rows() {
        return rowsView;
    }

    /** The scorecard of the domain looked up; null until its health check has ended. */
    public ObjectBinding<ShownScorecard> scorecardProperty() {
        return scorecard;
    }

    /** True while the health check of the domain looked up runs. */
    public BooleanBinding scorecardPendingProperty() {
        return scorecardPending;
    }

    /** Shows the Health check page, where each area's findings are. */
    public void openHealth() {
        openHealth.run();
    }

    /**
     * Starts looking the domain up, and its health check for the scorecard, asking the servers now
     * (nothing from the cache). Call on the FX thread.
     */
    public void lookUp() {
        Optional<DomainName> name = DomainName.parseDomain(domain.get()).name();
        if (name.isEmpty() || running.get()) {
            return;
        }
        int mine = ++generation;
        lookedUp = name.get();
        cancelled = false;
        items.clear();
        pending.clear();
        askedResolver = context.describeResolver(bundle());
        reword();
        running.set(true);
        shownDomain.set(lookedUp.unicode());
        health.check(lookedUp);
        Map<Aspect, CompletableFuture<DomainOverview.Item>> looks =
                new DomainOverview(context.resolver().fresh(), context.resolverTarget()).look(lookedUp);
        String message = Texts.format(bundle(), "domain.progress", lookedUp.unicode());
        looks.forEach((aspect, look) -> pending.add(jobs.start(message, () -> look, (item, failure) -> {
            if (mine != generation) {
                return;
            }
            if (failure instanceof CancellationException) {
                cancelled = true;
            } else if (item != null) {
                items.put(aspect, item);
            }
            if (items.size() == Aspect.values().length || cancelled) {
                running.set(false);
            }
            reword();
        })));
    }

    /** Stops waiting for the answers still missing. */
    public void cancel() {
        if (running.get()) {
            List.copyOf(pending).forEach(BackgroundJobs.Job::cancel);
            // Only this domain's check: one the Health check page started for another goes on.
            if (scorecardPending.get()) {
                health.cancel();
            }
            cancelled = true;
            running.set(false);
            reword();
        }
    }

    private void reword() {
        if (lookedUp == null) {
            return;
        }
        List<OverviewRow> worded = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            DomainOverview.Item item = items.get(aspect);
            String name = aspect.nameFor(lookedUp).unicode();
            if (item != null) {
                worded.add(OverviewRow.of(item, bundle(), language().locale()));
            } else if (cancelled) {
                worded.add(OverviewRow.unanswered(aspect, name, Texts.format(bundle(), "domain.cancelled")));
            } else {
                worded.add(OverviewRow.waiting(aspect, name, Texts.format(bundle(), "domain.pending")));
            }
        }
        rows.setAll(worded);
        asked.set(Texts.format(bundle(), "domain.asked", askedResolver, lookedUp.unicode()));
    }

    private void recheck() {
        problem.set(DomainName.parseDomain(domain.get()).problem()
                .map(found -> found.text(language().locale()))
                .orElse(""));
    }

    /** The language the rows and findings are worded in. */
    public Locale locale() {
        return language().locale();
    }

    private Language language() {
        return context.settings().languageProperty().get();
    }

    private ResourceBundle bundle() {
        return context.bundle();
    }
}
