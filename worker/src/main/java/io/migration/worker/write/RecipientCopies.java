package io.migration.worker.write;

import io.migration.common.copy.BinaryCopyWriter;
import io.migration.common.copy.CopyTable;
import io.migration.common.transform.ActivityDetails;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.RecipientShard;
import io.migration.worker.pace.PacedRows;
import io.migration.worker.pace.Pacer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * COPYs what a {@link RecipientShard} made into the five recipient tables, each in its index's
 * order, each as one binary COPY stream.
 */
final class RecipientCopies {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final byte[][] KIND_LABELS = labels();

    private RecipientCopies() {}

    /** Rows written per target table. */
    static Map<String, Long> write(Connection conn, RecipientShard shard, Pacer pacer)
            throws SQLException, InterruptedException {
        long company = shard.companyId();
        PacedRows paced = new PacedRows(pacer);
        Map<String, Long> written = new LinkedHashMap<>();
        written.put(
                TargetTables.RECIPIENTS.name(),
                copy(
                        conn,
                        TargetTables.RECIPIENTS,
                        out -> shard.<Exception>recipients(
                                (hi, lo, email, first, last, phone, created, updated, bucket) -> {
                                    out.row()
                                            .uuid(hi, lo)
                                            .int8(company)
                                            .text(email)
                                            .text(first)
                                            .text(last)
                                            .text(phone)
                                            .timestamptz(created)
                                            .timestamptz(updated)
                                            .int4(bucket);
                                    paced.row();
                                })));
        written.put(TargetTables.MEMBERSHIPS.name(), memberships(conn, shard, paced));
        written.put(TargetTables.ATTRIBUTES.name(), attributes(conn, shard, paced));
        written.put(TargetTables.TAGS.name(), tags(conn, shard, paced));
        written.put(TargetTables.ACTIVITY.name(), activities(conn, shard, paced));
        paced.flush();
        return written;
    }

    private static long memberships(Connection conn, RecipientShard shard, PacedRows paced)
            throws SQLException, InterruptedException {
        long company = shard.companyId();
        return copy(
                conn,
                TargetTables.MEMBERSHIPS,
                out -> shard.<Exception>memberships((hi, lo, listId, status, source, joined, updated) -> {
                    out.row()
                            .uuid(hi, lo)
                            .int8(listId)
                            .int8(company)
                            .text(status)
                            .text(source)
                            .timestamptz(joined)
                            .timestamptz(updated);
                    paced.row();
                }));
    }

    private static long attributes(Connection conn, RecipientShard shard, PacedRows paced)
            throws SQLException, InterruptedException {
        long company = shard.companyId();
        return copy(
                conn,
                TargetTables.ATTRIBUTES,
                out -> shard.<Exception>attributes((hi, lo, name, value) -> {
                    out.row().uuid(hi, lo).int8(company).text(name).text(value);
                    paced.row();
                }));
    }

    private static long tags(Connection conn, RecipientShard shard, PacedRows paced)
            throws SQLException, InterruptedException {
        long company = shard.companyId();
        return copy(
                conn,
                TargetTables.TAGS,
                out -> shard.<Exception>tags((hi, lo, tag) -> {
                    out.row().uuid(hi, lo).int8(company).text(tag);
                    paced.row();
                }));
    }

    /**
     * COPY straight in; if an id is still held by another shard's recipient (its parent row's email
     * changed in the source), roll the copy back and merge through a staging table instead.
     */
    private static long activities(Connection conn, RecipientShard shard, PacedRows paced)
            throws SQLException, InterruptedException {
        if (shard.activityCount() == 0) {
            return 0;
        }
        Savepoint beforeCopy = conn.setSavepoint();
        try {
            long rows = activities(conn, shard, paced, TargetTables.ACTIVITY);
            conn.releaseSavepoint(beforeCopy);
            return rows;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            conn.rollback(beforeCopy);
            ShardWriter.execute(conn, "write/create-activity-staging");
            long rows = activities(conn, shard, paced, TargetTables.ACTIVITY_STAGING);
            ShardWriter.execute(conn, "write/merge-activity-staging");
            return rows;
        }
    }

    private static long activities(Connection conn, RecipientShard shard, PacedRows paced, CopyTable table)
            throws SQLException, InterruptedException {
        long company = shard.companyId();
        return copy(
                conn,
                table,
                out -> shard.<Exception>activities(
                        (hi,
                                lo,
                                rHi,
                                rLo,
                                listId,
                                kind,
                                hasCampaign,
                                campaign,
                                occurred,
                                details,
                                firstAt,
                                firstLength,
                                secondAt,
                                secondLength) -> {
                            out.row()
                                    .uuid(hi, lo)
                                    .uuid(rHi, rLo)
                                    .int8(company)
                                    .int8(listId)
                                    .text(KIND_LABELS[kind.ordinal()]);
                            if (hasCampaign) {
                                out.int8(campaign);
                            } else {
                                out.nul();
                            }
                            out.timestamptz(occurred)
                                    .jsonbObject(
                                            ActivityDetails.firstKey(kind),
                                            ActivityDetails.secondKey(kind),
                                            details,
                                            firstAt,
                                            firstLength,
                                            secondAt,
                                            secondLength);
                            paced.row();
                        }));
    }

    private static byte[][] labels() {
        ActivityKind[] kinds = ActivityKind.values();
        byte[][] labels = new byte[kinds.length][];
        for (ActivityKind k : kinds) {
            labels[k.ordinal()] = k.label().getBytes(StandardCharsets.UTF_8);
        }
        return labels;
    }

    @FunctionalInterface
    interface Rows {
        void writeTo(BinaryCopyWriter out) throws Exception;
    }

    /** One COPY of {@code table}; returns the rows the server took. */
    static long copy(Connection conn, CopyTable table, Rows rows) throws SQLException, InterruptedException {
        try (BinaryCopyWriter out = BinaryCopyWriter.open(conn, table)) {
            rows.writeTo(out);
            return out.finish();
        } catch (SQLException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected " + e, e);
        }
    }
}
