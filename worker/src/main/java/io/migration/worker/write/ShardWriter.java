package io.migration.worker.write;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.RejectBuffer;
import io.migration.common.transform.Suppression;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.TargetList;
import io.migration.worker.resilience.PacedRows;
import io.migration.worker.resilience.Pacer;
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
 * {@link ShardLocks}): delete what the shard's range held, COPY what the source holds now (R13).
 * Rows and rejects are written by separate calls, so that a run that must not keep its rows can
 * roll the rows back and still record the rejects.
 */
public final class ShardWriter {

    /** Rejects of one group's bucket range, which replace that range's rejects of any earlier run. */
    public record GroupRejects(TaskGroup group, int lo, int hi, RejectBuffer rejects) {
    }

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

    /** A recipients shard's five tables; returns rows written per target table. */
    public Map<String, Long> replaceRecipients(Connection conn, int lo, int hi, RecipientShard shard, Pacer pacer)
            throws SQLException, InterruptedException {
        List<UUID> doomed = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("write/delete-recipients-shard"))) {
            st.setLong(1, shard.companyId());
            st.setInt(2, lo);
            st.setInt(3, hi);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    doomed.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (!doomed.isEmpty()) {
            deleteChildren(conn, shard.companyId(), doomed);
        }
        return RecipientCopies.write(conn, shard, pacer);
    }

    /** A suppressions shard (R11); returns rows written. */
    public long replaceSuppressions(Connection conn, long companyId, int lo, int hi, SuppressionResult result,
            Pacer pacer) throws SQLException, InterruptedException {
        execute(conn, "write/delete-suppressions-shard", companyId, lo, hi);
        if (result.suppressions().isEmpty()) {
            return 0;
        }
        PacedRows paced = new PacedRows(pacer);
        long rows = RecipientCopies.copy(conn, TargetTables.SUPPRESSIONS, out -> {
            for (Suppression s : result.suppressions()) {
                out.row().int8(s.companyId()).text(s.email()).text(s.reason())
                        .timestamptz(io.migration.common.copy.PgTime.micros(s.createdAt())).int4(Buckets.of(s.email()));
                paced.row();
            }
        });
        paced.flush();
        return rows;
    }

    /** Deletes the rejects of each group's range from any run, then COPYs these (R12, R13); returns rows written. */
    public long replaceRejects(Connection conn, String runId, long companyId, List<GroupRejects> groups, Pacer pacer)
            throws SQLException, InterruptedException {
        for (GroupRejects g : groups) {
            execute(conn, "write/delete-rejects-shard", companyId, g.group().wireName(), g.lo(), g.hi());
        }
        if (groups.stream().allMatch(g -> g.rejects().size() == 0)) {
            return 0;
        }
        PacedRows paced = new PacedRows(pacer);
        long rows = RecipientCopies.copy(conn, TargetTables.REJECTS, out -> {
            for (GroupRejects g : groups) {
                RejectBuffer r = g.rejects();
                String group = g.group().wireName();
                for (int i = 0; i < r.size(); i++) {
                    out.row().text(runId);
                    if (r.ofNoCompany(i)) {
                        out.nul();
                    } else {
                        out.int8(companyId);
                    }
                    out.text(r.sourceTable(i)).int8(r.sourceId(i)).text(r.reason(i).code()).text(group)
                            .int4(r.bucket(i));
                    paced.row();
                }
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
        String sql = SqlFiles.fill("write/delete-recipient-children",
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
