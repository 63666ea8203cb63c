package io.migration.worker.target;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.transform.Activity;
import io.migration.common.transform.Attribute;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.Membership;
import io.migration.common.transform.Recipient;
import io.migration.common.transform.RecipientShardResult;
import io.migration.common.transform.Reject;
import io.migration.common.transform.Suppression;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.Tag;
import io.migration.common.transform.TargetList;
import io.migration.common.shard.Buckets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Replaces one shard's rows in the target inside the caller's transaction: lock the shard,
 * delete what it held, COPY what the source holds now, and record its rejects (R12, R13).
 * Returns rows written per target table.
 */
public final class ShardWriter {

    private static final String UNIQUE_VIOLATION = "23505";

    public Map<String, Long> writeLists(Connection conn, TaskMessage task, ListResult result) throws SQLException {
        lock(conn, task);
        execute(conn, "target/delete-lists", task.companyId());
        replaceRejects(conn, task, result.rejects(), r -> 0);
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("target/upsert-list"))) {
            for (TargetList l : result.lists()) {
                st.setLong(1, l.id());
                st.setLong(2, l.companyId());
                st.setString(3, l.name());
                st.setTimestamp(4, Timestamp.from(l.createdAt()));
                st.addBatch();
            }
            st.executeBatch();
        }
        return Map.of("lists", (long) result.lists().size());
    }

    public Map<String, Long> writeSuppressions(Connection conn, TaskMessage task, SuppressionResult result,
            ToIntFunction<Reject> rejectBucket) throws SQLException {
        lock(conn, task);
        execute(conn, "target/delete-suppressions-shard", task.companyId(), task.bucketLo(), task.bucketHi());
        replaceRejects(conn, task, result.rejects(), rejectBucket);
        CopyBuffer rows = new CopyBuffer();
        for (Suppression s : result.suppressions()) {
            rows.add(s.companyId()).add(s.email()).add(s.reason()).add(s.createdAt()).add(Buckets.of(s.email()))
                    .endRow();
        }
        rows.copyInto(conn, SqlFiles.get("target/copy-suppressions"));
        return Map.of("suppressions", rows.rows());
    }

    public Map<String, Long> writeRecipients(Connection conn, TaskMessage task, RecipientShardResult result,
            ToIntFunction<Reject> rejectBucket) throws SQLException {
        lock(conn, task);
        execute(conn, "target/delete-recipients-shard", task.companyId(), task.bucketLo(), task.bucketHi());
        replaceRejects(conn, task, result.rejects(), rejectBucket);
        Map<String, Long> written = new LinkedHashMap<>();
        CopyBuffer recipients = new CopyBuffer();
        for (Recipient r : result.recipients()) {
            recipients.add(r.id()).add(r.companyId()).add(r.email()).add(r.firstName()).add(r.lastName())
                    .add(r.phone()).add(r.createdAt()).add(r.updatedAt()).add(Buckets.of(r.email())).endRow();
        }
        written.put("recipients", recipients.copyInto(conn, SqlFiles.get("target/copy-recipients")));
        CopyBuffer memberships = new CopyBuffer();
        for (Membership m : result.memberships()) {
            memberships.add(m.recipientId()).add(m.listId()).add(m.companyId()).add(m.status()).add(m.source())
                    .add(m.joinedAt()).add(m.updatedAt()).endRow();
        }
        written.put("recipient_lists", memberships.copyInto(conn, SqlFiles.get("target/copy-memberships")));
        CopyBuffer attributes = new CopyBuffer();
        for (Attribute a : result.attributes()) {
            attributes.add(a.recipientId()).add(a.companyId()).add(a.name()).add(a.value()).endRow();
        }
        written.put("recipient_attributes", attributes.copyInto(conn, SqlFiles.get("target/copy-attributes")));
        CopyBuffer tags = new CopyBuffer();
        for (Tag t : result.tags()) {
            tags.add(t.recipientId()).add(t.companyId()).add(t.tag()).endRow();
        }
        written.put("recipient_tags", tags.copyInto(conn, SqlFiles.get("target/copy-tags")));
        written.put("recipient_activity", writeActivity(conn, result.activities()));
        return written;
    }

    /** COPY straight in; if an id is still held by another shard's recipient, merge through staging. */
    private static long writeActivity(Connection conn, List<Activity> activities) throws SQLException {
        CopyBuffer rows = new CopyBuffer();
        for (Activity a : activities) {
            rows.add(a.id()).add(a.recipientId()).add(a.companyId()).add(a.listId()).add(a.kind())
                    .add(a.campaignId()).add(a.occurredAt()).add(a.detailJson()).endRow();
        }
        Savepoint beforeCopy = conn.setSavepoint();
        try {
            rows.copyInto(conn, SqlFiles.get("target/copy-activity"));
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            conn.rollback(beforeCopy);
            execute(conn, "target/create-activity-staging");
            rows.copyInto(conn, SqlFiles.get("target/copy-activity-staging"));
            execute(conn, "target/merge-activity-staging");
        }
        return rows.rows();
    }

    private static void replaceRejects(Connection conn, TaskMessage task, List<Reject> rejects,
            ToIntFunction<Reject> bucket) throws SQLException {
        execute(conn, "target/delete-rejects-shard", task.companyId(), task.group().wireName(), task.bucketLo(),
                task.bucketHi());
        CopyBuffer rows = new CopyBuffer();
        for (Reject r : rejects) {
            rows.add(task.runId()).add(r.companyId()).add(r.sourceTable()).add(r.sourceId()).add(r.reason().code())
                    .add(task.group().wireName()).add(bucket.applyAsInt(r)).endRow();
        }
        rows.copyInto(conn, SqlFiles.get("target/copy-rejects"));
    }

    /** One advisory-lock key per (company, group, first bucket): equal shards of any run exclude each other. */
    public static long lockKey(TaskMessage task) {
        return (task.companyId() * TaskGroup.values().length + task.group().ordinal()) * Buckets.COUNT
                + task.bucketLo();
    }

    private static void lock(Connection conn, TaskMessage task) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("target/lock-shard"))) {
            st.setLong(1, lockKey(task));
            st.execute();
        }
    }

    private static void execute(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get(sql))) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        }
    }
}
