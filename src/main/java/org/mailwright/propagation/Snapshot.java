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
     * The TTL {@code row}'s record has where it is published: as a name server that publishes the
     * reference answers it (a resolver's answer carries what is left of its cached copy); empty
     * when no name server does.
     */
    public OptionalLong publishedTtl(Row row) {
        for (int s = 0; s < servers.size(); s++) {
            Cell cell = row.cells().get(s);
            if (servers.get(s).server().role() == Role.AUTHORITATIVE && cell.state() == CellState.MATCH && cell.answer().hasTtl()) {
                return OptionalLong.of(cell.answer().ttl());
            }
        }
        return OptionalLong.empty();
    }

    /** The newest zone serial among the authoritative servers. */
    public OptionalLong newestSerial() {
        return ServerStatus.newestAuthoritativeSerial(servers);
    }
}
