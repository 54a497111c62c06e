package org.mailwright.ui.dmarc;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The saved rollout plans whose next stage is due, read when the window opens and again whenever
 * a plan is saved, so the status bar can say so on every page.
 */
public final class PlanReminders {

    private final Words words;
    private final PlanStore store;
    private final Clock clock;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<List<SavedPlan>> due = new ReadOnlyObjectWrapper<>(this, "due", List.of());
    private final StringBinding hint;

    /** @param store where the plans are kept */
    public PlanReminders(AppContext context, PlanStore store, Clock clock) {
        this(new Words(context), context.work(), store, clock);
    }

    PlanReminders(Words words, BackgroundJobs jobs, PlanStore store, Clock clock) {
        this.words = Objects.requireNonNull(words, "words");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = new LatestJob(jobs);
        hint = Bindings.createStringBinding(this::hintNow, due, words.language());
    }

    /** Reads the saved plans again in the background. */
    public void refresh() {
        LocalDate today = LocalDate.now(clock);
        job.start(words.format("dmarc.reminder.reading"), () -> BackgroundJobs.completed(() -> dueOn(today)),
                (plans, failure) -> {
                    // A plan that cannot be read is reported on the DMARC page when its domain is opened.
                    if (failure == null) {
                        due.set(plans);
                    }
                });
    }

    private List<SavedPlan> dueOn(LocalDate today) throws IOException {
        return store.list().stream().filter(plan -> plan.nextIsDue(today)).toList();
    }

    /** The plans whose next stage may begin now, by domain name. */
    public ReadOnlyObjectProperty<List<SavedPlan>> dueProperty() {
        return due.getReadOnlyProperty();
    }

    /** What the status bar says: empty when nothing is due. */
    public StringBinding hintProperty() {
        return hint;
    }

    /** The first domain with a stage due, to open on the DMARC page; empty when none is. */
    public String firstDueDomain() {
        return due.get().isEmpty() ? "" : due.get().get(0).domain();
    }

    private String hintNow() {
        List<SavedPlan> plans = due.get();
        if (plans.isEmpty()) {
            return "";
        }
        if (plans.size() > 1) {
            return words.format("dmarc.reminder.many", plans.size());
        }
        SavedPlan plan = plans.get(0);
        return words.format("dmarc.reminder.one", plan.domain(), plan.next().orElseThrow().number(),
                plan.next().orElseThrow().name(words.locale()));
    }
}
