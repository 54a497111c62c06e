package org.mailwright.ui.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the window speaks. */
public enum Language {
    ENGLISH("en", "English"),
    SPANISH("es", "Español");

    private final String id;
    private final String nativeName;

    Language(String id, String nativeName) {
        this.id = id;
        this.nativeName = nativeName;
    }

    /** The stable identifier kept in the settings: {@code en}, {@code es}. */
    public String id() {
        return id;
    }

    /** The language's name in itself, so a user who cannot read the current one still finds theirs. */
    public String nativeName() {
        return nativeName;
    }

    /**
     * The locale to ask resource bundles for. English is the base bundle, so it is asked for as
     * {@link Locale#ROOT}: asking for {@code en} on a machine whose default locale is Spanish
     * would fall back to the Spanish bundle.
     */
    public Locale locale() {
        return this == ENGLISH ? Locale.ROOT : Locale.forLanguageTag(id);
    }

    public static Optional<Language> byId(String id) {
        return Arrays.stream(values()).filter(language -> language.id.equals(id)).findFirst();
    }

    /** Spanish for a Spanish-speaking machine, English otherwise. */
    public static Language forLocale(Locale locale) {
        return byId(locale.getLanguage()).orElse(ENGLISH);
    }
}
