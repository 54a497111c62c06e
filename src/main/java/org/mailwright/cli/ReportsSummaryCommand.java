package org.mailwright.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.ArchivedFailure;
import org.mailwright.reports.Readiness;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportTerms;
import org.mailwright.reports.ReportTerms.SourceColumn;
import org.mailwright.reports.SourceHistory;
import org.mailwright.reports.SourceNames;
import org.mailwright.reports.Summary;
import org.mailwright.reports.SummaryExport;
import org.mailwright.reports.SummaryLookups;
import org.mailwright.reports.SummaryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailwright reports summary}: the archived aggregate reports summed up, per domain and
 * period: messages (the rows' counts), DMARC pass and fail, and each source address.
 */
@Command(name = "summary", sortOptions = false)
final class ReportsSummaryCommand extends Subcommand {

    private static final String INDENT = "  ";

    @Mixin
    private ReportsDbOption db;

    @Option(names = "--domain", paramLabel = "D", order = 21, descriptionKey = "reports.domain")
    private String domain;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", order = 22, descriptionKey = "reports.since")
    private String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", order = 23, descriptionKey = "reports.until")
    private String until;

    @Option(names = "--csv", order = 24, descriptionKey = "reports.csv")
    private boolean csv;

    @Option(names = "--no-names", order = 25, descriptionKey = "reports.no-names")
    private boolean noNames;

    @Override
    public Integer call() {
        if (csv && options().json()) {
            throw new UsageException(texts().get("cli.reports.json-or-csv"));
        }
        SummaryQuery query = ReportChoice.of(texts(), domain, since, until);
        Summary summary;
        SourceHistory history;
        Optional<Finding> readiness;
        ArchivedFailure.Newest failures;
        try (ReportArchive archive = db.openToRead(options(), texts())) {
            summary = archive.summary(query);
            // Only the text lists them: --json and --csv are the summary issue 13 fixes.
            failures = options().json() || csv ? ArchivedFailure.Newest.NONE : archive.failures(query, ArchivedFailure.IN_SUMMARY);
            history = domain == null ? SourceHistory.NONE : archive.sourceHistory(domain);
            readiness = domain == null ? Optional.empty() : Readiness.of(archive, domain);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        SummaryLookups lookups = SummaryLookups.without(domain, history, readiness);
        if (!noNames) {
            try (ResolverService resolver = options().openResolver()) {
                lookups = SummaryLookups.of(resolver, options().target(), summary, domain, history, readiness).join();
            }
        }
        List<Finding> suggestions = lookups.suggestions();
        Map<String, SourceNames.Named> names = lookups.names();
        SummaryExport export = new SummaryExport(summary, names, lookups.spfTerms(), suggestions);
        if (options().json()) {
            out().print(export.json(texts().locale()));
        } else if (csv) {
            out().print(export.csv());
        } else {
            print(summary, names);
            printFailures(failures);
            if (!suggestions.isEmpty()) {
                out().println();
                FindingText.print(out(), suggestions, texts(), "");
            }
        }
        return ExitCode.OK;
    }

    private void print(Summary summary, Map<String, SourceNames.Named> names) {
        if (summary.reports() == 0) {
            out().println(texts().get("cli.reports.summary.empty"));
            return;
        }
        out().println(ReportTerms.totals(texts().locale(), summary));
        if (summary.sources().isEmpty()) {
            return;
        }
        Locale locale = texts().locale();
        List<SourceColumn> counts = List.of(SourceColumn.MESSAGES, SourceColumn.DMARC_PASS, SourceColumn.DMARC_FAIL,
                SourceColumn.SPF_ALIGNED, SourceColumn.DKIM_ALIGNED);
        String addressHeading = ReportTerms.heading(locale, SourceColumn.ADDRESS);
        String senderHeading = ReportTerms.heading(locale, SourceColumn.SENDER);
        int addressWidth = Math.min(45, Math.max(15, Math.max(addressHeading.length(),
                summary.sources().stream().mapToInt(source -> GlobalOptions.shown(source.ip()).length()).max().orElse(0))));
        int senderWidth = Math.max(senderHeading.length(), summary.sources().stream()
                .mapToInt(source -> label(names, source).length()).max().orElse(0));
        // A count column as wide as its heading, and never narrower than ten characters.
        List<String> countHeadings = counts.stream().map(column -> ReportTerms.heading(locale, column)).toList();
        int[] countWidths = countHeadings.stream().mapToInt(countHeading -> Math.max(10, countHeading.length())).toArray();
        StringBuilder heading = new StringBuilder(FindingText.pad(addressHeading, addressWidth));
        for (int i = 0; i < countWidths.length; i++) {
            heading.append(' ').append(String.format("%" + countWidths[i] + "s", countHeadings.get(i)));
        }
        heading.append("  ").append(FindingText.pad(senderHeading, senderWidth)).append("  ").append(ReportTerms.heading(locale, SourceColumn.REVERSE_NAME));
        out().println();
        out().println(heading.toString().stripTrailing());
        for (Summary.Source source : summary.sources()) {
            long[] values = {source.count(), source.dmarcPass(), source.dmarcFail(), source.spfAlignedPass(), source.dkimAlignedPass()};
            StringBuilder line = new StringBuilder(FindingText.pad(GlobalOptions.shown(source.ip()), addressWidth));
            for (int i = 0; i < values.length; i++) {
                line.append(' ').append(String.format(locale, "%," + countWidths[i] + "d", values[i]));
            }
            String ptr = Optional.ofNullable(names.get(source.ip())).flatMap(SourceNames.Named::ptr).orElse("");
            line.append("  ").append(FindingText.pad(label(names, source), senderWidth)).append("  ").append(GlobalOptions.shown(ptr));
            out().println(line.toString().stripTrailing());
        }
        printLedger(summary);
        printDispositions(summary);
    }

    private void printFailures(ArchivedFailure.Newest failures) {
        if (failures.total() == 0) {
            return;
        }
        Locale locale = texts().locale();
        out().println();
        out().println(ReportTerms.failuresHeading(locale, failures));
        failures.newest().forEach(failure -> out().println(INDENT + ReportTerms.failureLine(locale, failure)));
    }

    private static String label(Map<String, SourceNames.Named> names, Summary.Source source) {
        return GlobalOptions.shown(Optional.ofNullable(names.get(source.ip())).flatMap(SourceNames.Named::label).orElse(""));
    }

    private void printLedger(Summary summary) {
        if (summary.selectors().isEmpty()) {
            return;
        }
        Locale locale = texts().locale();
        out().println();
        out().println(ReportTerms.selectorsHeading(locale));
        summary.selectors().forEach(selector -> out().println(INDENT + ReportTerms.selectorLine(locale, selector)));
    }

    private void printDispositions(Summary summary) {
        Locale locale = texts().locale();
        out().println();
        out().println(ReportTerms.dispositionsHeading(locale));
        summary.dispositions().forEach((disposition, messages) ->
                out().println(INDENT + ReportTerms.dispositionLine(locale, disposition, messages)));
        if (summary.overrides().isEmpty()) {
            return;
        }
        out().println();
        out().println(ReportTerms.overridesHeading(locale));
        for (Summary.OverrideReason reason : summary.overrides()) {
            out().println(INDENT + ReportTerms.overrideLine(locale, reason));
            reason.comments().forEach(comment -> out().println(INDENT + INDENT + ReportTerms.commentLine(locale, comment)));
        }
    }
}
