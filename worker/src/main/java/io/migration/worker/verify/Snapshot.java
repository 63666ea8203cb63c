package io.migration.worker.verify;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** A read-only, repeatable-read transaction: one consistent view of a database for one shard. */
final class Snapshot implements AutoCloseable {

    /** Maps the current row. */
    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static final int FETCH_SIZE = 2_000;

    private final Connection conn;

    Snapshot(Connection conn) throws SQLException {
        this.conn = conn;
        conn.setAutoCommit(false);
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        conn.setReadOnly(true);
    }

    /** Runs {@code sql} (a verify/*.sql file) with the given parameters; arrays are bigint or uuid. */
    void query(String sql, RowHandler handler, Object... params) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            st.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Collection<?> values) {
                    boolean uuids = !values.isEmpty() && values.iterator().next() instanceof UUID;
                    Array array = conn.createArrayOf(uuids ? "uuid" : "bigint", values.toArray());
                    st.setArray(i + 1, array);
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            conn.rollback();
        } finally {
            conn.close();
        }
    }
}
