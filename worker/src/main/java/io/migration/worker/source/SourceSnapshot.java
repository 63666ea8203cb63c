package io.migration.worker.source;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.CoveredRange;
import io.migration.common.checksum.SourceChecksums;
import io.migration.common.copy.BinaryCopyReader;
import io.migration.common.copy.PgTime;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTables;
import io.migration.worker.pace.PacedRows;
import io.migration.worker.pace.Pacer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read-only, repeatable-read transaction on the source: every read of one task sees the same
 * snapshot (parents and children agree, and a task read in several parts reads one state of the
 * source). Each table is streamed once per call as a binary COPY; the counts of rows read add up
 * over the calls. Every failure talking to the source is a {@link SourceReadException}.
 */
public final class SourceSnapshot implements AutoCloseable {

    private final Connection conn;
    private final PacedRows paced;
    private final Map<String, Long> read = new LinkedHashMap<>();
    private final Map<String, Double> childrenPerRow;

    SourceSnapshot(Connection conn, Pacer pacer, Map<String, Double> childrenPerRow) {
        this.conn = conn;
        this.paced = new PacedRows(pacer);
        this.childrenPerRow = childrenPerRow;
    }

    /** The company's lists; {@code counted}: they are the task's own rows (lists group), not only a reference. */
    public List<SourceList> lists(long companyId, boolean counted) throws SourceReadException, InterruptedException {
        List<SourceList> lists = new ArrayList<>();
        try (BinaryCopyReader in = BinaryCopyReader.open(
                conn, SourceStatements.copyOut("source/lists", Map.of("company", Long.toString(companyId))), 5)) {
            while (in.next()) {
                lists.add(new SourceList(
                        in.int8(0),
                        in.int8(1),
                        in.text(2),
                        PgTime.instant(in.timestamptz(3)),
                        in.isNull(4) ? null : PgTime.instant(in.timestamptz(4))));
                paced.row();
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(SourceTables.LISTS, e);
        }
        if (counted) {
            read.merge(SourceTables.LISTS, (long) lists.size(), Long::sum);
        }
        return lists;
    }

    /** The company's list_recipients rows of buckets {@code [lo, hi]} and their children, through the rules. */
    public RecipientShard recipients(long companyId, List<SourceList> companyLists, int lo, int hi)
            throws SourceReadException, InterruptedException {
        Map<Long, SourceList> byId = new HashMap<>(companyLists.size() * 2);
        companyLists.forEach(l -> byId.put(l.id(), l));
        RecipientShard shard = new RecipientShard(companyId, byId);
        try {
            new RecipientReads(conn, shard, paced, read, childrenPerRow).read(companyId, lo, hi);
        } catch (SQLException e) {
            throw wrap(e);
        }
        return shard;
    }

    /** The company's suppressions of buckets {@code [lo, hi]}. */
    public List<SourceSuppression> suppressions(long companyId, int lo, int hi)
            throws SourceReadException, InterruptedException {
        List<SourceSuppression> rows = new ArrayList<>();
        String sql = SourceStatements.copyOut(
                "source/suppressions",
                Map.of(
                        "company", Long.toString(companyId),
                        "bucketFilter", SourceStatements.bucketFilter(lo, hi, Buckets.COUNT)));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 5)) {
            while (in.next()) {
                rows.add(new SourceSuppression(
                        in.int8(0), in.int8(1), in.text(2), in.text(3), PgTime.instant(in.timestamptz(4))));
                paced.row();
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(SourceTables.SUPPRESSIONS, e);
        }
        read.merge(SourceTables.SUPPRESSIONS, (long) rows.size(), Long::sum);
        return rows;
    }

    /** The source checksums of {@code ranges} in this snapshot: what this task read, for the next catch-up pass. */
    public BucketChecksums checksums(long companyId, List<CoveredRange> ranges) throws SourceReadException {
        try {
            return SourceChecksums.read(conn, companyId, ranges);
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Rows read so far, by legacy table (rows of other shards a range scan brought along not included). */
    public Map<String, Long> readByTable() {
        return Map.copyOf(read);
    }

    /**
     * Ends the snapshot and hands the connection back. The rollback only ends a read-only snapshot,
     * so its own failure (a connection the source already dropped: HikariCP's "Connection is
     * closed" has no SQLSTATE) is ignored; it must never hide the read's error, nor fail a shard
     * whose reads all succeeded.
     */
    @Override
    public void close() throws SourceReadException, InterruptedException {
        try (conn) {
            paced.flush();
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // Nothing to undo; the pool discards a broken connection.
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    private static SourceReadException wrap(SQLException e) {
        return e instanceof SourceReadException s ? s : new SourceReadException(e);
    }
}
