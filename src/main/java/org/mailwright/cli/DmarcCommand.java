package org.mailwright.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailwright dmarc VERB}: the DMARC commands (RFC 9989). */
@Command(name = "dmarc", sortOptions = false,
        subcommands = {DmarcLintCommand.class, DmarcBuildCommand.class, DmarcPlanCommand.class})
final class DmarcCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a verb there is nothing to do. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), MailwrightCommand.of(spec).texts().get("cli.dmarc.error.no-verb"));
    }
}
