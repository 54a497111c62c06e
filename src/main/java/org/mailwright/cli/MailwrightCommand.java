package org.mailwright.cli;

import java.io.PrintStream;

/** The command line. (Being built; see the CLI helper.) */
public final class MailwrightCommand {

    private MailwrightCommand() {
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        err.println("Not built yet.");
        return 2;
    }
}
