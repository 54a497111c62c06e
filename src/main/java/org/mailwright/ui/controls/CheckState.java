package org.mailwright.ui.controls;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
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

    /**
     * Colours {@code node} (a badge, a banner, a callout) in this state: its style class in place of
     * any other state's.
     */
    public void colour(Node node) {
        List<String> classes = node.getStyleClass();
        for (CheckState other : values()) {
            if (other != this) {
                classes.remove(other.styleClass());
            }
        }
        if (!classes.contains(styleClass())) {
            classes.add(styleClass());
        }
    }
}
