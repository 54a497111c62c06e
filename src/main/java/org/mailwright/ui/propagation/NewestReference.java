package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordComparison;
import org.mailwright.propagation.Role;
import org.mailwright.propagation.Row;
import org.mailwright.propagation.ServerStatus;
import org.mailwright.propagation.Snapshot;

/**
 * What a record picked without a value is compared with: what the name servers with the newest
 * zone serial publish, the change on its way out. The most common answer would be the old value
 * while most servers still have it, turning the one server that is ahead red.
 */
final class NewestReference {

    private NewestReference() {
    }

    /**
     * {@code snapshot} with each row that has no expected values compared with the answer of the
     * name servers at the newest serial (the most common among them); rows with values, or
     * without such an answer (no name server answered, or the newest has no record), stay as they are.
     */
    static Snapshot apply(Snapshot snapshot) {
        OptionalLong newest = snapshot.newestSerial();
        if (newest.isEmpty()) {
            return snapshot;
        }
        List<ExpectedRecord> records = new ArrayList<>();
        boolean changed = false;
        for (Row row : snapshot.rows()) {
            ExpectedRecord record = row.record();
            List<String> reference = record.hasExpectedValues() ? List.of() : newestAnswer(snapshot, row, newest.getAsLong());
            if (reference.isEmpty()) {
                records.add(record);
            } else {
                records.add(new ExpectedRecord(record.name(), record.type(), reference));
                changed = true;
            }
        }
        return changed ? snapshot.comparedWith(records) : snapshot;
    }

    private static List<String> newestAnswer(Snapshot snapshot, Row row, long newest) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int s = 0; s < snapshot.servers().size(); s++) {
            ServerStatus status = snapshot.servers().get(s);
            LookupResult answer = row.cells().get(s).answer();
            boolean atNewest = status.server().role() == Role.AUTHORITATIVE && status.serial().isPresent()
                    && status.serial().getAsLong() == newest;
            if (atNewest && answer.outcome() == Outcome.OK && !answer.records().isEmpty()) {
                String key = RecordComparison.answerKey(row.record().name(), row.record().type(), answer.values());
                answers.putIfAbsent(key, answer.values());
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
                .map(best -> answers.get(best.getKey()))
                .orElse(List.of());
    }
}
