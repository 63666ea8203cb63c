package io.migration.worker.source;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskMessage;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.RecipientShardInput;
import io.migration.common.transform.SourceEvent;
import io.migration.common.transform.SourceField;
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceListRecipient;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTag;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads one shard from the source in a single read-only, repeatable-read transaction (one
 * snapshot: parents and children agree). Rows stream through a server-side cursor; only the
 * shard, never the whole company, is held in memory.
 */
public final class ShardReader {

    private static final int FETCH_SIZE = 5_000;

    private final DataSource source;

    public ShardReader(DataSource source) {
        this.source = source;
    }

    /** The shard's input with how many rows it read from each legacy table. */
    public record Read<T>(T input, Map<String, Long> rowsByTable) {
    }

    public boolean companyExists(long companyId) throws SQLException {
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

    public Read<List<SourceList>> readLists(TaskMessage task) throws SQLException {
        return inSnapshot(conn -> {
            List<SourceList> lists = query(conn, "source/lists-of-company", task.companyId(), null, null,
                    ShardReader::list);
            return new Read<>(lists, Map.of("lists", (long) lists.size()));
        });
    }

    public Read<List<SourceSuppression>> readSuppressions(TaskMessage task) throws SQLException {
        return inSnapshot(conn -> {
            List<SourceSuppression> rows = query(conn, "source/suppressions", task.companyId(), task.bucketLo(),
                    task.bucketHi(), rs -> new SourceSuppression(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), instant(rs, 5)));
            return new Read<>(rows, Map.of("suppressions", (long) rows.size()));
        });
    }

    public Read<RecipientShardInput> readRecipients(TaskMessage task) throws SQLException {
        return inSnapshot(conn -> {
            List<SourceListRecipient> rows = query(conn, "source/list-recipients", task.companyId(),
                    task.bucketLo(), task.bucketHi(), rs -> new SourceListRecipient(rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11)));
            Long[] parentIds = rows.stream().map(SourceListRecipient::id).toArray(Long[]::new);
            Long[] listIds = rows.stream().map(SourceListRecipient::listId).distinct().toArray(Long[]::new);
            Map<Long, SourceList> lists = new HashMap<>();
            for (SourceList l : byIds(conn, "source/lists-by-id", listIds, ShardReader::list)) {
                lists.put(l.id(), l);
            }
            List<SourceField> fields = byIds(conn, "source/fields", parentIds,
                    rs -> new SourceField(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            List<SourceTag> tags = byIds(conn, "source/tags", parentIds,
                    rs -> new SourceTag(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("list_recipients", (long) rows.size());
            counts.put("list_recipient_fields", (long) fields.size());
            counts.put("recipient_tags", (long) tags.size());
            List<SourceEvent> events = new ArrayList<>();
            readEvents(conn, parentIds, events, counts);
            return new Read<>(new RecipientShardInput(task.companyId(), lists, rows, fields, tags, events), counts);
        });
    }

    private static void readEvents(Connection conn, Long[] parentIds, List<SourceEvent> events,
            Map<String, Long> counts) throws SQLException {
        int before = events.size();
        events.addAll(byIds(conn, "source/opens", parentIds, rs -> new SourceEvent(ActivityKind.OPEN, rs.getLong(1),
                rs.getLong(2), nullableLong(rs, 3), instant(rs, 4), rs.getString(5), null, null, null)));
        counts.put("recipient_opens", (long) (events.size() - before));
        before = events.size();
        events.addAll(byIds(conn, "source/clicks", parentIds, rs -> new SourceEvent(ActivityKind.CLICK, rs.getLong(1),
                rs.getLong(2), nullableLong(rs, 3), instant(rs, 4), null, rs.getString(5), null, null)));
        counts.put("recipient_clicks", (long) (events.size() - before));
        before = events.size();
        events.addAll(byIds(conn, "source/bounces", parentIds, rs -> new SourceEvent(ActivityKind.BOUNCE,
                rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), instant(rs, 4), null, null, rs.getString(5),
                rs.getString(6))));
        counts.put("recipient_bounces", (long) (events.size() - before));
        before = events.size();
        events.addAll(byIds(conn, "source/unsubscribes", parentIds, rs -> new SourceEvent(ActivityKind.UNSUBSCRIBE,
                rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), instant(rs, 4), null, null, null,
                rs.getString(5))));
        counts.put("recipient_unsubscribes", (long) (events.size() - before));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface SnapshotWork<T> {
        T run(Connection conn) throws SQLException;
    }

    /**
     * Runs {@code work} in one repeatable-read snapshot of the source. Its errors leave as {@link
     * SourceReadException}, so an outage inside a shard counts against the source's breaker.
     */
    private <T> T inSnapshot(SnapshotWork<T> work) throws SQLException {
        try (Connection conn = source.getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(conn);
            } finally {
                endSnapshot(conn);
            }
        } catch (SQLException e) {
            throw e instanceof SourceReadException ? e : new SourceReadException(e);
        }
    }

    /**
     * Read-only: ending the snapshot is all a rollback does here. On a connection that broke
     * mid-read it fails too (HikariCP: "Connection is closed", no SQLSTATE); thrown from the
     * finally block it would hide the read's own error (an 08006, transient) and the shard would
     * count an attempt for an outage. The pool drops the broken connection by itself.
     */
    private static void endSnapshot(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // See above: the read's outcome, success or error, is what counts.
        }
    }

    private static <T> List<T> query(Connection conn, String sql, long companyId, Integer lo, Integer hi,
            RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get(sql))) {
            st.setFetchSize(FETCH_SIZE);
            st.setLong(1, companyId);
            if (lo != null) {
                st.setInt(2, lo);
                st.setInt(3, hi);
            }
            return collect(st, mapper);
        }
    }

    private static <T> List<T> byIds(Connection conn, String sql, Long[] ids, RowMapper<T> mapper)
            throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get(sql))) {
            st.setFetchSize(FETCH_SIZE);
            Array array = conn.createArrayOf("bigint", ids);
            st.setArray(1, array);
            return collect(st, mapper);
        }
    }

    private static <T> List<T> collect(PreparedStatement st, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
        return out;
    }

    private static SourceList list(ResultSet rs) throws SQLException {
        return new SourceList(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
