package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.TxtStrings;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.propagation.Cell;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordKind;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.Role;
import org.mailwright.propagation.Row;
import org.mailwright.propagation.ServerStatus;
import org.mailwright.propagation.Snapshot;
import org.mailwright.ui.controls.CheckState;

/**
 * One snapshot as the page shows it, worded: a column per server (with its zone serial), a line
 * per record, a cell where they cross. Built off the controls so it can be tested as text.
 *
 * @param zone the zone whose serials are compared
 * @param columns the servers: the name servers' addresses first, then the resolvers
 * @param lines the records
 */
record PropagationGrid(String zone, List<Column> columns, List<Line> lines) {

    PropagationGrid {
        Objects.requireNonNull(zone, "zone");
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
    }

    /** How a column's zone serial compares with the newest among the name servers. */
    enum Serial {
        /** The newest serial, or as new as it. */
        NEWEST,
        /** A name server behind the newest serial: it has not loaded the latest zone. */
        BEHIND,
        /** The server gave no serial. */
        NONE,
        /** A resolver's serial is what its cache holds: shown, not judged. */
        CACHED
    }

    /**
     * One server.
     *
     * @param title the name server's host, or the resolver's name
     * @param address where the questions go ({@code 192.0.2.1:53}); empty for this machine's resolvers
     * @param role authoritative or resolver
     * @param serialText the zone serial it gave, or a dash
     * @param serial how that serial compares
     * @param serialTooltip what the serial means for this server
     */
    record Column(String title, String address, Role role, String serialText, Serial serial, String serialTooltip) {
    }

    /**
     * One record across the servers.
     *
     * @param title what the record is: {@code SPF}, {@code DKIM s1}, ...
     * @param name the owner name and type: {@code _dmarc.example.com TXT}
     * @param expected what the cells are compared with, in words
     * @param expectedBrief the same with each value longer than {@value #BRIEF_VALUE} characters shown
     *     by its start and end, for the row's header: a DKIM key runs to 400 characters
     * @param values the values compared with, alone, as pasted into a DNS panel; empty when
     *     the reference is the most common answer and no server has one
     * @param zoneLines the same as zone-file lines
     * @param propagated every server has it
     * @param cells one per column
     */
    record Line(String title, String name, String expected, String expectedBrief, List<String> values, List<String> zoneLines,
                boolean propagated, List<GridCell> cells) {
        /** The values are what servers answered: their control characters as the command line shows them. */
        Line {
            expected = ControlCharacters.shown(expected);
            expectedBrief = ControlCharacters.shown(expectedBrief);
            values = ControlCharacters.shownAll(values);
            zoneLines = List.copyOf(zoneLines);
            cells = List.copyOf(cells);
        }
    }

    /**
     * What one server says about one record.
     *
     * @param state the verdict
     * @param look its colour: pass, warning when it will clear by itself, error when it will not
     * @param icon drawn beside the word, so the verdict does not rest on colour
     * @param word the verdict as the command line says it
     * @param note a few words under it: the TTL, when it should clear, or what failed
     * @param explanation the verdict in a sentence
     * @param answer the records the server gave, as published
     * @param facts TTL, serial and when it should clear, in one line
     * @param tooltip everything about the cell: the sentence, the raw answer, the TTL
     */
    record GridCell(CellState state, CheckState look, Ikon icon, String word, String note, String explanation,
                    List<String> answer, String facts, String tooltip) {
        /** The answer is the server's: its control characters as the command line shows them. */
        GridCell {
            note = ControlCharacters.shown(note);
            explanation = ControlCharacters.shown(explanation);
            answer = ControlCharacters.shownAll(answer);
            facts = ControlCharacters.shown(facts);
            tooltip = ControlCharacters.shown(tooltip);
        }
    }

    /**
     * Words {@code snapshot} of the records {@code watched} for the page.
     *
     * @param defaultTtl the TTL of the zone-file lines for a record no name server publishes yet
     */
    static PropagationGrid of(Snapshot snapshot, WatchedRecords watched, Words words, long defaultTtl) {
        OptionalLong newest = snapshot.newestSerial();
        List<Column> columns = new ArrayList<>();
        for (ServerStatus status : snapshot.servers()) {
            columns.add(column(status, newest, words));
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : snapshot.rows()) {
            List<GridCell> cells = row.cells().stream().map(cell -> cell(cell, words)).toList();
            lines.add(new Line(title(row.record(), watched.kindOf(row.record()), words),
                    row.record().name() + " " + row.record().type().name(),
                    expected(row, newest, words, row.reference()),
                    expected(row, newest, words, row.reference().stream().map(PropagationGrid::brief).toList()),
                    row.reference(),
                    zoneLines(row.record(), row.reference(), snapshot.publishedTtl(row).orElse(defaultTtl)),
                    row.propagated(), cells));
        }
        return new PropagationGrid(snapshot.zone(), columns, lines);
    }

    /** The row title of a record of {@code kind}. */
    static String title(ExpectedRecord record, RecordKind kind, Words words) {
        return switch (kind) {
            case DKIM -> words.get(titleKey(kind), RecordKind.selectorOf(record.name()).orElse(""));
            case OTHER -> words.get(titleKey(kind), record.type().name());
            default -> words.get(titleKey(kind));
        };
    }

    /** The key of a row title in the window's bundle. */
    private static String titleKey(RecordKind kind) {
        return "propagation.kind." + kind.name().toLowerCase(Locale.ROOT);
    }

    private static Column column(ServerStatus status, OptionalLong newest, Words words) {
        ProbeServer server = status.server();
        OptionalLong serial = status.serial();
        Serial judged;
        if (serial.isEmpty()) {
            judged = Serial.NONE;
        } else if (server.role() == Role.RESOLVER) {
            judged = Serial.CACHED;
        } else {
            judged = newest.isPresent() && ServerStatus.compareSerials(serial.getAsLong(), newest.getAsLong()) < 0
                    ? Serial.BEHIND : Serial.NEWEST;
        }
        String tooltip = switch (judged) {
            case NEWEST -> words.get("propagation.serial.newest", serial.getAsLong());
            case BEHIND -> words.get("propagation.serial.behind", serial.getAsLong(), newest.getAsLong());
            case CACHED -> words.get("propagation.serial.cached", serial.getAsLong());
            case NONE -> words.get("propagation.serial.none");
        };
        return new Column(words.serverTitle(server), Words.serverAddress(server), server.role(),
                serial.isPresent() ? Long.toString(serial.getAsLong()) : "—", judged, tooltip);
    }

    private static GridCell cell(Cell cell, Words words) {
        CellState state = cell.state();
        CheckState look = switch (state) {
            case MATCH -> CheckState.PASS;
            case STALE -> CheckState.WARNING;
            case MISMATCH, MISSING -> cell.expectedBy().isPresent() ? CheckState.WARNING : CheckState.ERROR;
            case ERROR -> CheckState.ERROR;
        };
        String clears = cell.expectedBy().filter(at -> state != CellState.MATCH)
                .map(at -> words.get("propagation.cell.by", words.time(at))).orElse("");
        String ttl = cell.answer().hasTtl() ? words.get("propagation.cell.ttl", cell.ttl()) : "";
        String note = switch (state) {
            case MATCH -> ttl;
            case STALE, MISMATCH -> clears.isEmpty() ? ttl : clears;
            case MISSING -> clears.isEmpty() ? cell.answer().outcome().name() : clears;
            case ERROR -> switch (cell.answer().outcome()) {
                case TIMEOUT -> words.get("propagation.cell.timeout");
                case SERVFAIL, REFUSED -> cell.answer().outcome().name();
                default -> words.get("propagation.cell.failed");
            };
        };
        List<String> facts = new ArrayList<>();
        if (!ttl.isEmpty()) {
            facts.add(state == CellState.MISSING ? words.get("propagation.cell.negativeTtl", cell.ttl()) : ttl);
        }
        cell.serial().ifPresent(serial -> facts.add(words.get("propagation.cell.serial", serial)));
        cell.expectedBy().filter(at -> state != CellState.MATCH)
                .ifPresent(at -> facts.add(words.get("propagation.cell.expectedBy", words.time(at))));
        String explanation = cell.explain(words.locale());
        String joinedFacts = String.join(" · ", facts);
        StringBuilder tooltip = new StringBuilder(explanation).append("\n\n").append(cell.values().isEmpty()
                ? words.get("propagation.cell.noRecords")
                : words.get("propagation.cell.answer") + "\n" + String.join("\n", cell.values()));
        if (!joinedFacts.isEmpty()) {
            tooltip.append("\n\n").append(joinedFacts);
        }
        return new GridCell(state, look, icon(state), words.state(state), note, explanation, cell.values(), joinedFacts,
                tooltip.toString());
    }

    /** Not colour alone: each verdict has its own icon. */
    static Ikon icon(CellState state) {
        return switch (state) {
            case MATCH -> Material2AL.CHECK_CIRCLE;
            case MISMATCH -> Material2AL.COMPARE_ARROWS;
            case MISSING -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case ERROR -> Material2AL.ERROR_OUTLINE;
            case STALE -> Material2AL.HISTORY;
        };
    }

    /** The longest value a row's header shows whole. */
    static final int BRIEF_VALUE = 80;

    /** {@code value} whole, or its start and end around an ellipsis: what tells one record from another at a glance. */
    static String brief(String value) {
        if (value.length() <= BRIEF_VALUE) {
            return value;
        }
        int end = BRIEF_VALUE / 4;
        return value.substring(0, BRIEF_VALUE - end - 1) + "…" + value.substring(value.length() - end);
    }

    private static String expected(Row row, OptionalLong newest, Words words, List<String> shownValues) {
        String values = String.join(" | ", shownValues);
        return switch (row.source()) {
            case GIVEN -> words.get("propagation.line.expected", values);
            case NEWEST_ZONE -> words.get("propagation.line.newest", newest.orElseThrow(), values);
            case MOST_COMMON -> words.get("propagation.line.mostCommon", values);
            case NONE -> words.get("propagation.line.noReference", row.record().type().name());
        };
    }

    private static List<String> zoneLines(ExpectedRecord record, List<String> values, long ttl) {
        return values.stream().map(value -> zoneLine(record.name(), record.type(), value, ttl)).toList();
    }

    /** {@code name. TTL IN TYPE value}, TXT values quoted and cut into strings of 255 characters. */
    static String zoneLine(String name, RecordType type, String value, long ttl) {
        return type == RecordType.TXT
                ? TxtStrings.zoneLine(name, ttl, value)
                : name + ". " + ttl + " IN " + type.name() + " " + value;
    }
}
