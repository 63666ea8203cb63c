package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The control tables of a test's target, by hand. Reads what the producer and the workers wrote
 * (tasks, their states and counters); writes rows as they would (runs, tasks, a dry run's
 * rejects, a real run's rejects, verify results), times as minutes before now.
 */
public final class Ledger {

    /** One task's row: its message, where it stands, and its counters. */
    public record TaskRow(
            TaskMessage task,
            String state,
            int attempts,
            int deliveries,
            int unfinished,
            long rowsRead,
            String error) {}

    private final Sql sql;

    public Ledger(DatabaseSettings target) {
        this.sql = new Sql(target);
    }

    public Connection connect() throws SQLException {
        return sql.connect();
    }

    /** The run's tasks as the messages that carry them, largest estimate first. */
    public List<TaskMessage> tasks(String runId) {
        return rows(runId).stream().map(TaskRow::task).toList();
    }

    /** The run's tasks with their state and counters, largest estimate first. */
    public List<TaskRow> rows(String runId) {
        return sql
                .values(
                        "SELECT company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, state, attempts,"
                                + " deliveries, unfinished, rows_read, error FROM migration.tasks WHERE run_id = ?"
                                + " ORDER BY estimated_rows DESC, company_id, task_group, shard",
                        runId)
                .stream()
                .map(r -> new TaskRow(
                        new TaskMessage(
                                TaskMessage.CURRENT_VERSION,
                                runId,
                                RunMode.MIGRATE,
                                number(r, 0),
                                TaskGroup.fromWireName((String) r.get(1)).orElseThrow(),
                                (int) number(r, 2),
                                (int) number(r, 3),
                                (int) number(r, 4),
                                (int) number(r, 5)),
                        (String) r.get(6),
                        (int) number(r, 7),
                        (int) number(r, 8),
                        (int) number(r, 9),
                        number(r, 10),
                        (String) r.get(11)))
                .toList();
    }

    /** Tasks of the run by state, e.g. {@code {published=3, succeeded=9}}. */
    public Map<String, Integer> states(String runId) {
        Map<String, Integer> out = new TreeMap<>();
        for (TaskRow row : rows(runId)) {
            out.merge(row.state(), 1, Integer::sum);
        }
        return out;
    }

    /** Polls the run's task states until {@code condition} holds; fails after {@code timeout}. */
    public Map<String, Integer> awaitStates(
            String runId, Predicate<Map<String, Integer>> condition, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> states = states(runId);
        while (!condition.test(states)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " never reached: " + what + "; tasks by state: " + states);
            }
            Thread.sleep(25);
            states = states(runId);
        }
        return states;
    }

    public String state(TaskMessage task) {
        return column(task, "state");
    }

    public int attempts(TaskMessage task) {
        return Integer.parseInt(column(task, "attempts"));
    }

    public int deliveries(TaskMessage task) {
        return Integer.parseInt(column(task, "deliveries"));
    }

    /** Waits until the task is in {@code state}. */
    public void awaitState(TaskMessage task, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state.equals(state(task))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "task " + task.taskKey() + " never reached " + state + " (it is " + state(task) + ")");
            }
            Thread.sleep(20);
        }
    }

    /** The workers that took a task of the run, by name. */
    public List<String> workers(String runId) {
        return sql.rows(
                "SELECT DISTINCT worker FROM migration.tasks WHERE run_id = ? AND worker IS NOT NULL ORDER BY 1",
                runId);
    }

    public Ledger run(String runId, String mode, String selection, int minutesAgo, String policyJson) {
        sql.exec(
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
    public Ledger task(
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
        sql.exec(
                "INSERT INTO migration.tasks (run_id, company_id, task_group, shard, shard_count, bucket_lo,"
                        + " bucket_hi, estimated_rows, state, rows_read, read_by_table, written_by_table,"
                        + " contributed_by_table, started_at, finished_at, duration_ms, error)"
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

    public Ledger detail(String runId, long company, String group, String detailJson) {
        sql.exec(
                "UPDATE migration.tasks SET detail = CAST(? AS jsonb) WHERE run_id = ? AND company_id = ? AND task_group = ?",
                detailJson,
                runId,
                company,
                group);
        return this;
    }

    /** {@code count} rejects of a dry run, ids from {@code firstId}; {@code company} null for rows of no company. */
    public Ledger dryRunRejects(
            String runId, Long company, String group, String table, String reason, int count, long firstId) {
        sql.exec(
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

    public Ledger migrationRejects(
            String runId, long company, String group, String table, String reason, int count, long firstId) {
        sql.exec(
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

    /** One table's verify result of a shard: counts, checksums, differences and a sample (JSON, may be null). */
    public Ledger verifyResult(
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
        sql.exec(
                "INSERT INTO migration.verify_results (run_id, company_id, task_group, shard, target_table,"
                        + " expected_rows, actual_rows, expected_checksum, actual_checksum, missing, unexpected,"
                        + " changed, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))",
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

    /** One column of the task's row, as text. */
    private String column(TaskMessage task, String column) {
        return sql.one(
                "SELECT " + column + "::text FROM migration.tasks"
                        + " WHERE run_id = ? AND company_id = ? AND task_group = ? AND shard = ?",
                task.runId(),
                task.companyId(),
                task.group().wireName(),
                task.shard());
    }

    private static long number(List<Object> row, int column) {
        return ((Number) row.get(column)).longValue();
    }
}
