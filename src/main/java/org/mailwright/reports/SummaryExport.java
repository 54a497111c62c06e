package org.mailwright.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.json.Json;

/**
 * A summary written for scripts and spreadsheets: the bytes {@code mailwright reports summary
 * --json} and {@code --csv} print, which the Reports page saves as they are, so a file saved from
 * the window and one redirected from the command line are the same file. Lines end as the
 * platform's do, as the command line's output does.
 *
 * @param names each source's forward-confirmed reverse name and sender label; a source missing
 *     from it (not looked up, or beyond the {@value SourceNames#MAX_NAMED} largest) has neither
 * @param spfTerms for a summary of one domain, each source's term of the domain's SPF record that
 *     passes it; empty for every domain, or when the record was not evaluated
 * @param suggestions what the reports say to change, as the summary lists them
 */
public record SummaryExport(Summary summary, Map<String, SourceNames.Named> names, Optional<Map<String, Optional<String>>> spfTerms,
                            List<Finding> suggestions) {

    /** The first line of the CSV: one column per field of a source. */
    public static final String CSV_HEADER = "ip,count,dmarc_pass,dmarc_fail,spf_aligned_pass,dkim_aligned_pass,ptr,label";

    public SummaryExport {
        Objects.requireNonNull(summary, "summary");
        names = Map.copyOf(names);
        spfTerms = spfTerms.map(Map::copyOf);
        suggestions = List.copyOf(suggestions);
    }

    /**
     * The summary as issue 13 fixes it, on one line: each source with its forward-confirmed reverse
     * name and sender label (null when there is none); for a summary of one domain, each source's
     * {@code spf_term} (null when no term passes it); then the suggestions, worded in {@code locale}'s
     * language.
     */
    public String json(Locale locale) {
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
            SourceNames.Named named = names.getOrDefault(source.ip(), SourceNames.Named.UNKNOWN);
            entry.put("ptr", named.ptr().orElse(null));
            entry.put("label", named.label().orElse(null));
            spfTerms.ifPresent(terms -> entry.put("spf_term", terms.getOrDefault(source.ip(), Optional.empty()).orElse(null)));
            sources.add(entry);
        }
        json.put("sources", sources);
        json.put("suggestions", suggestions.stream().map(finding -> finding.json(locale)).toList());
        json.put("selectors", summary.selectors().stream().map(SummaryExport::json).toList());
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
        return Json.write(json) + System.lineSeparator();
    }

    /** The sources table under {@link #CSV_HEADER} (RFC 4180), a name that is not known left empty. */
    public String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append(System.lineSeparator());
        for (Summary.Source source : summary.sources()) {
            SourceNames.Named named = names.getOrDefault(source.ip(), SourceNames.Named.UNKNOWN);
            csv.append(csvField(source.ip())).append(',').append(source.count()).append(',').append(source.dmarcPass()).append(',')
                    .append(source.dmarcFail()).append(',').append(source.spfAlignedPass()).append(',')
                    .append(source.dkimAlignedPass()).append(',').append(csvField(named.ptr().orElse(""))).append(',')
                    .append(csvField(named.label().orElse(""))).append(System.lineSeparator());
        }
        return csv.toString();
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
}
