package org.mailwright.ui.dkim;

import java.util.Locale;
import org.mailwright.findings.Finding;
import org.mailwright.ui.controls.CheckState;

/**
 * One finding as the page shows it: a state badge, what was found, why it matters and the fix.
 *
 * @param id the finding's stable id, as the CLI prints it
 */
record FindingLine(String id, CheckState state, String message, String why, String fix) {

    static FindingLine of(Finding finding, Locale locale) {
        return new FindingLine(finding.id(), CheckState.valueOf(finding.severity().name()),
                finding.message(locale), finding.why(locale), finding.fix(locale));
    }
}
