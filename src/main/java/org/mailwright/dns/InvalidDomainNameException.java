package org.mailwright.dns;

import java.util.Locale;

/**
 * A text that is not a domain name. Its message is the problem in English; callers that speak to
 * a user take {@link #problem()} and say it in the user's language.
 */
public final class InvalidDomainNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient DomainName.Problem problem;

    public InvalidDomainNameException(DomainName.Problem problem) {
        super(problem.text(Locale.ENGLISH));
        this.problem = problem;
    }

    public DomainName.Problem problem() {
        return problem;
    }
}
