package org.mailwright.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcReport;
import org.mailwright.dmarc.Policy;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.dns.ResolverService;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailwright dmarc lint DOMAIN}: where the domain's policy comes from and what is wrong with it. */
@Command(name = "lint", sortOptions = false)
final class DmarcLintCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "DOMAIN", descriptionKey = "dmarc.lint.domain")
    private String domain;

    @Override
    public Integer call() {
        DmarcReport report;
        try (ResolverService resolver = options().openResolver()) {
            CompletableFuture<DmarcReport> lint;
            try {
                lint = new DmarcLinter(resolver, options().target()).lint(domain);
            } catch (IllegalArgumentException malformedName) {
                throw new UsageException(malformedName instanceof InvalidDomainNameException invalid
                        ? invalid.problem().text(texts().locale()) : malformedName.getMessage());
            }
            report = lint.join();
        }
        if (options().json()) {
            out().println(Json.write(toJson(report, texts().locale())));
        } else {
            printReport(report);
        }
        return report.hasErrors() ? ExitCode.FAILED : ExitCode.OK;
    }

    /**
     * {@code {"domain", "record", "source", "tags", "findings"}}, the findings as {@link FindingText}
     * puts them, in {@code locale}'s language.
     */
    static Map<String, Object> toJson(DmarcReport report, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", report.domain());
        json.put("record", report.record().map(DmarcRecord::text).orElse(null));
        json.put("source", report.policy().sourceLabel());
        Map<String, Object> tags = new LinkedHashMap<>();
        report.record().ifPresent(record -> record.tags().forEach(tag -> tags.putIfAbsent(tag.name(), tag.value())));
        json.put("tags", tags);
        json.put("findings", FindingText.json(report.findings(), locale));
        return json;
    }

    private void printReport(DmarcReport report) {
        DiscoveredPolicy policy = report.policy();
        out().println(texts().get("cli.dmarc.lint.domain", report.domain()));
        out().println(texts().get("cli.dmarc.lint.record",
                report.record().map(DmarcRecord::text).orElse(texts().get("cli.dmarc.lint.no-record"))));
        String source = switch (policy.source()) {
            case OWN -> texts().get("cli.dmarc.lint.source.own", "_dmarc." + policy.sourceDomain());
            case ORGANIZATIONAL_DOMAIN, PUBLIC_SUFFIX -> texts().get("cli.dmarc.lint.source.inherited",
                    "_dmarc." + policy.sourceDomain(), policy.tagInEffect().orElseThrow().tagName());
            case NONE -> texts().get("cli.dmarc.lint.source.none");
        };
        out().println(texts().get("cli.dmarc.lint.source", source));
        out().println(texts().get("cli.dmarc.lint.applied", policy.appliedPolicy().map(Policy::tagValue)
                .orElse(texts().get("cli.dmarc.lint.applied.nothing"))));
        out().println();
        if (report.findings().isEmpty()) {
            out().println(texts().get("cli.dmarc.lint.no-findings"));
        }
        FindingText.print(out(), report.findings(), texts(), "");
    }
}
