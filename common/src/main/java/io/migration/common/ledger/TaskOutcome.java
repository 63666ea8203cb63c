package io.migration.common.ledger;

import java.util.Map;

/**
 * What one successful task did, recorded with its commit. {@code contributedByTable} counts the
 * source rows that reached the target, by legacy table, as the rules count them (R12): for every
 * table, rows read = rows contributed + rows rejected. {@code rejectedByTableAndReason} splits the
 * rejected rows by legacy table and reason code, for the worker's metrics (empty where a mode rejects
 * nothing).
 */
public record TaskOutcome(
        Map<String, Long> readByTable,
        Map<String, Long> writtenByTable,
        Map<String, Long> contributedByTable,
        long rejected,
        long durationMillis,
        Map<String, Map<String, Long>> rejectedByTableAndReason) {

    public TaskOutcome {
        readByTable = Map.copyOf(readByTable);
        writtenByTable = Map.copyOf(writtenByTable);
        contributedByTable = Map.copyOf(contributedByTable);
        rejectedByTableAndReason = Map.copyOf(rejectedByTableAndReason);
    }

    /** An outcome with no reasons recorded (verify, orphan counts). */
    public TaskOutcome(
            Map<String, Long> readByTable,
            Map<String, Long> writtenByTable,
            Map<String, Long> contributedByTable,
            long rejected,
            long durationMillis) {
        this(readByTable, writtenByTable, contributedByTable, rejected, durationMillis, Map.of());
    }

    public long rowsRead() {
        return readByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsWritten() {
        return writtenByTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
