package org.mailwright.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailwright reports}: import DMARC reports into the archive (from files or a mailbox), sum them up and list the failure reports. */
@Command(name = "reports", sortOptions = false, subcommands = {ReportsImportCommand.class, ReportsFetchCommand.class, ReportsSummaryCommand.class,
        ReportsFailuresCommand.class})
final class ReportsCommand extends Subcommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), texts().get("cli.reports.no-command"));
    }
}
