package org.mailwright.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailwright.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mailwright}: the command line. Subcommands extend {@link Subcommand}; they share the
 * {@link GlobalOptions}, the user's language and the error handling defined here.
 */
@Command(name = "mailwright",
        mixinStandardHelpOptions = true,
        versionProvider = MailwrightCommand.VersionProvider.class,
        scope = ScopeType.INHERIT,
        sortOptions = false,
        subcommands = {LookupCommand.class, SpfCommand.class, DkimCommand.class, DmarcCommand.class,
                PropagationCommand.class, FindingsCommand.class, ExplainCommand.class})
public final class MailwrightCommand implements Callable<Integer> {

    private final Texts texts;
    private final PrintStream rawOut;

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    private MailwrightCommand(Texts texts, PrintStream rawOut) {
        this.texts = texts;
        this.rawOut = rawOut;
        this.options = new GlobalOptions(texts);
    }

    /**
     * Runs the command line in the default locale's language and returns the exit code. Text is
     * written to the streams in UTF-8.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, Locale.getDefault());
    }

    /** Runs the command line, speaking {@code locale}'s language, and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Locale locale) {
        Texts texts = new Texts(locale);
        CommandLine commandLine = new CommandLine(new MailwrightCommand(texts, out));
        commandLine.setResourceBundle(texts.helpBundle());
        // --server adds to a list through a setter (see GlobalOptions); a repeated option is allowed.
        commandLine.setOverwrittenOptionsAllowed(true);
        // UTF-8 whatever the platform: RFC 8259 requires it of JSON, and terminals expect it.
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        commandLine.setParameterExceptionHandler((problem, arguments) ->
                usageError(problem.getCommandLine(), problem.getMessage(), texts));
        commandLine.setExecutionExceptionHandler((problem, failedCommand, parseResult) ->
                problem instanceof UsageException
                        ? usageError(failedCommand, problem.getMessage(), texts)
                        : failure(failedCommand, problem, texts));
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Without a command there is nothing to do (no arguments at all opens the window instead). */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), texts.get("cli.error.no-command"));
    }

    Texts texts() {
        return texts;
    }

    GlobalOptions options() {
        return options;
    }

    /** Standard output as bytes, for output that is not text in UTF-8 (a signed message). */
    PrintStream rawOut() {
        return rawOut;
    }

    static MailwrightCommand of(CommandSpec anyCommand) {
        return (MailwrightCommand) anyCommand.root().userObject();
    }

    private static int usageError(CommandLine where, String message, Texts texts) {
        where.getErr().println(sentence(message) + " "
                + texts.get("cli.error.usage-hint", where.getCommandSpec().qualifiedName()));
        return ExitCode.USAGE;
    }

    /** A bug or an environment problem: still one sentence, never a stack trace. */
    private static int failure(CommandLine where, Exception problem, Texts texts) {
        String reason = problem.getMessage() == null
                ? problem.getClass().getSimpleName()
                : problem.getClass().getSimpleName() + ": " + problem.getMessage();
        where.getErr().println(sentence(texts.get("cli.error.unexpected", reason)));
        return ExitCode.USAGE;
    }

    /** One line that ends like a sentence, whatever picocli or an exception wrote. */
    private static String sentence(String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") || line.endsWith("?") || line.endsWith("!") ? line : line + ".";
    }

    /** The version filtered into the build, shown by {@code --version} on every command. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"Mailwright " + Version.current()
                    .orElseThrow(() -> new IOException("/org/mailwright/version.properties is missing from the build."))};
        }
    }
}
