package org.mailwright.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailwright spf}: the SPF commands (evaluate, lint, build). */
@Command(name = "spf", sortOptions = false,
        subcommands = {SpfEvalCommand.class, SpfLintCommand.class, SpfBuildCommand.class})
final class SpfCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a verb there is nothing to do. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), MailwrightCommand.of(spec).texts().get("cli.error.spf-no-command"));
    }
}
