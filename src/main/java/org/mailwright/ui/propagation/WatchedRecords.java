package org.mailwright.ui.propagation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailwright.propagation.ExpectedRecord;

/**
 * The records of one watch as they were chosen: what each is for, and whether it came with the
 * value to expect. A snapshot's rows are matched to them by name and type, since a record
 * chosen without a value is compared with the newest name servers' answer.
 */
final class WatchedRecords {

    private final Map<ExpectedRecord, RecordKind> records;

    WatchedRecords(Map<ExpectedRecord, RecordKind> records) {
        this.records = new LinkedHashMap<>(records);
    }

    /** The records, in order. */
    List<ExpectedRecord> list() {
        return List.copyOf(records.keySet());
    }

    int size() {
        return records.size();
    }

    /** What the record of this name and type is for. */
    RecordKind kindOf(ExpectedRecord record) {
        return chosen(record).map(records::get).orElseGet(() -> RecordKind.of(record));
    }

    /** True when the record of this name and type was chosen with the values to expect. */
    boolean valuesGiven(ExpectedRecord record) {
        return chosen(record).map(ExpectedRecord::hasExpectedValues).orElse(record.hasExpectedValues());
    }

    private Optional<ExpectedRecord> chosen(ExpectedRecord record) {
        return records.keySet().stream()
                .filter(each -> each.name().equals(record.name()) && each.type() == record.type())
                .findFirst();
    }
}
