package io.migration.worker.pipeline;

import io.migration.common.ledger.TaskOutcome;
import io.migration.common.transform.RejectBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counts of one task: rows written per target table, and per legacy table the rows that
 * contributed and those rejected, which must add up to the rows read (R12): a task whose counts do
 * not is a bug in this code, and fails rather than commit an unaccounted shard.
 */
final class ShardOutcome {

    private final Map<String, Long> written = new TreeMap<>();
    private final Map<String, Long> contributed = new TreeMap<>();
    private final Map<String, Map<String, Long>> rejected = new TreeMap<>();

    void written(String table, long rows) {
        written.merge(table, rows, Long::sum);
    }

    void contributed(String table, long rows) {
        if (rows > 0) {
            contributed.merge(table, rows, Long::sum);
        }
    }

    void rejected(RejectBuffer rejects) {
        rejects.countByTableAndReason()
                .forEach((table, reasons) -> reasons.forEach((reason, n) ->
                        rejected.computeIfAbsent(table, t -> new TreeMap<>()).merge(reason, n, Long::sum)));
    }

    TaskOutcome toTaskOutcome(Map<String, Long> read, long durationMillis) {
        Set<String> tables = new HashSet<>(read.keySet());
        tables.addAll(contributed.keySet());
        tables.addAll(rejected.keySet());
        for (String table : tables) {
            long r = read.getOrDefault(table, 0L);
            long c = contributed.getOrDefault(table, 0L);
            long x = rejected.getOrDefault(table, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            if (r != c + x) {
                throw new IllegalStateException("R12 accounting does not add up for " + table + ": read " + r
                        + ", contributed " + c + ", rejected " + x);
            }
        }
        long total = 0;
        Map<String, Map<String, Long>> byReason = new TreeMap<>();
        for (Map.Entry<String, Map<String, Long>> e : rejected.entrySet()) {
            byReason.put(e.getKey(), Map.copyOf(e.getValue()));
            total += e.getValue().values().stream().mapToLong(Long::longValue).sum();
        }
        return new TaskOutcome(read, written, contributed, total, durationMillis, byReason);
    }
}
