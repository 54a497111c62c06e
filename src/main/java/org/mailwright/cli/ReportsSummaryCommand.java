package org.mailwright.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.Readiness;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportTerms;
import org.mailwright.reports.SourceAdvice;
import org.mailwright.reports.SourceHistory;
import org.mailwright.reports.SourceNames;
import org.mailwright.reports.Summary;
import org.mailwright.reports.SummaryExport;
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
        LocalDate from = date("--since", since);
        LocalDate to = date("--until", until);
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException(texts().get("cli.reports.until-before-since", until, since));
        }
        if (domain != null && domain.isBlank()) {
            throw new UsageException(texts().get("cli.reports.empty-domain"));
        }
        Summary summary;
        SourceHistory history;
        Optional<Finding> readiness;
        try (ReportArchive archive = db.openToRead(options(), texts())) {
            summary = archive.summary(new SummaryQuery(domain, from, to));
            history = domain == null ? SourceHistory.NONE : archive.sourceHistory(domain);
            readiness = domain == null ? Optional.empty() : Readiness.of(archive, domain);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        Map<String, SourceNames.Named> names = Map.of();
        Optional<SourceAdvice.Advice> advice = Optional.empty();
        if (!noNames) {
            try (ResolverService resolver = options().openResolver()) {
                names = new SourceNames(resolver, options().target())
                        .name(summary.sources().stream().map(Summary.Source::ip).toList()).join();
                if (domain != null) {
                    // Suggestions are about one domain's SPF record: only a summary of one domain has them.
                    advice = Optional.of(new SourceAdvice(resolver, options().target()).advise(domain.strip(), summary, names, history)
                            .join());
                }
            }
        }
        List<Finding> suggestions = new ArrayList<>(advice.map(SourceAdvice.Advice::suggestions).orElse(List.of()));
        readiness.ifPresent(suggestions::add);
        SummaryExport export = new SummaryExport(summary, names, advice.map(SourceAdvice.Advice::spfTerms), suggestions);
        if (options().json()) {
            out().print(export.json(texts().locale()));
        } else if (csv) {
            out().print(export.csv());
        } else {
            print(summary, names);
            if (!suggestions.isEmpty()) {
                out().println();
                FindingText.print(out(), suggestions, texts(), "");
            }
        }
        return ExitCode.OK;
    }

    private LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(texts().get("cli.reports.bad-date", option, GlobalOptions.shown(text)));
        }
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
        int width = Math.max(15, summary.sources().stream().mapToInt(source -> source.ip().length()).max().orElse(15));
        width = Math.min(width, 45);
        out().println();
        out().println(String.format(texts().locale(), "%-" + width + "s %10s %10s %10s %10s %10s  %s",
                texts().get("cli.reports.summary.source"), texts().get("cli.reports.summary.messages"),
                texts().get("cli.reports.summary.pass"), texts().get("cli.reports.summary.fail"),
                texts().get("cli.reports.summary.spf"), texts().get("cli.reports.summary.dkim"),
                texts().get("cli.reports.summary.who")));
        for (Summary.Source source : summary.sources()) {
            Optional<SourceNames.Named> named = Optional.ofNullable(names.get(source.ip()));
            String who = String.join(", ", Stream.of(named.flatMap(SourceNames.Named::label),
                    named.flatMap(SourceNames.Named::ptr)).flatMap(Optional::stream).toList());
            out().println(String.format(texts().locale(), "%-" + width + "s %,10d %,10d %,10d %,10d %,10d  %s",
                    GlobalOptions.shown(source.ip()), source.count(), source.dmarcPass(), source.dmarcFail(),
                    source.spfAlignedPass(), source.dkimAlignedPass(), GlobalOptions.shown(who)));
        }
        printLedger(summary);
        printDispositions(summary);
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
