package org.mailwright.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** One run of the mailwright command in-process, with what it printed, for the CLI tests. */
record CommandRun(int exitCode, String out, String err) {

    /** Runs the command with no locale variables set, so in English. */
    static CommandRun run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs the command as a user whose {@code LANG} is {@code locale}'s language. */
    static CommandRun run(Locale locale, String... args) {
        return run(Map.of("LANG", locale.getLanguage()), args);
    }

    /** Runs the command with {@code environment} in place of the process's environment variables. */
    static CommandRun run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = MailwrightCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CommandRun(exitCode, normalized(out), normalized(err));
    }

    /** Picocli ends lines with the platform's separator; the assertions are written with \n. */
    private static String normalized(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
