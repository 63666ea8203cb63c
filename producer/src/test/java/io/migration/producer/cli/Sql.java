package io.migration.producer.cli;

import io.migration.common.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on a test database: what a test checks or arranges by hand. */
public final class Sql {

    private final DatabaseSettings db;

    public Sql(DatabaseSettings db) {
        this.db = db;
    }

    public void exec(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params)) {
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long number(String sql, Object... params) {
        return Long.parseLong(String.valueOf(rows(sql, params).get(0).get(0)));
    }

    public String text(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : String.valueOf(rows.get(0).get(0));
    }

    public List<List<Object>> rows(String sql, Object... params) {
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

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
