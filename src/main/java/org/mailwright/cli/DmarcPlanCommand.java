package org.mailwright.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.PlanText;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.RolloutStage;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.findings.Finding;
import org.mailwright.json.Json;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.Readiness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private ReportsDbOption db;

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
        Optional<SavedPlan> saved = savedPlan(plan.domain());
        RolloutStage current = saved.map(plan::stageLike).orElse(plan.stage(1));
        Optional<Finding> readiness;
        try {
            readiness = Readiness.forStage(db.db, db.db == null ? options().dataFolder() : null, plan.domain(), current);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        if (options().json()) {
            out().println(Json.write(toJson(plan, current, readiness)));
        } else {
            printPlan(plan);
            printCurrent(plan, current, saved, readiness);
            printAdvice(plan);
        }
        return ExitCode.OK;
    }

    /** The plan the window saved for {@code domain} in the data folder; none when there is none or it is unreadable (a hint only). */
    private Optional<SavedPlan> savedPlan(String domain) {
        try {
            return PlanStore.in(options().dataFolder()).load(domain);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The plan as one JSON object; the sentences are English whatever the user's language.
     * {@code current} is the number of the stage published now (1 without a saved plan), and
     * {@code readiness} what the DMARC reports say of moving on from it (null at the last stage).
     */
    static Map<String, Object> toJson(RolloutPlan plan, RolloutStage current, Optional<Finding> readiness) {
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
        json.put("current", current.number());
        json.put("readiness", readiness.map(finding -> FindingText.of(finding, Locale.ENGLISH).json()).orElse(null));
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
    }

    private void printCurrent(RolloutPlan plan, RolloutStage current, Optional<SavedPlan> saved, Optional<Finding> readiness) {
        Locale locale = texts().locale();
        out().println();
        out().println(saved.map(kept -> texts().get("cli.dmarc.plan.current.saved", current.number(), plan.stages().size(),
                        current.name(locale), kept.currentSince().toString(), plan.domain()))
                .orElseGet(() -> texts().get("cli.dmarc.plan.current.new", current.number(), plan.stages().size(),
                        current.name(locale), plan.domain())));
        readiness.ifPresent(finding -> {
            RolloutStage next = plan.stage(current.number() + 1);
            out().println(texts().get("cli.dmarc.plan.readiness", next.number(), next.name(locale)));
            FindingText.print(out(), List.of(finding), texts(), "   ");
        });
    }

    private void printAdvice(RolloutPlan plan) {
        Locale locale = texts().locale();
        out().println();
        out().println(texts().get("cli.dmarc.plan.advice"));
        plan.advice().forEach(advice -> out().println("- " + advice.text(locale)));
    }
}
