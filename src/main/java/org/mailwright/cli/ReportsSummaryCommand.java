package org.mailwright.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.mailwright.reports.SelectorLedger;
import org.mailwright.reports.SourceAdvice;
import org.mailwright.reports.SourceHistory;
import org.mailwright.reports.SourceNames;
import org.mailwright.reports.Summary;
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
        try (ReportArchive archive = db.open(options(), texts())) {
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
        if (options().json()) {
            out().println(Json.write(json(summary, names, advice.map(SourceAdvice.Advice::spfTerms), suggestions, texts().locale())));
        } else if (csv) {
            printCsv(summary, names);
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

    /**
     * The summary as issue 13 fixes it, each source with its forward-confirmed reverse name and
     * sender label (null when there is none, or the source is beyond the {@value SourceNames#MAX_NAMED}
     * largest); with {@code spfTerms} (a summary of one domain), each source's {@code spf_term}, the
     * term of the domain's SPF record that passes it (null when none does); and the suggestions.
     */
    static Map<String, Object> json(Summary summary, Map<String, SourceNames.Named> names,
                                    Optional<Map<String, Optional<String>>> spfTerms, List<Finding> suggestions, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reports", summary.reports());
        json.put("messages", summary.messages());
        json.put("dmarc_pass", summary.dmarcPass());
        json.put("dmarc_fail", summary.dmarcFail());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Summary.Source source : summary.sources()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("ip", source.ip());
            entry.put("count", source.count());
            entry.put("dmarc_pass", source.dmarcPass());
            entry.put("dmarc_fail", source.dmarcFail());
            entry.put("spf_aligned_pass", source.spfAlignedPass());
            entry.put("dkim_aligned_pass", source.dkimAlignedPass());
            SourceNames.Named named = names.getOrDefault(source.ip(), new SourceNames.Named(Optional.empty(), Optional.empty()));
            entry.put("ptr", named.ptr().orElse(null));
            entry.put("label", named.label().orElse(null));
            spfTerms.ifPresent(terms -> entry.put("spf_term", terms.getOrDefault(source.ip(), Optional.empty()).orElse(null)));
            sources.add(entry);
        }
        json.put("sources", sources);
        json.put("suggestions", FindingText.json(suggestions, locale));
        json.put("selectors", summary.selectors().stream().map(ReportsSummaryCommand::json).toList());
        json.put("dispositions", summary.dispositions());
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (Summary.OverrideReason reason : summary.overrides()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", reason.type());
            entry.put("messages", reason.messages());
            entry.put("comments", reason.comments());
            overrides.add(entry);
        }
        json.put("overrides", overrides);
        return json;
    }

    /** One selector of the DKIM ledger; {@code replaced_by} names a rotated selector's replacement (null otherwise). */
    private static Map<String, Object> json(Summary.Selector selector) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("domain", selector.domain());
        entry.put("selector", selector.selector());
        entry.put("messages", selector.messages());
        entry.put("dkim_pass", selector.dkimPass());
        entry.put("dkim_fail", selector.dkimFail());
        entry.put("first_seen", selector.firstSeen().toString());
        entry.put("last_seen", selector.lastSeen().toString());
        entry.put("state", selector.state().id());
        entry.put("dual_signing", selector.dualSigning());
        entry.put("replaced_by", selector.replacement().orElse(null));
        return entry;
    }

    private void printCsv(Summary summary, Map<String, SourceNames.Named> names) {
        out().println("ip,count,dmarc_pass,dmarc_fail,spf_aligned_pass,dkim_aligned_pass,ptr,label");
        for (Summary.Source source : summary.sources()) {
            Optional<SourceNames.Named> named = Optional.ofNullable(names.get(source.ip()));
            out().println(csvField(source.ip()) + "," + source.count() + "," + source.dmarcPass() + "," + source.dmarcFail() + ","
                    + source.spfAlignedPass() + "," + source.dkimAlignedPass() + ","
                    + csvField(named.flatMap(SourceNames.Named::ptr).orElse("")) + ","
                    + csvField(named.flatMap(SourceNames.Named::label).orElse("")));
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused for spreadsheets. */
    static String csvField(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private void print(Summary summary, Map<String, SourceNames.Named> names) {
        if (summary.reports() == 0) {
            out().println(texts().get("cli.reports.summary.empty"));
            return;
        }
        double percent = summary.messages() == 0 ? 0 : 100.0 * summary.dmarcPass() / summary.messages();
        out().println(texts().get("cli.reports.summary.totals", summary.reports(), summary.messages(), summary.dmarcPass(),
                percent, summary.dmarcFail()));
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
        out().println(texts().get("cli.reports.summary.selectors", SelectorLedger.ACTIVE_DAYS));
        for (Summary.Selector selector : summary.selectors()) {
            out().println(INDENT + texts().get("cli.reports.summary.selector", GlobalOptions.shown(selector.domain()),
                    GlobalOptions.shown(selector.selector()), selector.messages(), selector.dkimPass(), selector.dkimFail(),
                    selector.firstSeen().toString(), selector.lastSeen().toString(), ReportTerms.state(locale, selector))
                    + (selector.dualSigning() ? texts().get("cli.reports.summary.dual") : ""));
        }
    }

    private void printDispositions(Summary summary) {
        Locale locale = texts().locale();
        out().println();
        out().println(texts().get("cli.reports.summary.dispositions"));
        summary.dispositions().forEach((disposition, messages) -> out().println(INDENT + texts().get(
                "cli.reports.summary.disposition", GlobalOptions.shown(ReportTerms.disposition(locale, disposition)), messages)));
        if (summary.overrides().isEmpty()) {
            return;
        }
        out().println();
        out().println(texts().get("cli.reports.summary.overrides"));
        for (Summary.OverrideReason reason : summary.overrides()) {
            out().println(INDENT + texts().get("cli.reports.summary.override",
                    GlobalOptions.shown(ReportTerms.overrideType(locale, reason.type())), reason.messages()));
            reason.comments().forEach(comment -> out().println(INDENT + INDENT
                    + texts().get("cli.reports.summary.comment", comment)));
        }
    }
}
