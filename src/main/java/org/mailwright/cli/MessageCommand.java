package org.mailwright.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailwright message}: what a receiver decides about a message. */
@Command(name = "message", sortOptions = false, subcommands = {MessageCheckCommand.class})
final class MessageCommand extends Subcommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), texts().get("cli.message.no-command"));
    }
}
