package org.mailwright.reports;

import java.time.Instant;
import java.util.List;

/**
 * Who sent an aggregate report and which period it covers ({@code report_metadata}, RFC 7489
 * appendix C and RFC 9990). Text is as the reporter wrote it, trimmed; absent optional fields are
 * {@code null}.
 *
 * @param orgName the reporting organisation (some reporters leave it empty: then "")
 * @param email the reporter's contact address
 * @param extraContactInfo more contact details
 * @param reportId the reporter's id of the report, unique per organisation
 * @param begin the start of the period, or null when missing
 * @param end the end of the period, or null when missing
 * @param errors the reporter's {@code error} notes
 * @param generator the software that wrote the report (RFC 9990)
 */
public record ReportMetadata(String orgName, String email, String extraContactInfo, String reportId, Instant begin,
        Instant end, List<String> errors, String generator) {

    public ReportMetadata {
        errors = List.copyOf(errors);
    }
}
