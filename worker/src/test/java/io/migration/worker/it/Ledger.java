package io.migration.worker.it;

import io.migration.common.config.DatabaseSettings;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What a test reads from the control tables. */
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

    private final DatabaseSettings target;

    public Ledger(DatabaseSettings target) {
        this.target = target;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    /** The run's tasks as the messages that carry them, largest estimate first. */
    public List<TaskMessage> tasks(String runId) throws SQLException {
        return rows(runId).stream().map(TaskRow::task).toList();
    }

    /** The run's tasks with their state and counters, largest estimate first. */
    public List<TaskRow> rows(String runId) throws SQLException {
        List<TaskRow> out = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement st = c.prepareStatement(
                        "SELECT company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, state, attempts, deliveries,"
                                + " unfinished, rows_read, error FROM migration.tasks"
                                + " WHERE run_id = ? ORDER BY estimated_rows DESC, company_id, task_group, shard")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    TaskMessage task = new TaskMessage(
                            TaskMessage.CURRENT_VERSION,
                            runId,
                            RunMode.MIGRATE,
                            rs.getLong(1),
                            TaskGroup.fromWireName(rs.getString(2)).orElseThrow(),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getInt(6));
                    out.add(new TaskRow(
                            task,
                            rs.getString(7),
                            rs.getInt(8),
                            rs.getInt(9),
                            rs.getInt(10),
                            rs.getLong(11),
                            rs.getString(12)));
                }
            }
        }
        return out;
    }

    /** Tasks of the run by state, e.g. {@code {published=3, succeeded=9}}. */
    public Map<String, Integer> states(String runId) throws SQLException {
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

    public String state(TaskMessage task) throws SQLException {
        return column(task, "state");
    }

    public int attempts(TaskMessage task) throws SQLException {
        return Integer.parseInt(column(task, "attempts"));
    }

    public int deliveries(TaskMessage task) throws SQLException {
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

    public List<String> workers(String runId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement st = c.prepareStatement(
                        "SELECT DISTINCT worker FROM migration.tasks WHERE run_id = ? AND worker IS NOT NULL ORDER BY 1")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String column(TaskMessage task, String column) throws SQLException {
        try (Connection c = connect();
                PreparedStatement st = c.prepareStatement(
                        "SELECT " + column
                                + "::text FROM migration.tasks WHERE run_id = ? AND company_id = ? AND task_group = ? AND shard = ?")) {
            st.setString(1, task.runId());
            st.setLong(2, task.companyId());
            st.setString(3, task.group().wireName());
            st.setInt(4, task.shard());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no task " + task.taskKey() + " in run " + task.runId());
                }
                return rs.getString(1);
            }
        }
    }
}
