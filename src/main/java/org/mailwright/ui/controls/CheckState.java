package org.mailwright.ui.controls;

import java.util.Locale;
import org.mailwright.findings.Severity;

/**
 * The state of one thing checked: shown by icon and word as well as colour, so it reads in dark
 * mode, in print and for colour-blind users. The first four match the findings' severities.
 */
public enum CheckState {
    PASS,
    INFO,
    WARNING,
    ERROR,
    /** Being checked now. */
    PENDING,
    /** Could not be checked: no answer, or the check was cancelled. */
    UNKNOWN;

    /** The state a finding of this severity shows as. */
    public static CheckState of(Severity severity) {
        return valueOf(severity.name());
    }

    /** The key of the state's word in the window's bundle, for example {@code badge.pass}. */
    public String textKey() {
        return "badge." + name().toLowerCase(Locale.ROOT);
    }

    /** The style class that colours the state, for example {@code state-pass}. */
    public String styleClass() {
        return "state-" + name().toLowerCase(Locale.ROOT);
    }
}
