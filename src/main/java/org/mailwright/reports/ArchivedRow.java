package org.mailwright.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an archived aggregate report, with the report it came in: what the archive holds of
 * a source, row by row.
 *
 * @param reporter the reporting organisation, as it names itself
 * @param reportId the report's id, as the reporter wrote it
 * @param begin the start of the report's period; empty when the report gave none
 * @param end the end of the report's period; empty when the report gave none
 * @param row the row: its messages, the receiver's decision and reasons, the domains, each DKIM and SPF result
 */
public record ArchivedRow(String reporter, String reportId, Optional<Instant> begin, Optional<Instant> end, ReportRow row) {

    public ArchivedRow {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(row, "row");
    }
}
