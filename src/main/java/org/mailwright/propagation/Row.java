package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;

/**
 * One expected record across every server.
 *
 * @param record the record as asked for
 * @param reference what the cells were compared with (empty when no server had any record)
 * @param source where the reference came from
 * @param cells one per server, in the snapshot's server order
 */
public record Row(ExpectedRecord record, List<String> reference, Reference source, List<Cell> cells) {

    /** Where a row's reference came from. */
    public enum Reference {
        /** The values given with the record. */
        GIVEN,
        /** What the name servers at the newest zone serial publish: the change on its way out. */
        NEWEST_ZONE,
        /** No name server at the newest serial had a record: the answer most servers give. */
        MOST_COMMON,
        /** No values given and no server had a record: nothing to compare with. */
        NONE
    }

    public Row {
        Objects.requireNonNull(record, "record");
        reference = List.copyOf(reference);
        Objects.requireNonNull(source, "source");
        cells = List.copyOf(cells);
    }

    /** Every server publishes the record. */
    public boolean propagated() {
        return !cells.isEmpty() && cells.stream().allMatch(cell -> cell.state() == CellState.MATCH);
    }

    public long count(CellState state) {
        return cells.stream().filter(cell -> cell.state() == state).count();
    }
}
