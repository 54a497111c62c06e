package org.mailwright.ui.dkim;

import java.util.Locale;
import java.util.ResourceBundle;
import org.mailwright.findings.Finding;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.FindingCard;

/** The window's one findings control as this page's views make it, worded from the window's bundle. */
final class FindingCards {

    private FindingCards() {
    }

    static FindingCard of(Finding finding, Locale locale, ResourceBundle words) {
        return new FindingCard(finding, locale, state -> Texts.format(words, state.textKey()),
                Texts.format(words, "finding.more"), Texts.format(words, "finding.less"),
                Texts.format(words, "finding.why"), Texts.format(words, "finding.fix"));
    }
}
