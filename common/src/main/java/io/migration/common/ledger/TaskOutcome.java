package io.migration.common.ledger;

import java.util.Map;

/**
 * What one successful task did, recorded with its commit. {@code contributedByTable} counts the
 * source rows that reached the target, by legacy table, as the rules count them (R12): for every
 * table, rows read = rows contributed + rows rejected.
 */
public record TaskOutcome(
        Map<String, Long> readByTable,
        Map<String, Long> writtenByTable,
        Map<String, Long> contributedByTable,
        long rejected,
        long durationMillis) {

    public TaskOutcome {
        readByTable = Map.copyOf(readByTable);
        writtenByTable = Map.copyOf(writtenByTable);
        contributedByTable = Map.copyOf(contributedByTable);
    }

    public long rowsRead() {
        return readByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsWritten() {
        return writtenByTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
