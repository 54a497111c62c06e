package org.mailwright.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dmarc.PlanText;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.RolloutStage;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwright dmarc plan --domain D --rua URI}: the staged rollout from p=none to p=reject. */
@Command(name = "plan", sortOptions = false)
final class DmarcPlanCommand extends Subcommand {

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", order = 10, descriptionKey = "dmarc.plan.domain")
    private String domain;

    @Option(names = "--rua", required = true, paramLabel = "URI", order = 11, descriptionKey = "dmarc.plan.rua")
    private List<String> aggregateReports = new ArrayList<>();

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", order = 12, descriptionKey = "dmarc.plan.start")
    private String start;

    @Option(names = "--legacy-pct", order = 13, descriptionKey = "dmarc.plan.legacy-pct")
    private boolean legacyPercentages;

    @Override
    public Integer call() {
        List<ReportUri> rua = aggregateReports.stream()
                .map(text -> DmarcBuildCommand.reportUri(texts(), "--rua", text)).toList();
        LocalDate startDate;
        try {
            startDate = start == null ? LocalDate.now() : LocalDate.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(texts().get("cli.dmarc.error.date", start));
        }
        RolloutPlan plan;
        try {
            plan = RolloutPlan.create(domain, rua, startDate, legacyPercentages);
        } catch (IllegalArgumentException malformedName) {
            throw new UsageException(malformedName instanceof InvalidDomainNameException invalid
                        ? invalid.problem().text(texts().locale()) : malformedName.getMessage());
        }
        if (options().json()) {
            out().println(Json.write(toJson(plan)));
        } else {
            printPlan(plan);
        }
        return ExitCode.OK;
    }

    /** The plan as one JSON object; the sentences are English whatever the user's language. */
    static Map<String, Object> toJson(RolloutPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", plan.domain());
        json.put("name", plan.recordName());
        json.put("legacyPct", plan.legacyPercentages());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (RolloutStage stage : plan.stages()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", stage.number());
            item.put("stage", stage.step().id());
            item.put("pct", stage.percentage().isPresent() ? stage.percentage().getAsInt() : null);
            item.put("record", stage.record().text());
            item.put("start", stage.start().toString());
            item.put("minimumDays", stage.minimumDays());
            item.put("criteria", english(stage.criteria()));
            stages.add(item);
        }
        json.put("stages", stages);
        json.put("advice", english(plan.advice()));
        return json;
    }

    private static List<String> english(List<PlanText> texts) {
        return texts.stream().map(text -> text.text(Locale.ENGLISH)).toList();
    }

    private void printPlan(RolloutPlan plan) {
        Locale locale = texts().locale();
        out().println(texts().get("cli.dmarc.plan.title", plan.domain(), plan.recordName()));
        for (RolloutStage stage : plan.stages()) {
            out().println();
            out().println(stage.isFinal()
                    ? texts().get("cli.dmarc.plan.stage.final", stage.number(), stage.name(locale), stage.start().toString())
                    : texts().get("cli.dmarc.plan.stage", stage.number(), stage.name(locale), stage.start().toString(),
                            stage.minimumDays()));
            out().println("   " + stage.record().text());
            out().println("   " + stage.effect(locale));
            out().println("   " + texts().get(stage.isFinal() ? "cli.dmarc.plan.then" : "cli.dmarc.plan.criteria"));
            stage.criteria().forEach(criterion -> out().println("   - " + criterion.text(locale)));
        }
        out().println();
        out().println(texts().get("cli.dmarc.plan.advice"));
        plan.advice().forEach(advice -> out().println("- " + advice.text(locale)));
    }
}
