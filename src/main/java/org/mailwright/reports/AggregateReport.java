package org.mailwright.reports;

import java.util.List;

/**
 * A whole aggregate report in memory: for tests and small reports. The archive takes rows one by
 * one from {@link AggregateReportReader} instead, so a large report needs no more memory than a row.
 *
 * @param header everything but the rows
 * @param rows the records, in the report's order
 */
public record AggregateReport(ReportHeader header, List<ReportRow> rows) {

    public AggregateReport {
        rows = List.copyOf(rows);
    }

    /** The messages the report counts: the sum of the rows' counts. */
    public long messages() {
        return rows.stream().mapToLong(ReportRow::count).sum();
    }
}
