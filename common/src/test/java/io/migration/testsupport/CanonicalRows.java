package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Turns query results into canonical, comparable row strings, the same way for the source oracle
 * ({@link ExpectedResults}) and the target ({@link ActualResults}): columns joined with {@code |};
 * NULL as {@code \N}; {@code \}, {@code |}, newline, carriage return and tab escaped with a
 * backslash; {@code timestamptz} as UTC ISO-8601 with microseconds
 * ({@code 2024-01-02T03:04:05.000006Z}); {@code uuid} lower-case; {@code jsonb} as PostgreSQL's
 * jsonb text (key order is canonical there); numbers in decimal. Lists come back sorted.
 */
public final class CanonicalRows {

    public static final String NULL = "\\N";
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private CanonicalRows() {}

    /** Runs {@code sql}; a {@code Collection<Long>} parameter is bound as a {@code bigint[]}. */
    public static List<String> query(Connection conn, String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            bind(conn, st, params);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    rows.add(row(rs, md));
                }
            }
        }
        Collections.sort(rows);
        return rows;
    }

    static void bind(Connection conn, PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Collection<?> ids) {
                Array array = conn.createArrayOf(
                        "bigint",
                        ids.stream().map(id -> ((Number) id).longValue()).toArray(Long[]::new));
                st.setArray(i + 1, array);
            } else if (p == null) {
                st.setNull(i + 1, Types.VARCHAR);
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    /** The current row of {@code rs} as a canonical string. */
    public static String row(ResultSet rs, ResultSetMetaData md) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (int c = 1; c <= md.getColumnCount(); c++) {
            if (c > 1) {
                out.append('|');
            }
            out.append(value(rs, md.getColumnTypeName(c), c));
        }
        return out.toString();
    }

    private static String value(ResultSet rs, String type, int c) throws SQLException {
        switch (type) {
            case "timestamptz" -> {
                OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                return t == null ? NULL : TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC));
            }
            case "timestamp" -> {
                LocalDateTime t = rs.getObject(c, LocalDateTime.class);
                return t == null ? NULL : TIMESTAMP.format(t);
            }
            default -> {
                String s = rs.getString(c);
                return s == null ? NULL : escape(s);
            }
        }
    }

    /** Escapes a text value so that {@code |} separates columns unambiguously and {@code \N} means NULL. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
