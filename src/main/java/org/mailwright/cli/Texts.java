package org.mailwright.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailwright.i18n.Messages;

/** The command line's words in the user's language, from the shared core bundle. */
final class Texts {

    /** The prefix of the help texts that picocli reads through {@link #helpBundle()}. */
    private static final String HELP_PREFIX = "cli.help.";

    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        return Messages.get(locale, key, arguments);
    }

    /**
     * The {@code cli.help.*} keys of the shared bundle under the names picocli looks for
     * ({@code mailwright.lookup.usage.description}, {@code server}, ...), so the usage help is
     * translated like every other text while the bundle keeps one key prefix per area.
     */
    ResourceBundle helpBundle() {
        ResourceBundle messages = Messages.bundle(locale);
        Set<String> keys = messages.keySet().stream()
                .filter(key -> key.startsWith(HELP_PREFIX))
                .map(key -> key.substring(HELP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return keys.contains(key) ? messages.getString(HELP_PREFIX + key) : null;
            }

            @Override
            protected Set<String> handleKeySet() {
                return keys;
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(keys);
            }

            @Override
            public Locale getLocale() {
                return messages.getLocale();
            }
        };
    }
}
