package io.migration.common.ledger;

import java.util.Map;

/** What one successful task did, recorded with its commit. */
public record TaskOutcome(
        Map<String, Long> readByTable,
        Map<String, Long> writtenByTable,
        long rejected,
        long durationMillis) {

    public long rowsRead() {
        return readByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsWritten() {
        return writtenByTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
