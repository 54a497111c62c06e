package org.mailwright;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.mailwright.cli.MailwrightCommand;
import org.mailwright.ui.MailwrightApp;

/**
 * The launcher: with no arguments it opens the window, with arguments it is the command line
 * (which never touches the display, so it runs on servers and in cron).
 */
public final class Main {

    /** Held so the logger (and the level set on it) is not collected. */
    private static final Logger DNSJAVA_LOG = Logger.getLogger("org.xbill");

    private Main() {
    }

    public static void main(String[] args) {
        // dnsjava reports every retry and timeout itself; Mailwright says what matters in its own words.
        DNSJAVA_LOG.setLevel(Level.OFF);
        if (args.length == 0) {
            MailwrightApp.launchWindow();
        } else {
            System.exit(MailwrightCommand.execute(args, System.out, System.err));
        }
    }
}
