package org.mailwright.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.i18n.Messages;

/**
 * A health report written for scripts and spreadsheets, the same from the CLI and the window:
 * one line of JSON, a CSV row under {@link #CSV_HEADER}, Markdown for a ticket or a wiki, or a
 * self-contained HTML page to print or send.
 */
public final class HealthReportExport {

    /** The CSV columns: the domain, its grade and score, each area's score, the counts and the finding ids. */
    public static final String CSV_HEADER = "domain,grade,score,"
            + Arrays.stream(CheckArea.values()).map(CheckArea::id).collect(Collectors.joining(","))
            + ",errors,warnings,findings";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private HealthReportExport() {
    }

    /**
     * {@code {"domain","grade","score","checked_at","findings":[{"id","severity","message","why","fix"}],
     * "areas":{"ns":{"grade","score","costs":[{"id","points"}]}}}} on one line, words in {@code locale}'s language.
     */
    public static String json(HealthReport report, Locale locale) {
        return json(report, locale, Optional.empty());
    }

    /**
     * The same, with {@code "changes":{"since","new":[{"id","severity","message"}],"fixed":[...]}}
     * after the areas when the domain was checked before (messages as kept, in {@code locale}'s
     * language where it was kept, else in English).
     */
    public static String json(HealthReport report, Locale locale, Optional<CheckHistory.Changes> changes) {
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
                // An area not checked has no grade and no score: null, never a number that could be read as one.
                if (area.mark().isPresent()) {
                    json.writeStringField("grade", area.mark().get().grade().name());
                    json.writeNumberField("score", area.mark().get().score());
                } else {
                    json.writeNullField("grade");
                    json.writeNullField("score");
                }
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
            if (changes.isPresent()) {
                json.writeObjectFieldStart("changes");
                json.writeStringField("since", changes.get().since().toString());
                writeChanged(json, "new", changes.get().appeared(), locale);
                writeChanged(json, "fixed", changes.get().fixed(), locale);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /** {@code "field":[{"id","severity","message"}]}, each message in {@code locale}'s language where it was kept. */
    private static void writeChanged(JsonGenerator json, String field, List<CheckHistory.Mark> marks, Locale locale)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (CheckHistory.Mark mark : marks) {
            json.writeStartObject();
            json.writeStringField("id", mark.id());
            json.writeStringField("severity", mark.severity().jsonName());
            json.writeStringField("message", mark.message(locale));
            json.writeEndObject();
        }
        json.writeEndArray();
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
                    .flatMap(Scorecard.AreaScore::mark).ifPresent(mark -> row.append(mark.score()));
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
            md.append("- **").append(area.area().text(locale)).append("**: ").append(area.mark()
                    .map(mark -> mark.grade().name() + " (" + mark.score() + ")").orElseGet(() -> notChecked(locale))).append("\n");
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

    /**
     * The report as one self-contained HTML page, styles inline and nothing fetched, that prints
     * cleanly: the grade, the areas with their scores, then each finding with why and how to fix it.
     */
    public static String html(HealthReport report, Locale locale) {
        String title = Messages.get(locale, "check.export.title", report.domain().unicode());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2430}\n")
                .append("h1{margin-bottom:.2rem}.when{color:#5b6575;margin-top:0}\n")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{padding:.3rem .8rem;border-bottom:1px solid #d8dde5;text-align:left}\n")
                .append(".grade{font-weight:700}.error{color:#a61b1b}.warning{color:#8a5a00}.info{color:#24568f}.pass{color:#1f6b35}\n")
                .append("section{break-inside:avoid}li{margin:.5rem 0}.why,.fix{margin:.15rem 0;color:#3a4452}\n")
                .append("code{font-size:.9em}@media print{body{margin:0}}\n</style>\n</head>\n<body>\n");
        Scorecard card = report.scorecard();
        html.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"when\">")
                .append(escape(Messages.get(locale, "check.export.summary", card.grade().name(), card.score(),
                        report.checkedAt().toString()))).append("</p>\n<table>\n<tr><th>")
                .append(escape(Messages.get(locale, "check.export.area"))).append("</th><th>")
                .append(escape(Messages.get(locale, "check.export.grade"))).append("</th><th>")
                .append(escape(Messages.get(locale, "check.export.score"))).append("</th></tr>\n");
        for (Scorecard.AreaScore area : card.areas()) {
            html.append("<tr><td>").append(escape(area.area().text(locale))).append("</td><td class=\"grade\">")
                    .append(area.mark().map(mark -> mark.grade().name()).orElse("—")).append("</td><td>")
                    .append(area.mark().map(mark -> Integer.toString(mark.score())).orElseGet(() -> escape(notChecked(locale))))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (Scorecard.AreaScore area : card.areas()) {
            html.append("<section>\n<h2>").append(escape(area.area().text(locale))).append("</h2>\n<ul>\n");
            for (Scorecard.Cost cost : area.costs()) {
                Finding finding = cost.finding();
                html.append("<li><span class=\"").append(finding.severity().jsonName()).append("\">")
                        .append(escape(Messages.get(locale, "check.export.severity." + finding.severity().jsonName())))
                        .append("</span> <code>").append(escape(finding.id())).append("</code> (−").append(cost.points())
                        .append(")<br>").append(escape(finding.message(locale)))
                        .append("<p class=\"why\">").append(escape(finding.why(locale))).append("</p>")
                        .append("<p class=\"fix\">").append(escape(finding.fix(locale))).append("</p></li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** What an area without a grade shows in its place. */
    private static String notChecked(Locale locale) {
        return Messages.get(locale, "check.area.not-checked");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
