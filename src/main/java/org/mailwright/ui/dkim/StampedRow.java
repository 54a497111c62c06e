package org.mailwright.ui.dkim;

import java.util.List;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.ui.controls.CheckState;

/**
 * One Authentication-Results field of the message beside what Mailwright finds now.
 *
 * @param title who wrote it (its authserv-id)
 * @param methods each method's result, in the order written
 */
record StampedRow(String title, List<Method> methods) {

    /** The field is the message's: its control characters as the command line shows them. */
    StampedRow {
        title = ControlCharacters.shown(title);
        methods = List.copyOf(methods);
    }

    /**
     * One {@code method=result} of the field.
     *
     * @param method the method, with the signing domain for a dkim result
     * @param theirs what the field says, in the user's words
     * @param ours what Mailwright finds for the same method; empty when it does not check that method
     * @param state pass when both agree, warning when they differ, info when Mailwright has nothing to set beside it
     * @param comparison that state in a word
     */
    record Method(String method, String theirs, String ours, CheckState state, String comparison) {

        Method {
            method = ControlCharacters.shown(method);
            theirs = ControlCharacters.shown(theirs);
            ours = ControlCharacters.shown(ours);
            comparison = ControlCharacters.shown(comparison);
        }
    }
}
