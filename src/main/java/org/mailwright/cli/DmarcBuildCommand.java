package org.mailwright.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.dmarc.AlignmentMode;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.DmarcRecordBuilder;
import org.mailwright.dmarc.Policy;
import org.mailwright.dmarc.PolicyScope;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailwright dmarc build --p POLICY ...}: writes a record. The record alone goes to standard
 * output; what the linter would say about it goes to standard error, so it can be piped as is.
 */
@Command(name = "build", sortOptions = false)
final class DmarcBuildCommand extends Subcommand {

    private static final String POLICIES = "none, quarantine, reject";

    @Option(names = "--p", required = true, paramLabel = "POLICY", order = 10, descriptionKey = "dmarc.build.p")
    private String policy;

    @Option(names = "--t", paramLabel = "y|n", order = 11, descriptionKey = "dmarc.build.t")
    private String testing;

    @Option(names = "--sp", paramLabel = "POLICY", order = 12, descriptionKey = "dmarc.build.sp")
    private String subdomainPolicy;

    @Option(names = "--np", paramLabel = "POLICY", order = 13, descriptionKey = "dmarc.build.np")
    private String nonExistentPolicy;

    @Option(names = "--adkim", paramLabel = "r|s", order = 14, descriptionKey = "dmarc.build.adkim")
    private String dkimAlignment;

    @Option(names = "--aspf", paramLabel = "r|s", order = 15, descriptionKey = "dmarc.build.aspf")
    private String spfAlignment;

    @Option(names = "--rua", paramLabel = "URI", order = 16, descriptionKey = "dmarc.build.rua")
    private List<String> aggregateReports = new ArrayList<>();

    @Option(names = "--ruf", paramLabel = "URI", order = 17, descriptionKey = "dmarc.build.ruf")
    private List<String> failureReports = new ArrayList<>();

    @Option(names = "--fo", paramLabel = "OPTIONS", order = 18, descriptionKey = "dmarc.build.fo")
    private String failureOptions;

    @Option(names = "--pct", paramLabel = "N", order = 19, descriptionKey = "dmarc.build.pct")
    private Integer percentage;

    @Override
    public Integer call() {
        DmarcRecordBuilder builder = new DmarcRecordBuilder()
                .policy(value("--p", policy, Policy::parse, POLICIES).orElseThrow());
        value("--sp", subdomainPolicy, Policy::parse, POLICIES).ifPresent(builder::subdomainPolicy);
        value("--np", nonExistentPolicy, Policy::parse, POLICIES).ifPresent(builder::nonExistentPolicy);
        value("--t", testing, DmarcBuildCommand::yesOrNo, "y, n").ifPresent(builder::testing);
        value("--adkim", dkimAlignment, AlignmentMode::parse, "r, s").ifPresent(builder::dkimAlignment);
        value("--aspf", spfAlignment, AlignmentMode::parse, "r, s").ifPresent(builder::spfAlignment);
        aggregateReports.forEach(uri -> builder.aggregateReport(reportUri(texts(), "--rua", uri)));
        failureReports.forEach(uri -> builder.failureReport(reportUri(texts(), "--ruf", uri)));
        if (failureOptions != null) {
            try {
                builder.failureOptions(failureOptions);
            } catch (IllegalArgumentException e) {
                throw new UsageException(texts().get("cli.dmarc.error.value", "--fo", failureOptions, "0, 1, d, s (fo=1:d)"));
            }
        }
        if (percentage != null) {
            try {
                builder.percentage(percentage);
            } catch (IllegalArgumentException e) {
                throw new UsageException(texts().get("cli.dmarc.error.value", "--pct", percentage, "0-100"));
            }
        }
        DmarcRecord record = builder.build();
        List<Finding> findings = DmarcLinter.recordFindings(record, PolicyScope.DOMAIN);
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("record", record.text());
            json.put("findings", FindingText.json(findings, texts().locale()));
            out().println(Json.write(json));
        } else {
            out().println(record.text());
            FindingText.print(err(), findings.stream().filter(finding -> finding.severity() != Severity.PASS).toList(),
                    texts(), "");
        }
        return ExitCode.OK;
    }

    private <T> Optional<T> value(String option, String text, Function<String, Optional<T>> parse, String allowed) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(text.strip()).orElseThrow(() ->
                new UsageException(texts().get("cli.dmarc.error.value", option, text, allowed))));
    }

    /**
     * The report URI given to {@code option} as a record must hold it, for {@code dmarc build} and
     * {@code dmarc plan} alike: what would end it early (a comma, a semicolon, an exclamation mark)
     * percent-encoded; a space, or text that is no URI, is refused in one sentence.
     */
    static ReportUri reportUri(Texts texts, String option, String text) {
        if (ReportUri.hasSpace(text)) {
            throw new UsageException(texts.get("cli.dmarc.error.uri-space", option, text));
        }
        return ReportUri.fromUser(text).orElseThrow(() -> new UsageException(texts.get("cli.dmarc.error.uri", option, text,
                text.contains("@") && !text.contains(":") ? ReportUri.mailto(text.strip()) : "mailto:ADDRESS")));
    }

    private static Optional<Boolean> yesOrNo(String text) {
        return text.equalsIgnoreCase("y") ? Optional.of(true) : text.equalsIgnoreCase("n") ? Optional.of(false) : Optional.empty();
    }
}
