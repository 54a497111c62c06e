package org.mailwright.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailwright.Version;
import org.mailwright.i18n.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code mailwright}: the command line. Subcommands extend {@link Subcommand}; they share the
 * {@link GlobalOptions}, the user's language and the error handling defined here.
 */
@Command(name = "mailwright",
        mixinStandardHelpOptions = true,
        versionProvider = MailwrightCommand.VersionProvider.class,
        scope = ScopeType.INHERIT,
        sortOptions = false)
public final class MailwrightCommand implements Callable<Integer> {

    /** The commands under {@code mailwright}, in the order its help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(LookupCommand.class, SpfCommand.class, DkimCommand.class,
            DmarcCommand.class, PropagationCommand.class, CheckCommand.class, PublishCommand.class, PublishPolicyCommand.class,
            ReportsCommand.class, MessageCommand.class, FindingsCommand.class, ExplainCommand.class);

    /** The one option the window understands too. */
    static final String DATA_DIR = "--data-dir";

    private final Texts texts;
    private final PrintStream rawOut;

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    private MailwrightCommand(Texts texts, PrintStream rawOut, Map<String, String> environment) {
        this.texts = texts;
        this.rawOut = rawOut;
        this.options = new GlobalOptions(texts, environment);
    }

    /**
     * Runs the command line with {@code environment} as its environment variables (they choose the
     * language and the data folder) and returns the exit code. Text is written to the streams in UTF-8.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        // UTF-8 whatever the platform: RFC 8259 requires it of JSON, and terminals expect it.
        PrintWriter outWriter = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
        PrintWriter errWriter = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true);
        try {
            Locale environmentLanguage = CliLanguage.fromEnvironment(environment);
            Optional<String> requested = CliLanguage.requested(args);
            Optional<Locale> language = requested.isPresent() ? CliLanguage.parse(requested.get()) : Optional.of(environmentLanguage);
            if (language.isEmpty()) {
                errWriter.println(new Texts(environmentLanguage).get("cli.error.lang", requested.get()));
                return ExitCode.USAGE;
            }
            Texts texts = new Texts(language.get());
            CommandLine commandLine = commandLine(new MailwrightCommand(texts, out, environment), args);
            commandLine.setOut(outWriter);
            commandLine.setErr(errWriter);
            commandLine.setParameterExceptionHandler((problem, arguments) ->
                    usageError(problem.getCommandLine(), ParameterProblems.say(problem, texts), texts));
            commandLine.setExecutionExceptionHandler((problem, failedCommand, parseResult) ->
                    problem instanceof UsageException
                            ? usageError(failedCommand, problem.getMessage(), texts)
                            : failure(failedCommand, problem, texts));
            try {
                return commandLine.execute(args);
            } catch (StackOverflowError | OutOfMemoryError | RuntimeException escaped) {
                // What picocli's handlers did not catch (errors are not exceptions) is still one sentence.
                return failure(commandLine, escaped, texts);
            }
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * The data folder to open the window with when {@code args} ask for the window rather than a
     * command: no arguments at all, or only the window's own option {@code --data-dir DIR}.
     * Empty for anything else, which the command line then runs (and explains, if it is wrong).
     */
    public static Optional<Path> windowDataFolder(String[] args, Map<String, String> environment) {
        if (args.length > 0 && Arrays.stream(args).noneMatch(arg -> arg.startsWith(DATA_DIR))) {
            // A command's arguments: not worth building the parser twice for, as the CLI's start-up counts.
            return Optional.empty();
        }
        // Only parsed, never run, so it writes nowhere.
        MailwrightCommand command = new MailwrightCommand(new Texts(CliLanguage.ENGLISH), null, environment);
        try {
            ParseResult parsed = commandLine(command, args).parseArgs(args);
            boolean windowOnly = !parsed.hasSubcommand()
                    && parsed.matchedOptions().stream().allMatch(option -> option.longestName().equals(DATA_DIR));
            return windowOnly ? Optional.of(command.options.dataFolder()) : Optional.empty();
        } catch (ParameterException | UsageException notForTheWindow) {
            return Optional.empty();
        }
    }

    private static CommandLine commandLine(MailwrightCommand command, String[] args) {
        CommandLine commandLine = new CommandLine(command);
        for (Class<?> subcommand : commandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        // Set after the commands are added: picocli gives these to the commands it has at the time.
        commandLine.setResourceBundle(command.texts.helpBundle());
        // --server adds to a list through a setter (see GlobalOptions); a repeated option is allowed.
        commandLine.setOverwrittenOptionsAllowed(true);
        return commandLine;
    }

    /**
     * The commands {@code args} name, or all of them when they name none (help, a mistyped name:
     * the usage and picocli's suggestions list them all). Picocli reads every option of every
     * command it is given, which was half of a command's start-up; a word that names a command
     * only as an option's value adds a command that does not run, never leaves out the one that does.
     */
    static List<Class<?>> commandsFor(String[] args) {
        List<String> words = Arrays.asList(args);
        List<Class<?>> named = COMMANDS.stream().filter(type -> {
            Command command = type.getAnnotation(Command.class);
            return words.contains(command.name()) || Arrays.stream(command.aliases()).anyMatch(words::contains);
        }).toList();
        return named.isEmpty() ? COMMANDS : named;
    }

    /**
     * Without a command there is nothing to do (no arguments, or only {@code --data-dir}, open the
     * window instead); a data folder that cannot be one is the better thing to point out first.
     */
    @Override
    public Integer call() {
        options.dataFolder();
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

    /**
     * A file or the network the command needs failed it (exit 2, what the system said), or
     * Mailwright failed itself (exit 3, a bug to report, not the user's doing): one sentence
     * either way, never a stack trace or a class name.
     */
    static int failure(CommandLine where, Throwable problem, Texts texts) {
        boolean environment = problem instanceof IOException || problem instanceof UncheckedIOException;
        if (environment) {
            where.getErr().println(sentence(texts.get("cli.error.unexpected", Failures.reasonNamingFile(problem))));
            return ExitCode.USAGE;
        }
        where.getErr().println(texts.get("cli.error.internal"));
        return ExitCode.INTERNAL;
    }

    /** One line that ends like a sentence, whatever picocli or an exception wrote. */
    static String sentence(String message) {
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
