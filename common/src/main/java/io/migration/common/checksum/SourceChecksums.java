package io.migration.common.checksum;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a company's {@link BucketChecksums} from the source with {@code cutover/*-checksums.sql}, in
 * the caller's transaction (the worker: the snapshot its copy read; the producer: the moment it
 * compares). The same statements on both sides, so equal sums mean equal rows.
 */
public final class SourceChecksums {

    private static final String BUCKET = SqlFiles.get("source/bucket").strip();

    private SourceChecksums() {}

    /** Must run inside a transaction (it sets the session's time zone for the transaction only). */
    public static BucketChecksums read(Connection conn, long companyId, List<CoveredRange> ranges) throws SQLException {
        BucketChecksums.Builder out = new BucketChecksums.Builder();
        try (Statement st = conn.createStatement()) {
            st.execute(SqlFiles.get("cutover/utc-session"));
            for (CoveredRange r : ranges) {
                String file = switch (r.group()) {
                    case LISTS -> "cutover/list-checksums";
                    case RECIPIENTS -> "cutover/recipient-checksums";
                    case SUPPRESSIONS -> "cutover/suppression-checksums";
                    default -> throw new IllegalArgumentException("no checksums for " + r.group());
                };
                try (ResultSet rs = st.executeQuery(statement(file, companyId, r))) {
                    while (rs.next()) {
                        out.put(r.group(), rs.getInt(1), new BucketSum(rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
        return out.build();
    }

    /** Every group of a company, whole. */
    public static BucketChecksums readCompany(Connection conn, long companyId) throws SQLException {
        return read(conn, companyId, CoveredRange.of(TaskGroup.COMPANY, 0, Buckets.COUNT - 1));
    }

    private static String statement(String file, long companyId, CoveredRange r) {
        Map<String, String> parts = new HashMap<>();
        parts.put("bucket", BUCKET);
        parts.put("company", Long.toString(companyId));
        String filter = "";
        if (r.lo() != 0 || r.hi() != Buckets.COUNT - 1) {
            filter = SqlFiles.fill(
                    "source/bucket-filter",
                    Map.of("bucket", BUCKET, "lo", Integer.toString(r.lo()), "hi", Integer.toString(r.hi())));
        }
        parts.put("bucketFilter", filter);
        return SqlFiles.fill(file, parts);
    }
}
