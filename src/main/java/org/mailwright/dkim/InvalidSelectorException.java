package org.mailwright.dkim;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/** A text that is not a DKIM selector, with the problem in the user's words. */
public final class InvalidSelectorException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidSelectorException(Problem problem) {
        super(problem);
    }
}
