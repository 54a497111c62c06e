package org.mailwright.cli;

/** The exit codes every command uses (DESIGN.md, CLI conventions). */
final class ExitCode {

    /** The command ran and the DNS answered (any response code, NXDOMAIN included). */
    static final int OK = 0;
    /** The check failed: no answer came back (timeout, network failure) or an error was found. */
    static final int FAILED = 1;
    /** The command was used wrongly, or could not run at all (a file or the network it needs). */
    static final int USAGE = 2;
    /** Mailwright itself failed: a bug to report, never the user's doing. */
    static final int INTERNAL = 3;

    private ExitCode() {
    }
}
