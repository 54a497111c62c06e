package org.mailwright.i18n;

import java.util.Locale;

/**
 * Input refused for a {@link Problem}. Its message is the problem in English; whoever speaks to a
 * user takes {@link #problem()} and says it in the user's language.
 */
public class ProblemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.text(Locale.ENGLISH));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
