package org.mailwright.reports;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * A report file, or a part of one, that cannot be read as a report: not well-formed, missing what
 * every report has, or past one of the {@link ReportLimits}. Its problem says why in one sentence,
 * in English or Spanish ({@code reports.error.*}).
 */
public class ReportFormatException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ReportFormatException(String key, Object... arguments) {
        super(new Problem(key, arguments));
    }
}
