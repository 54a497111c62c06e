package org.mailwright.dkim;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import org.mailwright.findings.LocalizedText;
import org.mailwright.i18n.Messages;

/**
 * {@code p=} octets that are no key of their type, and why in words of the core bundle
 * ({@code dkim.key-data.*}): the reason a key record is refused is said in the language it is shown in.
 */
final class KeyDataException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    private final transient Why why;

    KeyDataException(String key, Object... arguments) {
        this(null, key, arguments);
    }

    KeyDataException(Throwable cause, String key, Object... arguments) {
        super(Messages.get(Locale.ENGLISH, "dkim.key-data." + key, arguments), cause);
        this.why = new Why("dkim.key-data." + key, List.of(arguments));
    }

    /** Why, as a value said in any language. */
    LocalizedText why() {
        return why;
    }

    private record Why(String key, List<Object> arguments) implements LocalizedText {
        @Override
        public String text(Locale locale) {
            return Messages.get(locale, key, arguments.toArray());
        }
    }
}
