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
import java.util.ArrayList;
import java.util.List;

/** What a test reads from the control tables. */
final class Ledger {

    private final DatabaseSettings target;

    Ledger(DatabaseSettings target) {
        this.target = target;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    /** The run's tasks as the messages that carry them, largest estimate first. */
    List<TaskMessage> tasks(String runId) throws SQLException {
        List<TaskMessage> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(
                "SELECT company_id, task_group, shard, shard_count, bucket_lo, bucket_hi FROM migration.tasks"
                        + " WHERE run_id = ? ORDER BY estimated_rows DESC, company_id, task_group, shard")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskMessage(TaskMessage.CURRENT_VERSION, runId, RunMode.MIGRATE, rs.getLong(1),
                            TaskGroup.fromWireName(rs.getString(2)).orElseThrow(), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6)));
                }
            }
        }
        return out;
    }

    String state(TaskMessage task) throws SQLException {
        return column(task, "state");
    }

    int attempts(TaskMessage task) throws SQLException {
        return Integer.parseInt(column(task, "attempts"));
    }

    int deliveries(TaskMessage task) throws SQLException {
        return Integer.parseInt(column(task, "deliveries"));
    }

    List<String> workers(String runId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(
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
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT " + column
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
