package org.mailwright.dns;

import java.util.List;
import java.util.Locale;
import org.mailwright.i18n.Messages;

/**
 * Why a lookup failed, kept as a message key and its arguments so it can be said in the user's
 * language ({@code dns.detail.KEY} in the core bundle).
 */
public record Detail(String key, List<Object> arguments) {

    public static final Detail NONE = new Detail("", List.of());

    public Detail {
        arguments = List.copyOf(arguments);
    }

    static Detail of(String key, Object... arguments) {
        return new Detail(key, List.of(arguments));
    }

    public boolean isEmpty() {
        return key.isEmpty();
    }

    /** The detail in {@code locale}'s language; an outcome among the arguments is said in words, not as its code. */
    public String text(Locale locale) {
        return isEmpty() ? "" : Messages.get(locale, "dns.detail." + key, arguments.toArray());
    }
}
