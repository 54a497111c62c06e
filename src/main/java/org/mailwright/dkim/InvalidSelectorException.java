package org.mailwright.dkim;

import java.util.Locale;

/**
 * A text that is not a DKIM selector. Its message is the problem in English; callers that speak
 * to a user take {@link #problem()} and say it in the user's language.
 */
public final class InvalidSelectorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Selector.Problem problem;

    public InvalidSelectorException(Selector.Problem problem) {
        super(problem.text(Locale.ENGLISH));
        this.problem = problem;
    }

    public Selector.Problem problem() {
        return problem;
    }
}
