package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ProbeHistory;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.Role;
import org.mailwright.propagation.SnapshotDiff;
import org.mailwright.ui.controls.CheckState;

/**
 * One moment something changed, worded for the page's history.
 *
 * @param time the clock time of the check that saw it
 * @param look pass when everything matched from then on, warning when something got worse, info otherwise
 * @param lines what changed, one line each
 */
record HistoryEntry(String time, CheckState look, List<String> lines) {

    /** More changes than this in one check are summed up, not listed. */
    static final int MAX_LINES = 6;

    /** A line may quote what a server answered: its control characters as the command line shows them. */
    HistoryEntry {
        lines = ControlCharacters.shownAll(lines);
    }

    /** The changes of {@code history}, newest first. */
    static List<HistoryEntry> of(ProbeHistory history, WatchedRecords watched, Words words) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (SnapshotDiff diff : history.changes()) {
            entries.add(0, of(diff, watched, words));
        }
        return entries;
    }

    private static HistoryEntry of(SnapshotDiff diff, WatchedRecords watched, Words words) {
        List<String> lines = new ArrayList<>();
        if (diff.becamePropagated()) {
            lines.add(words.get("propagation.history.everywhere"));
        }
        boolean worse = false;
        if (diff.isFirstLook()) {
            long matching = diff.cells().stream().filter(change -> change.after() == CellState.MATCH).count();
            lines.add(words.get("propagation.history.first", matching, diff.cells().size()));
        } else {
            List<String> changes = new ArrayList<>();
            for (SnapshotDiff.CellChange change : diff.cells()) {
                worse |= change.after() != CellState.MATCH;
                String record = PropagationGrid.title(change.record(), watched.kindOf(change.record()), words);
                changes.add(words.get("propagation.history.cell", record, server(change.server(), words),
                        change.before().map(words::state).orElse("—"), words.state(change.after())));
            }
            for (SnapshotDiff.SerialChange change : diff.serials()) {
                changes.add(words.get("propagation.history.serial", server(change.server(), words),
                        serial(change.before()), serial(change.after())));
            }
            if (changes.size() > MAX_LINES) {
                int more = changes.size() - (MAX_LINES - 1);
                changes = new ArrayList<>(changes.subList(0, MAX_LINES - 1));
                changes.add(words.get("propagation.history.more", more));
            }
            lines.addAll(changes);
        }
        CheckState look = diff.propagated() ? CheckState.PASS : worse ? CheckState.WARNING : CheckState.INFO;
        return new HistoryEntry(words.time(diff.at()), look, lines);
    }

    private static String server(ProbeServer server, Words words) {
        String title = words.serverTitle(server);
        return server.role() == Role.AUTHORITATIVE ? title + " (" + Words.serverAddress(server) + ")" : title;
    }

    private static String serial(OptionalLong serial) {
        return serial.isPresent() ? Long.toString(serial.getAsLong()) : "—";
    }
}
