package org.mailwright.propagation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What changed from one snapshot to the next: cells whose verdict or answer changed, and servers
 * whose zone serial changed. The first snapshot of a series differs from nothing: every cell is
 * a change, with no state before.
 *
 * @param at when the later snapshot was taken
 * @param cells the cells that changed, row by row
 * @param serials the servers whose serial changed
 * @param wasPropagated whether everything matched before
 * @param propagated whether everything matches now
 */
public record SnapshotDiff(Instant at, List<CellChange> cells, List<SerialChange> serials,
                           boolean wasPropagated, boolean propagated) {

    public SnapshotDiff {
        Objects.requireNonNull(at, "at");
        cells = List.copyOf(cells);
        serials = List.copyOf(serials);
    }

    /** One cell that changed: empty {@code before} for the first look. */
    public record CellChange(ExpectedRecord record, ProbeServer server, Optional<CellState> before, CellState after,
                             List<String> beforeValues, List<String> afterValues) {
        public CellChange {
            beforeValues = List.copyOf(beforeValues);
            afterValues = List.copyOf(afterValues);
        }
    }

    /** One server whose serial changed (empty when it gave none). */
    public record SerialChange(ProbeServer server, OptionalLong before, OptionalLong after) {
    }

    /** The changes from {@code before} (empty for the first snapshot) to {@code after}. */
    public static SnapshotDiff between(Optional<Snapshot> before, Snapshot after) {
        Map<String, Cell> previousCells = new HashMap<>();
        Map<String, OptionalLong> previousSerials = new HashMap<>();
        before.ifPresent(snapshot -> {
            for (Row row : snapshot.rows()) {
                for (int s = 0; s < snapshot.servers().size(); s++) {
                    previousCells.put(key(row.record(), snapshot.servers().get(s).server()), row.cells().get(s));
                }
            }
            snapshot.servers().forEach(status -> previousSerials.put(status.server().id(), status.serial()));
        });
        List<CellChange> cells = new ArrayList<>();
        for (Row row : after.rows()) {
            for (int s = 0; s < after.servers().size(); s++) {
                ProbeServer server = after.servers().get(s).server();
                Cell now = row.cells().get(s);
                Optional<Cell> then = Optional.ofNullable(previousCells.get(key(row.record(), server)));
                boolean same = then.isPresent() && then.get().state() == now.state()
                        && then.get().values().equals(now.values());
                if (!same) {
                    cells.add(new CellChange(row.record(), server, then.map(Cell::state), now.state(),
                            then.map(Cell::values).orElse(List.of()), now.values()));
                }
            }
        }
        List<SerialChange> serials = new ArrayList<>();
        if (before.isPresent()) {
            for (ServerStatus status : after.servers()) {
                OptionalLong then = previousSerials.getOrDefault(status.server().id(), OptionalLong.empty());
                if (!then.equals(status.serial())) {
                    serials.add(new SerialChange(status.server(), then, status.serial()));
                }
            }
        }
        return new SnapshotDiff(after.takenAt(), cells, serials,
                before.map(Snapshot::propagated).orElse(false), after.propagated());
    }

    public boolean isEmpty() {
        return cells.isEmpty() && serials.isEmpty();
    }

    /** True the first time everything matches: the moment to tell the user. */
    public boolean becamePropagated() {
        return propagated && !wasPropagated;
    }

    /** True for the first snapshot of a series, which is all news. */
    public boolean isFirstLook() {
        return !cells.isEmpty() && cells.stream().allMatch(change -> change.before().isEmpty());
    }

    private static String key(ExpectedRecord record, ProbeServer server) {
        return record.name() + '|' + record.type() + '|' + record.values() + '|' + server.id();
    }
}
