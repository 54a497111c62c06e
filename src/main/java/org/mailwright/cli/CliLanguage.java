package org.mailwright.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language the command line speaks: {@code --lang en|es} when given, otherwise what the POSIX
 * locale variables say, otherwise English. Decided from the variables themselves rather than the
 * JVM's default locale, so a Spanish {@code LANG} counts even where that locale is not installed.
 */
final class CliLanguage {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale SPANISH = Locale.forLanguageTag("es");

    /** The option, written {@code --lang es} or {@code --lang=es}. */
    static final String OPTION = "--lang";

    /** The variables that set the language of messages, strongest first (POSIX, section 8.2). */
    private static final List<String> VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private CliLanguage() {
    }

    /**
     * The language the locale variables ask for: the first of {@code LC_ALL}, {@code LC_MESSAGES},
     * {@code LANG} that is set and not empty decides, and only a Spanish one ({@code es},
     * {@code es_MX}, {@code es_ES.UTF-8@euro}...) gives Spanish; {@code C}, {@code POSIX} and any
     * other language give English.
     */
    static Locale fromEnvironment(Map<String, String> environment) {
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                String language = value.split("[_.@]", 2)[0];
                return language.equalsIgnoreCase("es") ? SPANISH : ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** The language an {@code --lang} value names: {@code en} or {@code es}, in any case. */
    static Optional<Locale> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(ENGLISH);
            case "es" -> Optional.of(SPANISH);
            default -> Optional.empty();
        };
    }

    /**
     * The value given to {@code --lang} among {@code args}, the last one if repeated. Read before
     * the arguments are parsed, because picocli's own messages and the help need the language first.
     */
    static Optional<String> requested(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith(OPTION + "=")) {
                value = args[i].substring(OPTION.length() + 1);
            }
        }
        return Optional.ofNullable(value);
    }
}
