package org.mailwright.ui.wizard;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * One question of a wizard, in plain words, with a short "why" under it. Its validity comes from
 * {@code problem}, the reason the answer cannot be accepted yet (empty when it can), and its
 * {@code answer} is how the summary step repeats it. Both are observed, so the wizard follows the
 * controls as the user types. A step can be inactive for a while (an earlier answer made it
 * pointless): the wizard then passes over it and leaves it out of the summary.
 */
public final class WizardStep {

    private final ObservableValue<String> title;
    private final ObservableValue<String> question;
    private final ObservableValue<String> why;
    private final ObservableValue<String> problem;
    private final ObservableValue<String> answer;
    private final ObservableValue<Boolean> active;

    /**
     * @param title a word or two for the step strip
     * @param question the question, in plain words
     * @param why one sentence on why it is asked
     * @param problem why the current answer cannot be accepted; empty or null when it can
     * @param answer the answer as the summary repeats it
     */
    public WizardStep(String title, String question, String why,
                      ObservableValue<String> problem, ObservableValue<String> answer) {
        this(constant(title, "title"), constant(question, "question"), constant(why, "why"), problem, answer, null);
    }

    /**
     * A step whose words follow the user's language and which may be inactive for a while.
     *
     * @param active false while the step does not apply; null for a step that always does
     */
    public WizardStep(ObservableValue<String> title, ObservableValue<String> question, ObservableValue<String> why,
                      ObservableValue<String> problem, ObservableValue<String> answer, ObservableValue<Boolean> active) {
        this.title = Objects.requireNonNull(title, "title");
        this.question = Objects.requireNonNull(question, "question");
        this.why = Objects.requireNonNull(why, "why");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.answer = Objects.requireNonNull(answer, "answer");
        this.active = active == null ? Bindings.createBooleanBinding(() -> true) : active;
    }

    public String title() {
        return title.getValue();
    }

    public String question() {
        return question.getValue();
    }

    public String why() {
        return why.getValue();
    }

    public ObservableValue<String> problem() {
        return problem;
    }

    public ObservableValue<String> answer() {
        return answer;
    }

    /** False while an earlier answer makes this step pointless. */
    public ObservableValue<Boolean> active() {
        return active;
    }

    public boolean isActive() {
        return !Boolean.FALSE.equals(active.getValue());
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A step without conditions, for an answer that is always acceptable (a choice with a default). */
    public static ObservableStringValue noProblem() {
        return Bindings.createStringBinding(() -> "");
    }

    private static ObservableStringValue constant(String text, String what) {
        Objects.requireNonNull(text, what);
        return Bindings.createStringBinding(() -> text);
    }
}
