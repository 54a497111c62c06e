package org.mailwright.publish;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a zone's TSIG secret is kept: the platform's secret store (the freedesktop Secret Service,
 * which GNOME Keyring and KDE Wallet provide) or a file readable by the user alone. The settings
 * file records which, so the secret is read from and deleted where it is.
 */
public enum SecretPlace {
    KEYRING("keyring"),
    FILE("file");

    /** The system property that chooses where new secrets go: {@code file} keeps them out of the keyring. */
    public static final String PROPERTY = "mailwright.secrets";
    /** The environment variable read when the property is not set: easier to set for an installed application. */
    public static final String VARIABLE = "MAILWRIGHT_SECRETS";

    private final String id;

    SecretPlace(String id) {
        this.id = id;
    }

    /** The word written in the settings file and read from the property. */
    public String id() {
        return id;
    }

    /** The place named {@code id}; empty for anything else. */
    public static Optional<SecretPlace> parse(String id) {
        for (SecretPlace place : values()) {
            if (place.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(place);
            }
        }
        return Optional.empty();
    }

    /**
     * Where new secrets go, as the property {@code property} (null when not set) or else the
     * environment's {@link #VARIABLE} asks: {@link #KEYRING} (the keyring where one answers, else the
     * file) when neither is set or either says {@code keyring}; {@link #FILE} otherwise. A value
     * that is neither word also means the file: whoever set it wanted a choice of their own, and the
     * file is the one place every system has.
     */
    public static SecretPlace preferred(String property, Map<String, String> environment) {
        String asked = property != null ? property : environment.get(VARIABLE);
        if (asked == null || asked.isBlank()) {
            return KEYRING;
        }
        return parse(asked).orElse(FILE);
    }
}
