package org.mailwright.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mailwright.dns.RecordType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code mailwright} subcommand: its streams, the shared options and the
 * user's language. A subcommand returns an {@link ExitCode} and throws {@link UsageException}
 * for a usage error found after parsing.
 */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    final GlobalOptions options() {
        return MailwrightCommand.of(spec).options();
    }

    final Texts texts() {
        return MailwrightCommand.of(spec).texts();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Standard output for raw octets, after whatever text was written before. */
    final java.io.PrintStream binaryOut() {
        out().flush();
        return MailwrightCommand.of(spec).rawOut();
    }

    /** @throws UsageException when {@code text} names no record type Mailwright looks up */
    final RecordType recordType(String text) {
        return RecordType.parse(text).orElseThrow(() -> new UsageException(texts().get("cli.error.type", text,
                Arrays.stream(RecordType.values()).map(RecordType::name).collect(Collectors.joining(", ")))));
    }
}
