package org.mailwright.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The core's words in the user's language (English and Spanish): outcomes, findings, CLI
 * messages. The window's own labels live in the {@code ui} bundle.
 */
public final class Messages {

    public static final String BUNDLE = "org.mailwright.i18n.messages";

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getModule());
    }

    /**
     * The text for {@code key} with {@code arguments} put in ({@link MessageFormat} patterns).
     * A missing key shows itself in brackets rather than failing, so a gap is visible but harmless.
     */
    public static String get(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        return format(locale, pattern, arguments);
    }

    /**
     * {@code pattern} ({@link MessageFormat}) with {@code arguments} put in; an argument that is
     * itself words ({@link LocalizedText}: an outcome, a reason, a problem) is said in {@code locale}'s language.
     */
    public static String format(Locale locale, String pattern, Object... arguments) {
        Object[] said = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            said[i] = arguments[i] instanceof LocalizedText words ? words.text(locale) : arguments[i];
        }
        // Always formatted, so the bundles' one convention ('' for an apostrophe) holds with or without arguments.
        return new MessageFormat(pattern, locale).format(said);
    }
}
