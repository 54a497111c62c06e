package org.mailwright.reports;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * The report archive cannot be used: it cannot be opened or created, its server refused, or it
 * was made by a newer Mailwright. The problem says why in one sentence ({@code reports.archive.*}).
 */
public class ArchiveException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String key, Object... arguments) {
        super(new Problem(key, arguments));
    }

    public ArchiveException(Throwable cause, String key, Object... arguments) {
        this(key, arguments);
        initCause(cause);
    }
}
