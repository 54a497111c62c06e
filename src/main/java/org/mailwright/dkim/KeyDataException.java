package org.mailwright.dkim;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import org.mailwright.findings.KeyedWords;

/**
 * {@code p=} octets that are no key of their type, and why in words of the core bundle
 * ({@code dkim.key-data.*}): the reason a key record is refused is said in the language it is shown in.
 */
final class KeyDataException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    private final transient KeyedWords why;

    KeyDataException(String key, Object... arguments) {
        this(null, key, arguments);
    }

    KeyDataException(Throwable cause, String key, Object... arguments) {
        this(cause, new KeyedWords("dkim.key-data." + key, List.of(arguments)));
    }

    private KeyDataException(Throwable cause, KeyedWords why) {
        super(why.text(Locale.ENGLISH), cause);
        this.why = why;
    }

    /** Why, as a value said in any language. */
    KeyedWords why() {
        return why;
    }
}
