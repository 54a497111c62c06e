package org.mailwright.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailwright.i18n.ControlCharacters;

/**
 * Failure reports written for scripts and spreadsheets: what {@code mailwright reports failures
 * --json} and {@code --csv} print. Lines end as the platform's do, as the command line's output does.
 */
public final class FailureExport {

    /** The fields of one failure report, in order: the JSON's names and the CSV's header. */
    private static final List<String> FIELDS = List.of("arrival", "feedback_type", "source_ip", "incidents",
            "reported_domains", "auth_failure", "delivery_result", "dkim_domain", "dkim_selector", "spf_dns", "mail_from",
            "from", "subject", "message_id", "reporting_mta");

    /** The first line of the CSV. */
    public static final String CSV_HEADER = String.join(",", FIELDS);

    private FailureExport() {
    }

    /**
     * On one line: {@code {"failure_reports":N,"shown":N,"reports":[{...}]}}, the newest first, a
     * field the report leaves out null, the arrival in ISO 8601 (UTC).
     */
    public static String json(ArchivedFailure.Newest failures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failure_reports", failures.total());
        json.put("shown", failures.newest().size());
        List<Map<String, Object>> reports = new ArrayList<>();
        for (ArchivedFailure failure : failures.newest()) {
            List<Object> values = values(failure);
            Map<String, Object> report = new LinkedHashMap<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                report.put(FIELDS.get(i), values.get(i));
            }
            reports.add(report);
        }
        json.put("reports", reports);
        return org.mailwright.json.Json.write(json) + System.lineSeparator();
    }

    /**
     * A header line and one line per report (RFC 4180), the reported domains separated by spaces, a
     * stranger's control characters as U+FFFD: the bytes the command line prints, safe in a terminal
     * and a spreadsheet alike. (JSON escapes them instead.)
     */
    public static String csv(ArchivedFailure.Newest failures) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append(System.lineSeparator());
        for (ArchivedFailure failure : failures.newest()) {
            List<String> fields = new ArrayList<>();
            for (Object value : values(failure)) {
                String text = value == null ? "" : value instanceof List<?> list
                        ? String.join(" ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
                fields.add(SummaryExport.csvField(ControlCharacters.shown(text)));
            }
            csv.append(String.join(",", fields)).append(System.lineSeparator());
        }
        return csv.toString();
    }

    private static List<Object> values(ArchivedFailure failure) {
        return java.util.Arrays.asList(failure.arrival() == null ? null : failure.arrival().toString(), failure.feedbackType(),
                failure.sourceIp(), failure.incidents(), failure.reportedDomains(), failure.authFailure(),
                failure.deliveryResult(), failure.dkimDomain(), failure.dkimSelector(), failure.spfDns(), failure.mailFrom(),
                failure.from(), failure.subject(), failure.messageId(), failure.reportingMta());
    }
}
