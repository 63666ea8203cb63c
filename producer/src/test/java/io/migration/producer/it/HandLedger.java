package io.migration.producer.it;

import io.migration.common.config.DatabaseSettings;

/**
 * Writes control-table rows by hand, as the producer and the workers would: runs, tasks, a dry
 * run's rejects, a real run's rejects, verify results. Times are minutes before now.
 */
public final class HandLedger {

    private final DatabaseSettings target;

    public HandLedger(DatabaseSettings target) {
        this.target = target;
    }

    public HandLedger run(String runId, String mode, String selection, int minutesAgo, String policyJson) {
        Sql.update(
                target,
                "INSERT INTO migration.runs (run_id, mode, selection, shard_rows, task_count, created_at, policy)"
                        + " VALUES (?, ?, ?, 50000, 0, now() - make_interval(mins => ?), CAST(? AS jsonb))",
                runId,
                mode,
                selection,
                minutesAgo,
                policyJson);
        return this;
    }

    /** A task in {@code state}; the JSON maps may be null; a finished task took {@code millis}. */
    public HandLedger task(
            String runId,
            long company,
            String group,
            int shard,
            String state,
            long rowsRead,
            String readByTable,
            String writtenByTable,
            String contributedByTable,
            long millis,
            String error) {
        boolean started = !state.equals("planned") && !state.equals("published");
        boolean finished = state.equals("succeeded") || state.equals("dead") || state.equals("failed");
        Sql.update(
                target,
                "INSERT INTO migration.tasks (run_id, company_id, task_group, shard, shard_count, bucket_lo,"
                        + " bucket_hi, estimated_rows, state, rows_read, read_by_table, written_by_table, contributed_by_table,"
                        + " started_at, finished_at, duration_ms, error)"
                        + " VALUES (?, ?, ?, ?, 1, 0, 4095, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb),"
                        + " CASE WHEN ? THEN now() - interval '1 minute' END, CASE WHEN ? THEN now() END,"
                        + " CASE WHEN ? THEN CAST(? AS bigint) END, ?)",
                runId,
                company,
                group,
                shard,
                rowsRead,
                state,
                rowsRead,
                readByTable,
                writtenByTable,
                contributedByTable,
                started,
                finished,
                finished,
                millis,
                error);
        return this;
    }

    public HandLedger detail(String runId, long company, String group, String detailJson) {
        Sql.update(
                target,
                "UPDATE migration.tasks SET detail = CAST(? AS jsonb)"
                        + " WHERE run_id = ? AND company_id = ? AND task_group = ?",
                detailJson,
                runId,
                company,
                group);
        return this;
    }

    /** {@code count} rejects of a dry run, ids from {@code firstId}; {@code company} null for rows of no company. */
    public HandLedger dryRunRejects(
            String runId, Long company, String group, String table, String reason, int count, long firstId) {
        Sql.update(
                target,
                "INSERT INTO migration.dry_run_rejects (run_id, company_id, task_group, shard, source_table,"
                        + " source_id, reason) SELECT ?, ?, ?, 0, ?, ? + g, ? FROM generate_series(0, ? - 1) g",
                runId,
                company,
                group,
                table,
                firstId,
                reason,
                count);
        return this;
    }

    public HandLedger migrationRejects(
            String runId, long company, String group, String table, String reason, int count, long firstId) {
        Sql.update(
                target,
                "INSERT INTO migration_rejects (run_id, company_id, source_table, source_id, reason,"
                        + " task_group, shard_bucket) SELECT ?, ?, ?, ? + g, ?, ?, 0 FROM generate_series(0, ? - 1) g",
                runId,
                company,
                table,
                firstId,
                reason,
                group,
                count);
        return this;
    }

    public HandLedger verifyResult(
            String runId,
            long company,
            String group,
            int shard,
            String table,
            long expected,
            long actual,
            String expectedChecksum,
            String actualChecksum,
            long missing,
            long unexpected,
            long changed,
            String sampleJson) {
        Sql.update(
                target,
                "INSERT INTO migration.verify_results (run_id, company_id, task_group, shard, target_table,"
                        + " expected_rows, actual_rows, expected_checksum, actual_checksum, missing, unexpected, changed, sample)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))",
                runId,
                company,
                group,
                shard,
                table,
                expected,
                actual,
                expectedChecksum,
                actualChecksum,
                missing,
                unexpected,
                changed,
                sampleJson);
        return this;
    }
}
