package org.mailwright.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.json.Json;
import org.mailwright.spf.LookupNode;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailwright spf lint DOMAIN}: the domain's SPF record checked as receivers will meet it. */
@Command(name = "lint", sortOptions = false)
final class SpfLintCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "DOMAIN", descriptionKey = "spf.lint.domain")
    private String domain;

    @Override
    public Integer call() {
        var target = options().target();
        SpfLintReport report;
        try (var resolver = options().openResolver()) {
            try {
                report = new SpfLinter(resolver, target, options().deadline()).lint(DomainName.parseDomain(domain).orElseThrow().ascii()).join();
            } catch (InvalidDomainNameException notADomain) {
                throw new UsageException(notADomain.problem().text(texts().locale()));
            }
        }
        if (options().json()) {
            out().println(Json.write(toJson(report, texts().locale())));
        } else {
            printHuman(report);
        }
        return report.hasErrors() ? ExitCode.FAILED : ExitCode.OK;
    }

    /** domain, record, lookups, tree, findings (see {@link FindingText}), the words in {@code locale}'s language. */
    static Map<String, Object> toJson(SpfLintReport report, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", report.domain());
        json.put("record", report.record());
        json.put("lookups", report.lookups());
        json.put("tree", report.lookupTree().map(SpfLintCommand::node).orElse(null));
        json.put("findings", FindingText.json(report.findings(), locale));
        return json;
    }

    private static Map<String, Object> node(LookupNode node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("term", node.term());
        json.put("target", node.target().isEmpty() ? null : node.target());
        json.put("lookups", node.lookups());
        json.put("status", node.status().jsonName());
        json.put("children", node.children().stream().map(SpfLintCommand::node).toList());
        return json;
    }

    private void printHuman(SpfLintReport report) {
        report.recordText().ifPresent(record -> out().println(texts().get("cli.spf.lint.record", record)));
        report.lookupTree().ifPresent(tree -> {
            out().println();
            out().println(tree.render(SpfEvaluator.MAX_DNS_TERMS));
        });
        out().println();
        FindingText.print(out(), report.findings(), texts(), "");
    }
}
