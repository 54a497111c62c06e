package org.mailwright.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;

/**
 * A health report written for scripts and spreadsheets, the same from the CLI and the window:
 * one line of JSON, a CSV row under {@link #CSV_HEADER}, or Markdown for a ticket or a wiki.
 */
public final class HealthReportExport {

    /** The CSV columns: the domain, its grade and score, each area's score, the counts and the finding ids. */
    public static final String CSV_HEADER = "domain,grade,score,"
            + java.util.Arrays.stream(CheckArea.values()).map(CheckArea::id).collect(Collectors.joining(","))
            + ",errors,warnings,findings";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private HealthReportExport() {
    }

    /**
     * {@code {"domain","grade","score","checked_at","findings":[{"id","severity","message","why","fix"}],
     * "areas":{"ns":{"grade","score","costs":[{"id","points"}]}}}} on one line, words in {@code locale}'s language.
     */
    public static String json(HealthReport report, Locale locale) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("domain", report.domain().unicode());
            json.writeStringField("grade", report.scorecard().grade().name());
            json.writeNumberField("score", report.scorecard().score());
            json.writeStringField("checked_at", report.checkedAt().toString());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("id", finding.id());
                json.writeStringField("severity", finding.severity().jsonName());
                json.writeStringField("message", finding.message(locale));
                json.writeStringField("why", finding.why(locale));
                json.writeStringField("fix", finding.fix(locale));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("areas");
            for (Scorecard.AreaScore area : report.scorecard().areas()) {
                json.writeObjectFieldStart(area.area().id());
                json.writeStringField("grade", area.grade().name());
                json.writeNumberField("score", area.score());
                json.writeArrayFieldStart("costs");
                for (Scorecard.Cost cost : area.costs()) {
                    json.writeStartObject();
                    json.writeStringField("id", cost.finding().id());
                    json.writeNumberField("points", cost.points());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /** The report's row under {@link #CSV_HEADER} (RFC 4180), an area not checked left empty. */
    public static String csvRow(HealthReport report) {
        StringBuilder row = new StringBuilder();
        row.append(csvField(report.domain().unicode())).append(',')
                .append(report.scorecard().grade().name()).append(',')
                .append(report.scorecard().score());
        for (CheckArea area : CheckArea.values()) {
            row.append(',');
            report.scorecard().areas().stream().filter(score -> score.area() == area).findFirst()
                    .ifPresent(score -> row.append(score.score()));
        }
        List<Finding> findings = report.findings();
        row.append(',').append(findings.stream().filter(f -> f.severity() == Severity.ERROR).count())
                .append(',').append(findings.stream().filter(f -> f.severity() == Severity.WARNING).count())
                .append(',').append(csvField(findings.stream().map(Finding::id).collect(Collectors.joining(" "))));
        return row.toString();
    }

    /** A row of {@link #CSV_HEADER}'s width for a line that is no domain: the text and the reason. */
    public static String csvError(String text, String reason) {
        return csvField(text) + ",,," + ",".repeat(CheckArea.values().length) + ",," + csvField(reason);
    }

    /** The report as Markdown: the grade, a table of the areas, then each finding with why and how to fix it. */
    public static String markdown(HealthReport report, Locale locale) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.domain().unicode()).append(": ").append(report.scorecard().grade().name())
                .append(" (").append(report.scorecard().score()).append("/100)\n\n")
                .append(report.checkedAt()).append("\n\n");
        for (Scorecard.AreaScore area : report.scorecard().areas()) {
            md.append("- **").append(area.area().text(locale)).append("**: ").append(area.grade().name())
                    .append(" (").append(area.score()).append(")\n");
        }
        for (Scorecard.AreaScore area : report.scorecard().areas()) {
            md.append("\n## ").append(area.area().text(locale)).append("\n");
            for (Scorecard.Cost cost : area.costs()) {
                Finding finding = cost.finding();
                md.append("\n- **").append(finding.severity().jsonName()).append("** `").append(finding.id())
                        .append("` (−").append(cost.points()).append("): ").append(finding.message(locale)).append("\n")
                        .append("  - ").append(finding.why(locale)).append("\n")
                        .append("  - ").append(finding.fix(locale)).append("\n");
            }
        }
        return md.toString();
    }

    private static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
