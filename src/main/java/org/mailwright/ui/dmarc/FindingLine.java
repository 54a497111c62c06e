package org.mailwright.ui.dmarc;

import java.util.Locale;
import org.mailwright.findings.Finding;
import org.mailwright.ui.controls.CheckState;

/**
 * One finding as the page shows it, in the language chosen now.
 *
 * @param id the finding's stable id, the same in the window, the CLI and exports
 * @param state its badge
 * @param message what was found
 * @param why why it matters
 * @param fix how to fix it
 */
public record FindingLine(String id, CheckState state, String message, String why, String fix) {

    static FindingLine of(Finding finding, Locale locale) {
        return new FindingLine(finding.id(), CheckState.valueOf(finding.severity().name()),
                finding.message(locale), finding.why(locale), finding.fix(locale));
    }
}
