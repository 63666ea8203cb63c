package io.migration.producer.it;

import io.migration.common.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for what a test does by hand on a database: what a worker would write, what a DBA would alter. */
public final class Sql {

    private Sql() {}

    public static int update(DatabaseSettings db, String sql, Object... params) {
        try (Connection conn = connect(db);
                PreparedStatement st = conn.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row, its columns as text joined by " | ". */
    public static List<String> rows(DatabaseSettings db, String sql, Object... params) {
        try (Connection conn = connect(db);
                PreparedStatement st = conn.prepareStatement(sql)) {
            bind(st, params);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the only row. */
    public static String one(DatabaseSettings db, String sql, Object... params) {
        try (Connection conn = connect(db);
                PreparedStatement st = conn.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(sql + " returned no row");
                }
                String value = rs.getString(1);
                if (rs.next()) {
                    throw new IllegalStateException(sql + " returned more than one row");
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }

    private static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
