package org.mailwright.propagation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What every server said about every expected record at one moment: rows are records, columns
 * are servers. Immutable, so a page can keep the previous one to show what changed.
 *
 * @param zone the zone whose SOA serials were compared
 * @param takenAt when the probe started
 * @param servers the columns, each with its SOA serial
 * @param rows the expected records, each with one cell per column
 * @param estimate when everything should match
 */
public record Snapshot(String zone, Instant takenAt, List<ServerStatus> servers, List<Row> rows,
                       PropagationEstimate estimate) {

    public Snapshot {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(takenAt, "takenAt");
        servers = List.copyOf(servers);
        rows = List.copyOf(rows);
        Objects.requireNonNull(estimate, "estimate");
        for (Row row : rows) {
            if (row.cells().size() != servers.size()) {
                throw new IllegalArgumentException("Each row has one cell per server.");
            }
        }
    }

    /** Every server publishes every expected record. */
    public boolean propagated() {
        return !rows.isEmpty() && !servers.isEmpty() && rows.stream().allMatch(Row::propagated);
    }

    public Cell cell(int row, int server) {
        return rows.get(row).cells().get(server);
    }

    /**
     * The same answers compared with {@code records} instead: one per row, in order, each with
     * the row's name and type (other expected values, or none). No server is asked again.
     *
     * @throws IllegalArgumentException when a record does not match its row's name and type
     */
    public Snapshot comparedWith(List<ExpectedRecord> records) {
        if (records.size() != rows.size()) {
            throw new IllegalArgumentException("Give one record per row.");
        }
        for (int r = 0; r < rows.size(); r++) {
            ExpectedRecord was = rows.get(r).record();
            ExpectedRecord now = records.get(r);
            if (!was.name().equals(now.name()) || was.type() != now.type()) {
                throw new IllegalArgumentException("Row " + r + " is " + was.name() + " " + was.type() + ", not "
                        + now.name() + " " + now.type() + ".");
            }
        }
        return SnapshotAssembler.assemble(zone, takenAt, servers, records,
                rows.stream().map(row -> row.cells().stream().map(Cell::answer).toList()).toList());
    }

    /** The newest zone serial among the authoritative servers. */
    public OptionalLong newestSerial() {
        return ServerStatus.newestAuthoritativeSerial(servers);
    }
}
