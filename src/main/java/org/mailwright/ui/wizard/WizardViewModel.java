package org.mailwright.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;

/**
 * A wizard's navigation: its question steps, then a summary step that lists every answer. Next
 * is allowed only when the current step's answer is valid; Back is allowed everywhere but the
 * first step; on the summary, Next finishes. The live result is optional: the record as it will
 * be published, updated as the answers change.
 */
public final class WizardViewModel {

    /** How a step shows in the step strip. */
    public enum StepState {
        DONE, CURRENT, TODO
    }

    /** One line of the summary: a step's title and its answer. */
    public record Answer(String title, String answer) {
    }

    private final List<WizardStep> steps;
    private final ObservableValue<String> liveResult;
    private final Runnable onFinish;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final BooleanBinding onSummary;
    private final ObjectBinding<WizardStep> currentStep;
    private final StringBinding currentProblem;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    /**
     * @param steps the questions, in order (the summary step is added after them)
     * @param liveResult the record as it will be published, or null for a wizard without one
     * @param onFinish what Finish does
     */
    public WizardViewModel(List<WizardStep> steps, ObservableValue<String> liveResult, Runnable onFinish) {
        this.steps = List.copyOf(steps);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("A wizard asks at least one question.");
        }
        this.liveResult = liveResult;
        this.onFinish = Objects.requireNonNull(onFinish, "onFinish");
        onSummary = index.isEqualTo(this.steps.size());
        currentStep = Bindings.createObjectBinding(() -> onSummary.get() ? null : this.steps.get(index.get()), index, onSummary);
        List<ObservableValue<?>> dependencies = new ArrayList<>(List.of(index, finished));
        this.steps.forEach(step -> dependencies.add(step.problem()));
        currentProblem = Bindings.createStringBinding(() -> {
            WizardStep step = currentStep.get();
            return step == null || WizardStep.isBlank(step.problem().getValue()) ? "" : step.problem().getValue();
        }, dependencies.toArray(ObservableValue[]::new));
        canGoBack = index.greaterThan(0).and(finished.not());
        canGoNext = currentProblem.isEmpty().and(finished.not());
    }

    public List<WizardStep> steps() {
        return steps;
    }

    /** The question steps and the summary. */
    public int stepCount() {
        return steps.size() + 1;
    }

    /** The position of the current step: 0 for the first question, {@code steps().size()} for the summary. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The current question, or null on the summary. */
    public ObjectBinding<WizardStep> currentStepProperty() {
        return currentStep;
    }

    public BooleanBinding onSummaryProperty() {
        return onSummary;
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

    /** How step {@code position} shows in the strip now. */
    public StepState stateOf(int position) {
        int current = index.get();
        if (position < current || finished.get()) {
            return StepState.DONE;
        }
        return position == current ? StepState.CURRENT : StepState.TODO;
    }

    /** Every question with its answer, in order. */
    public List<Answer> summary() {
        return steps.stream().map(step -> new Answer(step.title(), valueOf(step.answer()))).toList();
    }

    /** Goes to the next step, or finishes on the summary; does nothing while the answer is not valid. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        if (onSummary.get()) {
            finished.set(true);
            onFinish.run();
        } else {
            index.set(index.get() + 1);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            index.set(index.get() - 1);
        }
    }

    /** Jumps back to a step already answered, as clicking it in the strip does. */
    public void goTo(int position) {
        if (!finished.get() && position >= 0 && position < index.get()) {
            index.set(position);
        }
    }

    private static String valueOf(ObservableValue<String> answer) {
        String value = answer.getValue();
        return value == null ? "" : value;
    }
}
