package io.migration.producer.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One company's part of one run, from its tasks and rejects: task states, timing, and rows by
 * table ({@code read} and {@code contributed} by legacy table, {@code written} by target table; a
 * dry run's written rows are the rows it would write) and rejects by legacy table and reason.
 * Company 0 of a dry run over all companies holds the rows of no company (the orphans task).
 */
public record CompanyFigures(
        String runId,
        long companyId,
        int tasks,
        int succeeded,
        int failed,
        int started,
        Instant firstStarted,
        Instant lastFinished,
        long taskMillis,
        long rowsRead,
        String firstError,
        SortedMap<String, Long> read,
        SortedMap<String, Long> written,
        SortedMap<String, Long> contributed,
        SortedMap<String, SortedMap<String, Long>> rejected) {

    /** Figures of a company without tasks in the run (only rejects, such as the orphans' ones). */
    static CompanyFigures empty(String runId, long companyId) {
        return new CompanyFigures(
                runId,
                companyId,
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                0,
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>());
    }

    /** Tasks neither succeeded nor given up on (planned, published, running or retrying). */
    public int unfinished() {
        return tasks - succeeded - failed;
    }

    public boolean finished() {
        return tasks > 0 && unfinished() == 0;
    }

    /** Wall time from the first task's start to the last one's end; 0 before both exist. */
    public double wallSeconds() {
        return firstStarted == null || lastFinished == null
                ? 0
                : Math.max(0, Duration.between(firstStarted, lastFinished).toMillis() / 1000.0);
    }

    /** The tasks' own time added up: what one worker thread spends on the company. */
    public double taskSeconds() {
        return taskMillis / 1000.0;
    }

    public long totalWritten() {
        return sum(written);
    }

    public long totalContributed() {
        return sum(contributed);
    }

    public long totalRejected() {
        return rejected.values().stream().mapToLong(CompanyFigures::sum).sum();
    }

    /** Rejects by reason over all tables. */
    public SortedMap<String, Long> rejectsByReason() {
        SortedMap<String, Long> out = new TreeMap<>();
        rejected.values().forEach(byReason -> byReason.forEach((reason, n) -> out.merge(reason, n, Long::sum)));
        return out;
    }

    /** Rejects by legacy table over all reasons. */
    public SortedMap<String, Long> rejectsByTable() {
        SortedMap<String, Long> out = new TreeMap<>();
        rejected.forEach((table, byReason) -> out.put(table, sum(byReason)));
        return out;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
