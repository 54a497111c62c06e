package org.mailwright.ui.settings;

/**
 * Where {@link AppSettings} keeps its values between runs: text under keys, with the typed
 * accessors {@code java.util.prefs} offered, so a setting is read and written the same whatever
 * the store. The window's store is {@link SettingsFile}; tests keep theirs in memory.
 */
public interface SettingsStore {

    /** The value under {@code key}, or {@code fallback} when there is none. */
    String get(String key, String fallback);

    /** Keeps {@code value} under {@code key}, in place of any value there. */
    void put(String key, String value);

    /** The number under {@code key}; {@code fallback} when there is none or it is not a number. */
    default int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(get(key, Integer.toString(fallback)).strip());
        } catch (NumberFormatException edited) {
            return fallback;
        }
    }

    default void putInt(String key, int value) {
        put(key, Integer.toString(value));
    }

    /** The number under {@code key}; {@code fallback} when there is none or it is not a number. */
    default long getLong(String key, long fallback) {
        try {
            return Long.parseLong(get(key, Long.toString(fallback)).strip());
        } catch (NumberFormatException edited) {
            return fallback;
        }
    }

    default void putLong(String key, long value) {
        put(key, Long.toString(value));
    }

    /** The number under {@code key}; {@code fallback} when there is none or it is not a number. */
    default double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, Double.toString(fallback)).strip());
        } catch (NumberFormatException edited) {
            return fallback;
        }
    }

    default void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    /** {@code true} or {@code false} (in any case) under {@code key}; {@code fallback} for anything else. */
    default boolean getBoolean(String key, boolean fallback) {
        String value = get(key, "").strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        return !value.equalsIgnoreCase("false") && fallback;
    }

    default void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }
}
