package org.mailwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.i18n.Messages;
import org.mailwright.ui.MailwrightApp;

/**
 * The launcher: with no arguments (or only the window's {@code --data-dir DIR}) it opens the
 * window, with anything else it is the command line (which never touches the display, so it runs
 * on servers and in cron).
 */
public final class Main {

    /**
     * Libraries' logs the user never sees, held so the loggers (and the level set on them) are not
     * collected: dnsjava reports every retry and timeout, SQLite's driver a stack trace for each
     * place it looked for its native library in vain. Mailwright says what matters in its own words.
     */
    private static final List<Logger> QUIET_LOGS = List.of(Logger.getLogger("org.xbill"), Logger.getLogger("org.sqlite"));

    private Main() {
    }

    public static void main(String[] args) {
        QUIET_LOGS.forEach(log -> log.setLevel(Level.OFF));
        Map<String, String> environment = System.getenv();
        Optional<Path> windowDataFolder = MailwrightCommand.windowDataFolder(args, environment);
        if (windowDataFolder.isPresent()) {
            try {
                MailwrightApp.launchWindow(windowDataFolder.get());
            } catch (RuntimeException e) {
                // Typically no display (a server, an SSH session) or no GTK: say so, not a stack trace.
                System.err.println(Messages.get(Locale.getDefault(), "app.window-failed", rootCause(e).getMessage()));
                System.exit(2);
            }
        } else {
            System.exit(MailwrightCommand.execute(args, System.out, System.err, environment));
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
