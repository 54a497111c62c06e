package org.mailwright.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailwright dkim}: keys, records, the key test, signing and verifying. */
@Command(name = "dkim", sortOptions = false, subcommands = {
    DkimKeygenCommand.class, DkimRecordCommand.class, DkimTestCommand.class, DkimSignCommand.class, DkimVerifyCommand.class})
final class DkimCommand extends Subcommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), texts().get("cli.dkim.no-command"));
    }
}
