package io.migration.worker.source;

import io.migration.common.copy.BinaryCopyReader;
import io.migration.common.copy.PgTime;
import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTables;
import io.migration.worker.resilience.PacedRows;
import io.migration.worker.resilience.Pacer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads one task's rows from the source in a single read-only, repeatable-read transaction (one
 * snapshot: parents and children agree), each table once, as binary COPY streams. The
 * list_recipients rows and their children go straight into the {@link RecipientShard} that applies
 * the rules; nothing else of them is kept. Every failure talking to the source comes out as a
 * {@link SourceReadException}.
 */
public final class ShardReader {

    private final DataSource source;

    public ShardReader(DataSource source) {
        this.source = source;
    }

    /** What one task read, in one snapshot: the parts its group covers are non-null. */
    public record SourceShard(
            List<SourceList> lists,
            RecipientShard recipients,
            List<SourceSuppression> suppressions,
            Map<String, Long> readByTable) {
    }

    public boolean companyExists(long companyId) throws SourceReadException {
        try (Connection conn = source.getConnection();
             PreparedStatement st = conn.prepareStatement(SqlFiles.get("source/company-exists"))) {
            st.setLong(1, companyId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
    }

    /**
     * Reads what {@code task}'s group covers, calling {@code pacer} per chunk of rows the source sends
     * (rows of other shards that a range scan brings along count too: the source did the work).
     */
    public SourceShard read(TaskMessage task, Pacer pacer) throws SourceReadException, InterruptedException {
        TaskGroup group = task.group();
        boolean lists = group == TaskGroup.LISTS || group == TaskGroup.COMPANY;
        boolean recipients = group == TaskGroup.RECIPIENTS || group == TaskGroup.COMPANY;
        boolean suppressions = group == TaskGroup.SUPPRESSIONS || group == TaskGroup.COMPANY;
        PacedRows paced = new PacedRows(pacer);
        Map<String, Long> read = new LinkedHashMap<>();
        try (Connection conn = source.getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<SourceList> companyLists = lists || recipients ? readLists(conn, task.companyId(), paced)
                        : List.of();
                if (lists) {
                    read.put(SourceTables.LISTS, (long) companyLists.size());
                }
                RecipientShard shard = null;
                if (recipients) {
                    shard = new RecipientShard(task.companyId(), byId(companyLists));
                    new RecipientReads(conn, shard, paced, read).read(task.companyId(), task.bucketLo(),
                            task.bucketHi());
                }
                List<SourceSuppression> suppressed = null;
                if (suppressions) {
                    suppressed = readSuppressions(conn, task, paced);
                    read.put(SourceTables.SUPPRESSIONS, (long) suppressed.size());
                }
                paced.flush();
                return new SourceShard(lists ? companyLists : null, shard, suppressed, read);
            } finally {
                // Read-only: ending the snapshot is all a commit or rollback does here.
                conn.rollback();
            }
        } catch (SQLException e) {
            throw e instanceof SourceReadException s ? s : new SourceReadException(e);
        }
    }

    private static List<SourceList> readLists(Connection conn, long companyId, PacedRows paced)
            throws SQLException, InterruptedException {
        List<SourceList> lists = new ArrayList<>();
        try (BinaryCopyReader in = BinaryCopyReader.open(conn,
                SourceStatements.copyOut("source/lists", Map.of("company", Long.toString(companyId))), 5)) {
            while (in.next()) {
                lists.add(new SourceList(in.int8(0), in.int8(1), in.text(2), PgTime.instant(in.timestamptz(3)),
                        in.isNull(4) ? null : PgTime.instant(in.timestamptz(4))));
                paced.row();
            }
        }
        return lists;
    }

    private static List<SourceSuppression> readSuppressions(Connection conn, TaskMessage task, PacedRows paced)
            throws SQLException, InterruptedException {
        List<SourceSuppression> rows = new ArrayList<>();
        String sql = SourceStatements.copyOut("source/suppressions", Map.of(
                "company", Long.toString(task.companyId()),
                "bucketFilter", SourceStatements.bucketFilter(task.bucketLo(), task.bucketHi(), Buckets.COUNT)));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 5)) {
            while (in.next()) {
                rows.add(new SourceSuppression(in.int8(0), in.int8(1), in.text(2), in.text(3),
                        PgTime.instant(in.timestamptz(4))));
                paced.row();
            }
        }
        return rows;
    }

    private static Map<Long, SourceList> byId(List<SourceList> lists) {
        Map<Long, SourceList> byId = new HashMap<>(lists.size() * 2);
        for (SourceList l : lists) {
            byId.put(l.id(), l);
        }
        return byId;
    }

    /** A shard's list_recipients rows, then their children, fed into the shard's rules. */
    private record RecipientReads(Connection conn, RecipientShard shard, PacedRows paced, Map<String, Long> read) {

        void read(long companyId, int lo, int hi) throws SQLException, InterruptedException {
            ParentIds parents = new ParentIds();
            String sql = SourceStatements.copyOut("source/list-recipients", Map.of(
                    "company", Long.toString(companyId),
                    "bucketFilter", SourceStatements.bucketFilter(lo, hi, Buckets.COUNT)));
            try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 11)) {
                while (in.next()) {
                    long id = in.int8(0);
                    shard.row(id, in.int8(1), in.int8(2), in.text(3), in.text(4), in.text(5), in.text(6), in.text(7),
                            in.text(8), in.timestamptz(9), in.timestamptz(10));
                    parents.add(id);
                    paced.row();
                }
            }
            read.put(SourceTables.LIST_RECIPIENTS, (long) parents.size());
            children(parents);
        }

        private void children(ParentIds parents) throws SQLException, InterruptedException {
            if (parents.size() == 0) {
                for (String table : List.of(SourceTables.FIELDS, SourceTables.TAGS, "recipient_opens",
                        "recipient_clicks", "recipient_bounces", "recipient_unsubscribes")) {
                    read.put(table, 0L);
                }
                return;
            }
            Map<String, String> condition = Map.of("parents", parents.condition());
            // A range scan also returns children of rows of other shards (or companies): not ours.
            boolean filter = parents.rangeScan();
            long n = 0;
            try (BinaryCopyReader in = BinaryCopyReader.open(conn, SourceStatements.copyOut("source/fields",
                    condition), 4)) {
                while (in.next()) {
                    paced.row();
                    long parent = in.int8(1);
                    if (!filter || shard.hasRow(parent)) {
                        shard.field(in.int8(0), parent, in.text(2), in.bytes(3));
                        n++;
                    }
                }
            }
            read.put(SourceTables.FIELDS, n);
            n = 0;
            try (BinaryCopyReader in = BinaryCopyReader.open(conn, SourceStatements.copyOut("source/tags",
                    condition), 3)) {
                while (in.next()) {
                    paced.row();
                    long parent = in.int8(1);
                    if (!filter || shard.hasRow(parent)) {
                        shard.tag(in.int8(0), parent, in.text(2));
                        n++;
                    }
                }
            }
            read.put(SourceTables.TAGS, n);
            events(ActivityKind.OPEN, "source/opens", condition, filter);
            events(ActivityKind.CLICK, "source/clicks", condition, filter);
            events(ActivityKind.BOUNCE, "source/bounces", condition, filter);
            events(ActivityKind.UNSUBSCRIBE, "source/unsubscribes", condition, filter);
        }

        /** Columns: id, list_recipient_id, campaign_id, occurred at, then the detail values (ActivityDetails). */
        private void events(ActivityKind kind, String file, Map<String, String> condition, boolean filter)
                throws SQLException, InterruptedException {
            int width = kind == ActivityKind.BOUNCE ? 6 : 5;
            long n = 0;
            try (BinaryCopyReader in = BinaryCopyReader.open(conn, SourceStatements.copyOut(file, condition), width)) {
                while (in.next()) {
                    paced.row();
                    long parent = in.int8(1);
                    if (!filter || shard.hasRow(parent)) {
                        boolean hasCampaign = !in.isNull(2);
                        shard.event(kind, in.int8(0), parent, hasCampaign, hasCampaign ? in.int8(2) : 0,
                                in.timestamptz(3), in.bytes(4), width == 6 ? in.bytes(5) : null);
                        n++;
                    }
                }
            }
            read.put(kind.sourceTable(), n);
        }
    }
}
