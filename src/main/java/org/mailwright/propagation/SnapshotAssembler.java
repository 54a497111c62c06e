package org.mailwright.propagation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * Turns the raw answers of a probe into a {@link Snapshot}: the reference of each row, each
 * cell's verdict, and when each difference should clear. Pure logic, no DNS. The one rule for a
 * row without values to expect, for the command line and the window alike: the reference is what
 * the name servers at the newest zone serial publish (the change on its way out; the most common
 * answer among them), because the most common answer of all would be the old value while most
 * servers still have it, turning the one server that is ahead red. Only when no name server at
 * the newest serial answered with records is it the most common answer of every server.
 */
final class SnapshotAssembler {

    private SnapshotAssembler() {
    }

    /**
     * @param answers per record (in order), the answer of each server (in the servers' order)
     */
    static Snapshot assemble(String zone, Instant takenAt, List<ServerStatus> servers, List<ExpectedRecord> records,
                             List<List<LookupResult>> answers) {
        OptionalLong newest = ServerStatus.newestAuthoritativeSerial(servers);
        List<Row> rows = new ArrayList<>();
        boolean allKnown = true;
        Instant latest = takenAt;
        for (int r = 0; r < records.size(); r++) {
            Row row = row(takenAt, servers, records.get(r), answers.get(r), newest);
            rows.add(row);
            for (Cell cell : row.cells()) {
                if (cell.expectedBy().isEmpty()) {
                    allKnown = false;
                } else if (cell.expectedBy().get().isAfter(latest)) {
                    latest = cell.expectedBy().get();
                }
            }
        }
        PropagationEstimate estimate;
        if (!rows.isEmpty() && rows.stream().allMatch(Row::propagated)) {
            estimate = PropagationEstimate.done(latest);
        } else {
            estimate = allKnown && !rows.isEmpty() ? PropagationEstimate.estimated(latest) : PropagationEstimate.unknown();
        }
        return new Snapshot(zone, takenAt, servers, rows, estimate);
    }

    private static Row row(Instant takenAt, List<ServerStatus> servers, ExpectedRecord record,
                           List<LookupResult> answers, OptionalLong newest) {
        ChosenReference chosen = reference(record, servers, answers, newest);
        List<String> reference = chosen.values();
        List<CellState> states = new ArrayList<>();
        for (int s = 0; s < servers.size(); s++) {
            states.add(state(record, reference, servers.get(s), answers.get(s), newest));
        }
        /*
         * While a secondary is behind, a resolver may still fetch the old answer from it and keep
         * it for that answer's whole TTL, so nothing is certain before the secondary's refresh
         * plus that TTL: the stale horizon.
         */
        Optional<Instant> staleHorizon = Optional.empty();
        boolean staleHorizonUnknown = false;
        for (int s = 0; s < servers.size(); s++) {
            if (states.get(s) == CellState.STALE) {
                Optional<Instant> caughtUp = staleCaughtUp(takenAt, servers.get(s));
                long oldTtl = Math.max(0, answers.get(s).ttl());
                if (caughtUp.isEmpty()) {
                    staleHorizonUnknown = true;
                } else {
                    staleHorizon = later(staleHorizon, caughtUp.get().plusSeconds(oldTtl));
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int s = 0; s < servers.size(); s++) {
            ServerStatus server = servers.get(s);
            CellState state = states.get(s);
            Optional<Instant> expectedBy = expectedBy(takenAt, server, state, answers.get(s));
            if (server.server().role() == Role.RESOLVER && expectedBy.isPresent()) {
                if (staleHorizonUnknown) {
                    expectedBy = Optional.empty();
                } else if (staleHorizon.isPresent()) {
                    expectedBy = later(expectedBy, staleHorizon.get());
                }
            }
            cells.add(new Cell(state, answers.get(s), server.serial(), newest, expectedBy));
        }
        return new Row(record, reference, chosen.source(), cells);
    }

    private static CellState state(ExpectedRecord record, List<String> reference, ServerStatus server,
                                   LookupResult answer, OptionalLong newest) {
        CellState state = switch (answer.outcome()) {
            case OK -> !reference.isEmpty()
                    && RecordComparison.matches(record.name(), record.type(), reference, answer.values())
                    ? CellState.MATCH
                    : CellState.MISMATCH;
            case NXDOMAIN, NODATA -> CellState.MISSING;
            default -> CellState.ERROR;
        };
        // A secondary behind the primary that still has the record right is no concern for this row.
        boolean different = state == CellState.MISMATCH || state == CellState.MISSING;
        if (different && server.server().role() == Role.AUTHORITATIVE && newest.isPresent()
                && server.serial().isPresent()
                && ServerStatus.compareSerials(server.serial().getAsLong(), newest.getAsLong()) < 0) {
            return CellState.STALE;
        }
        return state;
    }

    private static Optional<Instant> expectedBy(Instant takenAt, ServerStatus server, CellState state, LookupResult answer) {
        return switch (state) {
            case MATCH -> Optional.of(takenAt);
            case STALE -> staleCaughtUp(takenAt, server);
            case MISMATCH, MISSING -> server.server().role() == Role.RESOLVER && answer.hasTtl()
                    ? Optional.of(takenAt.plusSeconds(answer.ttl()))
                    : Optional.empty();
            case ERROR -> Optional.empty();
        };
    }

    /** A secondary asks its primary for a newer serial at least every SOA refresh (sooner when notified). */
    private static Optional<Instant> staleCaughtUp(Instant takenAt, ServerStatus server) {
        OptionalLong refresh = server.refreshSeconds();
        return refresh.isPresent() ? Optional.of(takenAt.plusSeconds(refresh.getAsLong())) : Optional.empty();
    }

    /** A row's reference and where it came from. */
    private record ChosenReference(List<String> values, Row.Reference source) {
    }

    private static ChosenReference reference(ExpectedRecord record, List<ServerStatus> servers, List<LookupResult> answers,
                                       OptionalLong newest) {
        if (record.hasExpectedValues()) {
            return new ChosenReference(record.values(), Row.Reference.GIVEN);
        }
        List<Integer> everyServer = new ArrayList<>();
        List<Integer> atNewest = new ArrayList<>();
        for (int s = 0; s < servers.size(); s++) {
            everyServer.add(s);
            ServerStatus status = servers.get(s);
            if (newest.isPresent() && status.server().role() == Role.AUTHORITATIVE && status.serial().isPresent()
                    && ServerStatus.compareSerials(status.serial().getAsLong(), newest.getAsLong()) == 0) {
                atNewest.add(s);
            }
        }
        Optional<List<String>> newestAnswer = mostCommonAnswer(record, servers, answers, atNewest);
        if (newestAnswer.isPresent()) {
            return new ChosenReference(newestAnswer.get(), Row.Reference.NEWEST_ZONE);
        }
        return mostCommonAnswer(record, servers, answers, everyServer)
                .map(answer -> new ChosenReference(answer, Row.Reference.MOST_COMMON))
                .orElseGet(() -> new ChosenReference(List.of(), Row.Reference.NONE));
    }

    /**
     * The answer with records most of the servers {@code asked} (indexes) give, each answer as a
     * set of canonical records; between equally common answers, the one of the authoritative
     * server with the newest serial, then the first. Empty when none of them gave records.
     */
    private static Optional<List<String>> mostCommonAnswer(ExpectedRecord record, List<ServerStatus> servers,
                                                           List<LookupResult> answers, List<Integer> asked) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int s : asked) {
            LookupResult answer = answers.get(s);
            if (answer.outcome() == Outcome.OK && !answer.records().isEmpty()) {
                groups.computeIfAbsent(RecordComparison.answerKey(record.name(), record.type(), answer.values()),
                        key -> new ArrayList<>()).add(s);
            }
        }
        List<Integer> best = null;
        for (List<Integer> group : groups.values()) {
            if (best == null || group.size() > best.size()
                    || group.size() == best.size() && newerSerial(servers, group, best)) {
                best = group;
            }
        }
        return best == null ? Optional.empty() : Optional.of(answers.get(best.get(0)).values());
    }

    private static boolean newerSerial(List<ServerStatus> servers, List<Integer> group, List<Integer> than) {
        OptionalLong mine = ServerStatus.newestAuthoritativeSerial(group.stream().map(servers::get).toList());
        OptionalLong theirs = ServerStatus.newestAuthoritativeSerial(than.stream().map(servers::get).toList());
        return mine.isPresent()
                && (theirs.isEmpty() || ServerStatus.compareSerials(mine.getAsLong(), theirs.getAsLong()) > 0);
    }

    private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
        return current.isPresent() && current.get().isAfter(candidate) ? current : Optional.of(candidate);
    }
}
