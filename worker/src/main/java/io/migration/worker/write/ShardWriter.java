package io.migration.worker.write;

import io.migration.common.copy.PgTime;
import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.RejectBuffer;
import io.migration.common.transform.Suppression;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.TargetList;
import io.migration.worker.pace.PacedRows;
import io.migration.worker.pace.Pacer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replaces one shard's rows in the target inside the caller's transaction (which holds the shard's
 * {@link ShardLocks}): delete what the shard's range held, then COPY what the source holds now (R13),
 * in as many parts as the caller reads it in. Rows and rejects are written by separate calls, so that
 * a run that must not keep its rows can roll the rows back and still record the rejects.
 */
public final class ShardWriter {

    /** The company's lists (R3); returns rows written. Upserts: a list may have moved from another company. */
    public long replaceLists(Connection conn, long companyId, ListResult result) throws SQLException {
        execute(conn, "write/delete-lists", companyId);
        List<TargetList> lists = result.lists();
        if (lists.isEmpty()) {
            return 0;
        }
        Object[] ids = new Object[lists.size()];
        Object[] companies = new Object[lists.size()];
        Object[] names = new Object[lists.size()];
        Object[] created = new Object[lists.size()];
        for (int i = 0; i < lists.size(); i++) {
            TargetList l = lists.get(i);
            ids[i] = l.id();
            companies[i] = l.companyId();
            names[i] = l.name();
            created[i] = l.createdAt().toString();
        }
        // One statement for all of them: a company has a handful of lists, a batch would cost a round trip each.
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("write/upsert-lists"))) {
            st.setArray(1, conn.createArrayOf("bigint", ids));
            st.setArray(2, conn.createArrayOf("bigint", companies));
            st.setArray(3, conn.createArrayOf("text", names));
            st.setArray(4, conn.createArrayOf("text", created));
            st.execute();
        }
        return lists.size();
    }

    /** Deletes a recipients range's rows: its recipients and, only when there were any, all that hangs off them. */
    public void deleteRecipients(Connection conn, long companyId, int lo, int hi) throws SQLException {
        List<UUID> doomed = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("write/delete-recipients-shard"))) {
            st.setLong(1, companyId);
            st.setInt(2, lo);
            st.setInt(3, hi);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    doomed.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (!doomed.isEmpty()) {
            deleteChildren(conn, companyId, doomed);
        }
    }

    /** COPYs what a recipients shard (or part of one) made, after {@link #deleteRecipients}; rows per target table. */
    public Map<String, Long> copyRecipients(Connection conn, RecipientShard shard, Pacer pacer)
            throws SQLException, InterruptedException {
        return RecipientCopies.write(conn, shard, pacer);
    }

    public void deleteSuppressions(Connection conn, long companyId, int lo, int hi) throws SQLException {
        execute(conn, "write/delete-suppressions-shard", companyId, lo, hi);
    }

    /** COPYs suppressions (R11) after {@link #deleteSuppressions}; returns rows written. */
    public long copySuppressions(Connection conn, SuppressionResult result, Pacer pacer)
            throws SQLException, InterruptedException {
        if (result.suppressions().isEmpty()) {
            return 0;
        }
        PacedRows paced = new PacedRows(pacer);
        long rows = RecipientCopies.copy(conn, TargetTables.SUPPRESSIONS, out -> {
            for (Suppression s : result.suppressions()) {
                out.row()
                        .int8(s.companyId())
                        .text(s.email())
                        .text(s.reason())
                        .timestamptz(PgTime.micros(s.createdAt()))
                        .int4(Buckets.of(s.email()));
                paced.row();
            }
        });
        paced.flush();
        return rows;
    }

    /** Deletes the rejects of a group's bucket range, from any run (R13: then they are this run's alone). */
    public void deleteRejects(Connection conn, long companyId, TaskGroup group, int lo, int hi) throws SQLException {
        execute(conn, "write/delete-rejects-shard", companyId, group.wireName(), lo, hi);
    }

    /** COPYs rejects (R12), each filed under its group and bucket; returns rows written. */
    public long copyRejects(
            Connection conn, String runId, long companyId, TaskGroup group, RejectBuffer rejects, Pacer pacer)
            throws SQLException, InterruptedException {
        if (rejects.size() == 0) {
            return 0;
        }
        PacedRows paced = new PacedRows(pacer);
        String groupName = group.wireName();
        long rows = RecipientCopies.copy(conn, TargetTables.REJECTS, out -> {
            for (int i = 0; i < rejects.size(); i++) {
                out.row().text(runId);
                if (rejects.ofNoCompany(i)) {
                    out.nul();
                } else {
                    out.int8(companyId);
                }
                out.text(rejects.sourceTable(i))
                        .int8(rejects.sourceId(i))
                        .text(rejects.reason(i).code())
                        .text(groupName)
                        .int4(rejects.bucket(i));
                paced.row();
            }
        });
        paced.flush();
        return rows;
    }

    private static void deleteChildren(Connection conn, long companyId, List<UUID> doomed) throws SQLException {
        StringBuilder array = new StringBuilder(doomed.size() * 37 + 16).append("'{");
        for (int i = 0; i < doomed.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            array.append(doomed.get(i));
        }
        array.append("}'::uuid[]");
        String sql = SqlFiles.fill(
                "write/delete-recipient-children",
                Map.of("doomed", array.toString(), "company", Long.toString(companyId)));
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    static void execute(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get(sql))) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        }
    }
}
