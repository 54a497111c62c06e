package org.mailwright.ui.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.LookupBatchTask;

/**
 * The Domain page's state: the domain being worked on (checked as it is typed, remembered between
 * runs) and an overview of what DNS says about it, filled in row by row in the background.
 */
public final class DomainViewModel {

    private final AppContext context;
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper asked = new ReadOnlyStringWrapper(this, "asked", "");
    private final ObservableList<OverviewRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OverviewRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanBinding canLookUp;

    /** What the rows were made from, so they can be worded again in another language. */
    private final LookupResult[] results = new LookupResult[Aspect.values().length];
    private String lookedUp;
    private String askedResolver;
    private boolean cancelled;
    private Task<?> lookup;

    public DomainViewModel(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
        domain.addListener((observable, old, text) -> {
            recheck();
            checked().name().ifPresent(name -> context.settings().lastDomainProperty().set(text.strip()));
        });
        context.settings().languageProperty().addListener((observable, old, language) -> {
            recheck();
            reword();
        });
        domain.set(context.settings().lastDomainProperty().get());
        recheck();
        canLookUp = problem.isEmpty().and(running.not());
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
        return checked().name();
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

    /** Starts looking the domain up in the background. Call on the FX thread. */
    public void lookUp() {
        Optional<String> name = domainName();
        if (name.isEmpty() || running.get()) {
            return;
        }
        lookedUp = name.get();
        cancelled = false;
        Arrays.fill(results, null);
        ResolverTarget target = context.resolverTarget();
        askedResolver = context.describeResolver(bundle());
        reword();
        List<LookupBatchTask.Lookup> lookups = Arrays.stream(Aspect.values())
                .map(aspect -> new LookupBatchTask.Lookup(aspect.nameFor(lookedUp), aspect.type()))
                .toList();
        String looking = lookedUp;
        LookupBatchTask task = new LookupBatchTask(context.resolver(), target, lookups, this::answered,
                (done, total) -> Texts.format(bundle(), "domain.progress", looking, done, total));
        task.stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.CANCELLED) {
                cancelled = true;
                reword();
            }
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.set(false);
            }
        });
        running.set(true);
        lookup = context.work().start(task);
    }

    /** Stops waiting for the answers still missing. */
    public void cancel() {
        if (lookup != null && running.get()) {
            lookup.cancel();
        }
    }

    private void answered(int index, LookupResult result) {
        results[index] = result;
        rows.set(index, assess(Aspect.values()[index], result));
    }

    private void reword() {
        if (lookedUp == null) {
            return;
        }
        List<OverviewRow> worded = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            LookupResult result = results[aspect.ordinal()];
            String name = aspect.nameFor(lookedUp);
            if (result != null) {
                worded.add(assess(aspect, result));
            } else if (cancelled) {
                worded.add(OverviewRow.unanswered(aspect, name, Texts.format(bundle(), "domain.cancelled")));
            } else {
                worded.add(OverviewRow.waiting(aspect, name, Texts.format(bundle(), "domain.pending")));
            }
        }
        rows.setAll(worded);
        asked.set(Texts.format(bundle(), "domain.asked", askedResolver, lookedUp));
    }

    private OverviewRow assess(Aspect aspect, LookupResult result) {
        return OverviewRow.assess(aspect, result, bundle(), language().locale());
    }

    private void recheck() {
        problem.set(checked().problem()
                .map(found -> Texts.format(bundle(), found.key(), found.arguments().toArray()))
                .orElse(""));
    }

    private DomainName.Result checked() {
        return DomainName.check(domain.get());
    }

    private Language language() {
        return context.settings().languageProperty().get();
    }

    private ResourceBundle bundle() {
        return context.bundle();
    }
}
