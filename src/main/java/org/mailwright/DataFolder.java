package org.mailwright;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one folder where Mailwright keeps what it makes for the user: the window's settings, rollout
 * plans, and later the check history and the report archive. The window and the command line find
 * it by the same rules, first that applies:
 *
 * <ol>
 *   <li>the {@code --data-dir DIR} option;
 *   <li>the {@code MAILWRIGHT_HOME} environment variable (tests and portable installs set it);
 *   <li>the place each system's own conventions give to an application's user data, so backups
 *       and roaming profiles carry it and nothing lands loose in the home folder:
 *       <ul>
 *         <li>Linux and other Unix systems: {@code $XDG_DATA_HOME/mailwright}, by default
 *             {@code ~/.local/share/mailwright} (the XDG Base Directory specification's user data);
 *         <li>macOS: {@code ~/Library/Application Support/Mailwright} (where Apple asks applications
 *             to keep the files they create for the user; Time Machine backs it up);
 *         <li>Windows: {@code %APPDATA%\Mailwright}, the roaming application data, so a plan follows
 *             the user to another computer of the same domain network.
 *       </ul>
 * </ol>
 */
public final class DataFolder {

    /** The environment variable naming the data folder when no {@code --data-dir} is given. */
    public static final String HOME_VARIABLE = "MAILWRIGHT_HOME";

    private DataFolder() {
    }

    /** The folder for this user and this process's environment, when no {@code --data-dir} was given. */
    public static Path forCurrentUser() {
        return choose(null, System.getenv());
    }

    /**
     * The data folder for the option {@code dataDir} ({@code null} when not given) and the
     * environment {@code environment}, as an absolute path; it may not exist yet.
     *
     * @throws java.nio.file.InvalidPathException when the option or the variable is no path on this system
     */
    public static Path choose(String dataDir, Map<String, String> environment) {
        if (dataDir != null) {
            return Path.of(dataDir).toAbsolutePath();
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        return platform(System.getProperty("os.name", ""), environment, System.getProperty("user.home", "."));
    }

    /**
     * The conventional folder on a system named {@code osName} (as {@code os.name} says), with the
     * environment {@code environment} and the home folder {@code home}.
     */
    static Path platform(String osName, Map<String, String> environment, String home) {
        String system = osName.toLowerCase(Locale.ROOT);
        if (system.startsWith("windows")) {
            return absolute(environment.get("APPDATA"))
                    .orElse(Path.of(home, "AppData", "Roaming")).resolve("Mailwright");
        }
        if (system.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Mailwright");
        }
        // The specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        return absolute(environment.get("XDG_DATA_HOME"))
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
