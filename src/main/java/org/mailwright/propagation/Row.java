package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;

/**
 * One expected record across every server.
 *
 * @param record the record as asked for
 * @param reference what the cells were compared with: the expected values, or when none were
 *     given the most common answer (empty when no server had any record)
 * @param cells one per server, in the snapshot's server order
 */
public record Row(ExpectedRecord record, List<String> reference, List<Cell> cells) {

    public Row {
        Objects.requireNonNull(record, "record");
        reference = List.copyOf(reference);
        cells = List.copyOf(cells);
    }

    /** True when the reference is the most common answer rather than values given. */
    public boolean referenceIsMostCommonAnswer() {
        return !record.hasExpectedValues();
    }

    /** Every server publishes the record. */
    public boolean propagated() {
        return !cells.isEmpty() && cells.stream().allMatch(cell -> cell.state() == CellState.MATCH);
    }

    public long count(CellState state) {
        return cells.stream().filter(cell -> cell.state() == state).count();
    }
}
