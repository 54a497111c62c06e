package org.mailwright.dns;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/** A text that is not a domain name, with the problem in the user's words. */
public final class InvalidDomainNameException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidDomainNameException(Problem problem) {
        super(problem);
    }
}
