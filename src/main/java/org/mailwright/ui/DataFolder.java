package org.mailwright.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the window keeps what it makes for the user (rollout plans, for example): the place each
 * system's own conventions give to an application's user data, so backups and roaming profiles
 * carry it and nothing lands loose in the home folder.
 *
 * <ul>
 *   <li>Linux and other Unix systems: {@code $XDG_DATA_HOME/mailwright}, by default
 *       {@code ~/.local/share/mailwright} (the XDG Base Directory specification's user data).
 *   <li>macOS: {@code ~/Library/Application Support/Mailwright} (where Apple asks applications to
 *       keep the files they create for the user; Time Machine backs it up).
 *   <li>Windows: {@code %APPDATA%\Mailwright}, the roaming application data, so a plan follows the
 *       user to another computer of the same domain network.
 * </ul>
 */
public final class DataFolder {

    private DataFolder() {
    }

    /** The folder for this user on this system. */
    public static Path forCurrentUser() {
        return of(System.getProperty("os.name", ""), System::getenv, System.getProperty("user.home", "."));
    }

    /**
     * The folder for a system named {@code osName} (as {@code os.name} says), with the environment
     * {@code environment} and the home folder {@code home}.
     */
    static Path of(String osName, UnaryOperator<String> environment, String home) {
        String system = osName.toLowerCase(Locale.ROOT);
        if (system.startsWith("windows")) {
            return absolute(environment.apply("APPDATA"))
                    .orElse(Path.of(home, "AppData", "Roaming")).resolve("Mailwright");
        }
        if (system.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Mailwright");
        }
        // The specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        return absolute(environment.apply("XDG_DATA_HOME"))
                .orElse(Path.of(home, ".local", "share")).resolve("mailwright");
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
