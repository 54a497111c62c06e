package org.mailwright.reports;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * The mailbox cannot be read at all: the server cannot be reached, refuses the login, shows a
 * certificate that is not trusted, has no such folder, or the connection broke. The problem says
 * why in one sentence ({@code reports.mailbox.*}); it never holds the password.
 */
public class MailboxException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public MailboxException(String key, Object... arguments) {
        super(new Problem(key, arguments));
    }

    public MailboxException(Throwable cause, String key, Object... arguments) {
        super(new Problem(key, arguments));
        initCause(cause);
    }
}
