package org.mailwright.dkim;

import java.util.List;
import java.util.Locale;

/** A DKIM key record that cannot be used, and why ({@link Reason}, with its arguments). */
public final class KeyRecordException extends Exception {

    private final Reason reason;
    private final List<Object> arguments;

    KeyRecordException(Reason reason, Object... arguments) {
        super(reason.text(Locale.ENGLISH, arguments));
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The reason in the given language. */
    public String message(Locale locale) {
        return reason.text(locale, arguments.toArray());
    }
}
