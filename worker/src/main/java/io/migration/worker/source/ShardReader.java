package io.migration.worker.source;

import io.migration.common.db.SqlFiles;
import io.migration.worker.pace.Pacer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The worker's way into the source: a task reads through one {@link SourceSnapshot}. Every failure
 * talking to the source comes out as a {@link SourceReadException}, so the caller can tell a source
 * outage from a target one.
 */
public final class ShardReader {

    /** Statistics move slowly: the children per row of each table are read again after this long. */
    private static final long STATISTICS_MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final DataSource source;
    private volatile Map<String, Double> childrenPerRow = Map.of();
    private volatile long statisticsReadAt;

    public ShardReader(DataSource source) {
        this.source = source;
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

    /** Children per list_recipients row of each child table (ParentIds), read at most every ten minutes. */
    private Map<String, Double> childrenPerRow(Connection conn) throws SQLException {
        long now = System.nanoTime();
        if (statisticsReadAt != 0 && now - statisticsReadAt < STATISTICS_MAX_AGE_NANOS) {
            return childrenPerRow;
        }
        Map<String, Double> ratios = new HashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(SqlFiles.get("source/children-per-row"))) {
            while (rs.next()) {
                double ratio = rs.getDouble(2);
                if (!rs.wasNull()) {
                    ratios.put(rs.getString(1), ratio);
                }
            }
        }
        childrenPerRow = Map.copyOf(ratios);
        statisticsReadAt = now;
        return childrenPerRow;
    }

    /**
     * Opens a snapshot for one task, calling {@code pacer} per chunk of rows the source sends (rows of
     * other shards that a range scan brings along count too: the source did the work).
     */
    public SourceSnapshot open(Pacer pacer) throws SourceReadException {
        Connection conn = null;
        try {
            conn = source.getConnection();
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement settings = conn.createStatement()) {
                settings.execute(SqlFiles.get("source/snapshot-settings"));
            }
            return new SourceSnapshot(conn, pacer, childrenPerRow(conn));
        } catch (SQLException e) {
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new SourceReadException(e);
        }
    }
}
