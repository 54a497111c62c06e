package org.mailwright.cli;

import java.util.Locale;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.ArchivedFailure;
import org.mailwright.reports.FailureExport;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportTerms;
import org.mailwright.reports.SummaryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailwright reports failures}: the archived failure and abuse reports about a domain in a
 * period, newest first: when, from where, what failed, what the receiver did, and the message's
 * From and subject.
 */
@Command(name = "failures", sortOptions = false)
final class ReportsFailuresCommand extends Subcommand {

    @Mixin
    private ReportsDbOption db;

    @Option(names = "--domain", paramLabel = "D", order = 21, descriptionKey = "reports.failures.domain")
    private String domain;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", order = 22, descriptionKey = "reports.failures.since")
    private String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", order = 23, descriptionKey = "reports.failures.until")
    private String until;

    @Option(names = "--limit", paramLabel = "N", order = 24, defaultValue = "100", descriptionKey = "reports.failures.limit")
    private int limit;

    @Option(names = "--csv", order = 25, descriptionKey = "reports.failures.csv")
    private boolean csv;

    @Override
    public Integer call() {
        if (csv && options().json()) {
            throw new UsageException(texts().get("cli.reports.json-or-csv"));
        }
        if (limit < 1 || limit > ArchivedFailure.MOST_LISTED) {
            throw new UsageException(texts().get("cli.reports.failures.bad-limit", limit, ArchivedFailure.MOST_LISTED));
        }
        SummaryQuery query = ReportChoice.of(texts(), domain, since, until);
        ArchivedFailure.Newest failures;
        try (ReportArchive archive = db.openToRead(options(), texts())) {
            failures = archive.failures(query, limit);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        if (options().json()) {
            out().print(FailureExport.json(failures));
        } else if (csv) {
            out().print(FailureExport.csv(failures));
        } else if (failures.total() == 0) {
            out().println(texts().get("cli.reports.failures.none"));
        } else {
            Locale locale = texts().locale();
            out().println(ReportTerms.failuresHeading(locale, failures));
            failures.newest().forEach(failure -> out().println("  " + ReportTerms.failureLine(locale, failure)));
        }
        return ExitCode.OK;
    }
}
