package org.mailwright;

import java.nio.file.Path;
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

    /** Held so the logger (and the level set on it) is not collected. */
    private static final Logger DNSJAVA_LOG = Logger.getLogger("org.xbill");

    private Main() {
    }

    public static void main(String[] args) {
        // dnsjava reports every retry and timeout itself; Mailwright says what matters in its own words.
        DNSJAVA_LOG.setLevel(Level.OFF);
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
