package org.mailwright.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * A wizard's navigation: its question steps, then a summary step that lists every answer, and
 * optionally a closing step shown once the wizard is finished (for example: publish the record,
 * then check it live). Next is allowed only when the current step's answer is valid; Back is
 * allowed everywhere but the first step; inactive steps are passed over; on the summary, Next
 * finishes. From the closing step, Back reopens the wizard on the summary.
 *
 * <p>The step strip can jump to any step already reached: back to an earlier one, or forward again
 * as far as the user had gone, as long as every answer on the way is still valid. The closing step
 * is only reached through Finish, since finishing does something (publishing, checking DNS).
 *
 * <p>The live result is optional: the record as it will be published, as its value and
 * (optionally) as a zone-file line, updated as the answers change.
 */
public final class WizardViewModel {

    /** How a step shows in the step strip. */
    public enum StepState {
        DONE, CURRENT, TODO,
        /** An inactive question: an earlier answer made it pointless. */
        SKIPPED
    }

    /** One line of the summary: a step's title and its answer. */
    public record Answer(String title, String answer) {
    }

    /** How one step shows in the strip: its state, and whether choosing it goes there now. */
    public record StripStep(StepState state, boolean reachable) {
    }

    private final List<WizardStep> steps;
    private final WizardStep closingStep;
    private final ObservableValue<String> liveResult;
    private final ObservableValue<String> liveZoneLine;
    private final Runnable onFinish;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    /** The furthest position shown since the wizard (re)started, at most the summary. */
    private final IntegerProperty furthest = new SimpleIntegerProperty(this, "furthest", 0);
    private final BooleanBinding onSummary;
    private final BooleanBinding onClosingStep;
    private final ObjectBinding<WizardStep> currentStep;
    private final StringBinding currentProblem;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final ObjectBinding<List<StripStep>> strip;

    /**
     * @param steps the questions, in order (the summary step is added after them)
     * @param liveResult the record as it will be published, or null for a wizard without one
     * @param onFinish what Finish does
     */
    public WizardViewModel(List<WizardStep> steps, ObservableValue<String> liveResult, Runnable onFinish) {
        this(steps, liveResult, null, null, onFinish);
    }

    /**
     * @param steps the questions, in order (the summary step is added after them)
     * @param liveResult the record's value as it will be published, or null for a wizard without one
     * @param liveZoneLine the same record as a zone-file line, or null
     * @param closingStep shown once the wizard is finished, or null to end on the summary
     * @param onFinish what Finish does (before the closing step shows)
     */
    public WizardViewModel(List<WizardStep> steps, ObservableValue<String> liveResult, ObservableValue<String> liveZoneLine,
                           WizardStep closingStep, Runnable onFinish) {
        this.steps = List.copyOf(steps);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("A wizard asks at least one question.");
        }
        this.liveResult = liveResult;
        this.liveZoneLine = liveZoneLine;
        this.closingStep = closingStep;
        this.onFinish = Objects.requireNonNull(onFinish, "onFinish");
        onSummary = index.isEqualTo(this.steps.size());
        onClosingStep = index.isEqualTo(this.steps.size() + 1);
        currentStep = Bindings.createObjectBinding(() -> {
            int at = index.get();
            return at < this.steps.size() ? this.steps.get(at) : at == this.steps.size() ? null : closingStep;
        }, index);
        List<ObservableValue<?>> dependencies = new ArrayList<>(List.of(index, finished, furthest));
        this.steps.forEach(step -> {
            dependencies.add(step.problem());
            dependencies.add(step.active());
        });
        if (closingStep != null) {
            dependencies.add(closingStep.problem());
        }
        ObservableValue<?>[] all = dependencies.toArray(ObservableValue[]::new);
        currentProblem = Bindings.createStringBinding(() -> {
            WizardStep step = currentStep.get();
            return step == null || WizardStep.isBlank(step.problem().getValue()) ? "" : step.problem().getValue();
        }, all);
        canGoBack = Bindings.createBooleanBinding(
                () -> finished.get() ? closingStep != null : previousActive(index.get()) >= 0, all);
        canGoNext = currentProblem.isEmpty().and(finished.not());
        strip = Bindings.createObjectBinding(() -> IntStream.range(0, stepCount())
                .mapToObj(position -> new StripStep(stateOf(position), canGoTo(position))).toList(), all);
        index.addListener((observable, old, now) -> furthest.set(Math.max(furthest.get(), Math.min(now.intValue(), this.steps.size()))));
        index.set(nextActive(-1));
        furthest.set(index.get());
    }

    public List<WizardStep> steps() {
        return steps;
    }

    /** The step shown once the wizard is finished, or null when it ends on the summary. */
    public WizardStep closingStep() {
        return closingStep;
    }

    /** The question steps, the summary and the closing step if there is one. */
    public int stepCount() {
        return steps.size() + (closingStep == null ? 1 : 2);
    }

    /**
     * The position of the current step: 0 for the first question, {@code steps().size()} for the
     * summary, one more for the closing step.
     */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The current question (or the closing step), or null on the summary. */
    public ObjectBinding<WizardStep> currentStepProperty() {
        return currentStep;
    }

    public BooleanBinding onSummaryProperty() {
        return onSummary;
    }

    public BooleanBinding onClosingStepProperty() {
        return onClosingStep;
    }

    /** Why Next is not allowed yet; empty when it is. */
    public StringBinding currentProblemProperty() {
        return currentProblem;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    /** True when the current step's answer is valid (on the summary: when Finish is allowed). */
    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** The record as it will be published, or null when this wizard has none. */
    public ObservableValue<String> liveResult() {
        return liveResult;
    }

    /** The record as a zone-file line, or null when this wizard shows none. */
    public ObservableValue<String> liveZoneLine() {
        return liveZoneLine;
    }

    /** How step {@code position} shows in the strip now. */
    public StepState stateOf(int position) {
        int current = index.get();
        if (position < steps.size() && !steps.get(position).isActive()) {
            return StepState.SKIPPED;
        }
        if (position < current || finished.get() && closingStep == null) {
            return StepState.DONE;
        }
        return position == current ? StepState.CURRENT : StepState.TODO;
    }

    /** Every step's state and reachability, in order, as the strip shows them; follows the answers. */
    public ObjectBinding<List<StripStep>> stripProperty() {
        return strip;
    }

    /**
     * Whether choosing step {@code position} in the strip goes there now: an active step (or the
     * summary) other than the current one, either before it, or after it but no further than the
     * user had gone, with every answer on the way valid. From the closing step, every earlier step
     * reopens the wizard there (as Back does); a wizard that ended on its summary stays finished.
     */
    public boolean canGoTo(int position) {
        int current = index.get();
        if (position == current || position < 0 || position > steps.size()
                || position < steps.size() && !steps.get(position).isActive()) {
            return false;
        }
        if (finished.get()) {
            return closingStep != null;
        }
        return position < current || position <= furthest.get() && answersValid(current, position);
    }

    /** Every active question with its answer, in order. */
    public List<Answer> summary() {
        return steps.stream().filter(WizardStep::isActive)
                .map(step -> new Answer(step.title(), valueOf(step.answer()))).toList();
    }

    /** Goes to the next active step, or finishes on the summary; does nothing while the answer is not valid. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        if (onSummary.get()) {
            finished.set(true);
            onFinish.run();
            if (closingStep != null) {
                index.set(steps.size() + 1);
            }
        } else {
            index.set(nextActive(index.get()));
        }
    }

    /** Goes to the previous active step; from the closing step, reopens the wizard on the summary. */
    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        if (finished.get()) {
            finished.set(false);
            index.set(steps.size());
        } else {
            index.set(previousActive(index.get()));
        }
    }

    /** Jumps to a step already reached, as choosing it in the strip does; does nothing when {@link #canGoTo} says no. */
    public void goTo(int position) {
        if (canGoTo(position)) {
            finished.set(false);
            index.set(position);
        }
    }

    /**
     * Back to the first question with nothing reached beyond it, for answers that now belong to
     * another domain: the strip no longer offers the steps reached for the old one.
     */
    public void restart() {
        finished.set(false);
        index.set(nextActive(-1));
        furthest.set(index.get());
    }

    /**
     * Shows step {@code position}: back to it directly, or forward through the steps in between as
     * long as each one's answer is valid (for a shortcut such as a notice's button). Stops at the
     * first step whose answer is not valid; does nothing once finished.
     */
    public void show(int position) {
        if (finished.get()) {
            return;
        }
        if (position < index.get()) {
            goTo(position);
            return;
        }
        while (index.get() < Math.min(position, steps.size()) && canGoNext.get()) {
            index.set(nextActive(index.get()));
        }
    }

    /** True when every active question from {@code from} up to (not including) {@code to} has a valid answer. */
    private boolean answersValid(int from, int to) {
        return IntStream.range(from, Math.min(to, steps.size()))
                .filter(i -> steps.get(i).isActive())
                .allMatch(i -> WizardStep.isBlank(steps.get(i).problem().getValue()));
    }

    /** The first active question after {@code position}, or the summary. */
    private int nextActive(int position) {
        return IntStream.range(position + 1, steps.size()).filter(i -> steps.get(i).isActive())
                .findFirst().orElse(steps.size());
    }

    /** The last active question before {@code position} (the summary counts as after them all), or -1. */
    private int previousActive(int position) {
        int from = Math.min(position, steps.size());
        return IntStream.iterate(from - 1, i -> i >= 0, i -> i - 1).filter(i -> steps.get(i).isActive())
                .findFirst().orElse(-1);
    }

    private static String valueOf(ObservableValue<String> answer) {
        String value = answer.getValue();
        return value == null ? "" : value;
    }
}
