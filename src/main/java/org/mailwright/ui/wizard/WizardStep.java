package org.mailwright.ui.wizard;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * One question of a wizard, in plain words, with a short "why" under it. Its validity comes from
 * {@code problem}, the reason the answer cannot be accepted yet (empty when it can), and its
 * {@code answer} is how the summary step repeats it. Both are observed, so the wizard follows the
 * controls as the user types.
 */
public final class WizardStep {

    private final String title;
    private final String question;
    private final String why;
    private final ObservableValue<String> problem;
    private final ObservableValue<String> answer;

    /**
     * @param title a word or two for the step strip
     * @param question the question, in plain words
     * @param why one sentence on why it is asked
     * @param problem why the current answer cannot be accepted; empty or null when it can
     * @param answer the answer as the summary repeats it
     */
    public WizardStep(String title, String question, String why,
                      ObservableValue<String> problem, ObservableValue<String> answer) {
        this.title = Objects.requireNonNull(title, "title");
        this.question = Objects.requireNonNull(question, "question");
        this.why = Objects.requireNonNull(why, "why");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    public String title() {
        return title;
    }

    public String question() {
        return question;
    }

    public String why() {
        return why;
    }

    public ObservableValue<String> problem() {
        return problem;
    }

    public ObservableValue<String> answer() {
        return answer;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A step without conditions, for an answer that is always acceptable (a choice with a default). */
    public static ObservableStringValue noProblem() {
        return Bindings.createStringBinding(() -> "");
    }
}
