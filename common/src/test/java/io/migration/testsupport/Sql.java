package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on a test database, for what a test arranges or checks by hand: what a worker would
 * write, what a DBA would alter. A connection per call; an error names the statement.
 */
public final class Sql {

    private final DatabaseSettings db;

    public Sql(DatabaseSettings db) {
        this.db = db;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Runs one statement of any kind (DDL, DML). */
    public void exec(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params)) {
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row, its columns as the driver's objects (Integer, Long, String…). */
    public List<List<Object>> values(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row, its columns as text joined by " | " (null as "null"). */
    public List<String> rows(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the only row, as text (null for SQL NULL); no row or several is an error. */
    public String one(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException(sql + " returned no row");
            }
            String value = rs.getString(1);
            if (rs.next()) {
                throw new IllegalStateException(sql + " returned more than one row");
            }
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** {@link #one} as a number (a count, a sum). */
    public long number(String sql, Object... params) {
        return Long.parseLong(one(sql, params));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
