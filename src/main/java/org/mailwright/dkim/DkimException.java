package org.mailwright.dkim;

import java.util.List;
import java.util.Locale;

/** Ends the check of one signature with a result other than pass, and why. */
final class DkimException extends Exception {

    private final DkimResult result;
    private final Reason reason;
    private final List<Object> arguments;

    DkimException(DkimResult result, Reason reason, Object... arguments) {
        super(reason.text(Locale.ENGLISH, arguments), null, false, false);
        this.result = result;
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    static DkimException permerror(Reason reason, Object... arguments) {
        return new DkimException(DkimResult.PERMERROR, reason, arguments);
    }

    static DkimException fail(Reason reason, Object... arguments) {
        return new DkimException(DkimResult.FAIL, reason, arguments);
    }

    DkimResult result() {
        return result;
    }

    Reason reason() {
        return reason;
    }

    List<Object> arguments() {
        return arguments;
    }
}
