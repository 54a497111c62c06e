package org.mailwright.ui.propagation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.RecordKind;

/** The records of one watch as they were chosen, each with what it is for. */
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

    /** What the record is for: as chosen, or as the record shows itself to be. */
    RecordKind kindOf(ExpectedRecord record) {
        return records.getOrDefault(record, RecordKind.of(record));
    }
}
