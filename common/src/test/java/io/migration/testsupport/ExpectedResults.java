package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The test oracle: what MIGRATION.md says the target must hold for some companies, computed by SQL
 * straight from the SOURCE database ({@code expected/*.sql}, independent of the Java pipeline).
 * Each table comes back as a sorted list of {@link CanonicalRows canonical row strings} with the
 * contract's columns ({@link #COLUMNS}), comparable with {@link ActualResults}.
 *
 * <p>The source database needs the {@code pgcrypto} extension (R2's SHA-1): see
 * {@link #installPgcrypto(DatabaseSettings)}.
 */
public final class ExpectedResults {

    /** The expected rejects' key in the maps returned here and by {@link ActualResults}. */
    public static final String REJECTS = "migration_rejects";

    /** The contract's columns of each target table, in order, with {@link #REJECTS} last. */
    public static final Map<String, List<String>> COLUMNS = columns();

    /** The target tables of the contract (without {@link #REJECTS}), in dependency order. */
    public static final List<String> TABLES = List.of(
            "lists",
            "recipients",
            "recipient_lists",
            "recipient_attributes",
            "recipient_tags",
            "recipient_activity",
            "suppressions");

    private ExpectedResults() {}

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("lists", List.of("id", "company_id", "name", "created_at"));
        m.put(
                "recipients",
                List.of("id", "company_id", "email", "first_name", "last_name", "phone", "created_at", "updated_at"));
        m.put(
                "recipient_lists",
                List.of("recipient_id", "list_id", "company_id", "status", "source", "joined_at", "updated_at"));
        m.put("recipient_attributes", List.of("recipient_id", "company_id", "name", "value"));
        m.put("recipient_tags", List.of("recipient_id", "company_id", "tag"));
        m.put(
                "recipient_activity",
                List.of("id", "recipient_id", "company_id", "list_id", "kind", "campaign_id", "occurred_at", "detail"));
        m.put("suppressions", List.of("company_id", "email", "reason", "created_at"));
        m.put(REJECTS, List.of("company_id", "source_table", "source_id", "reason"));
        return Collections.unmodifiableMap(m);
    }

    // ---- the SQL -------------------------------------------------------------------------

    /**
     * The complete query for a target table name, {@link #REJECTS}, or {@code "accounting"}: the
     * common {@code expected/base.sql} followed by that file. One parameter: a {@code bigint[]}.
     */
    public static String sql(String name) {
        String file = REJECTS.equals(name) ? "rejects" : name;
        return resource("base.sql") + "\n" + resource(file + ".sql");
    }

    static String resource(String file) {
        String path = "/expected/" + file;
        try (InputStream in = ExpectedResults.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no oracle query " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- all tables ----------------------------------------------------------------------

    /** Every target table's expected rows and the expected rejects ({@link #REJECTS}), by table name. */
    public static Map<String, List<String>> compute(DatabaseSettings source, Collection<Long> companyIds) {
        try (Connection conn = CanonicalRows.connect(source)) {
            return compute(conn, companyIds);
        } catch (SQLException e) {
            throw failure("compute expected results", e);
        }
    }

    public static Map<String, List<String>> compute(DataSource source, Collection<Long> companyIds) {
        try (Connection conn = source.getConnection()) {
            return compute(conn, companyIds);
        } catch (SQLException e) {
            throw failure("compute expected results", e);
        }
    }

    public static Map<String, List<String>> compute(Connection source, Collection<Long> companyIds)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : COLUMNS.keySet()) {
            out.put(table, table(source, table, companyIds));
        }
        return out;
    }

    // ---- one table -----------------------------------------------------------------------

    /** One target table's expected rows (or {@link #REJECTS}: company_id|source_table|source_id|reason). */
    public static List<String> table(DatabaseSettings source, String table, Collection<Long> companyIds) {
        try (Connection conn = CanonicalRows.connect(source)) {
            return table(conn, table, companyIds);
        } catch (SQLException e) {
            throw failure("compute expected " + table, e);
        }
    }

    public static List<String> table(DataSource source, String table, Collection<Long> companyIds) {
        try (Connection conn = source.getConnection()) {
            return table(conn, table, companyIds);
        } catch (SQLException e) {
            throw failure("compute expected " + table, e);
        }
    }

    public static List<String> table(Connection source, String table, Collection<Long> companyIds) throws SQLException {
        if (!COLUMNS.containsKey(table)) {
            throw new IllegalArgumentException("not a contract table: " + table);
        }
        return CanonicalRows.query(source, sql(table), List.copyOf(companyIds));
    }

    /** The expected rejects: {@code company_id|source_table|source_id|reason}. */
    public static List<String> rejects(DatabaseSettings source, Collection<Long> companyIds) {
        return table(source, REJECTS, companyIds);
    }

    // ---- R12 and R10 ---------------------------------------------------------------------

    /**
     * R12 check of the oracle itself: the source rows of these companies that are not accounted for
     * exactly once (contributing to an expected target row, or an expected reject), as
     * {@code source_table|source_id|company_id|source_rows|contributes|rejects}. Empty when all is well.
     */
    public static List<String> accountingViolations(DatabaseSettings source, Collection<Long> companyIds) {
        try (Connection conn = CanonicalRows.connect(source)) {
            return CanonicalRows.query(conn, sql("accounting"), List.copyOf(companyIds));
        } catch (SQLException e) {
            throw failure("run the R12 accounting query", e);
        }
    }

    /**
     * R10: per child table, how many rows have a {@code list_recipient_id} that does not exist
     * (they belong to no company; a dry run over all companies reports them as {@code orphan_recipient}).
     */
    public static Map<String, Long> orphanChildren(DatabaseSettings source) {
        Map<String, Long> out = new TreeMap<>();
        try (Connection conn = CanonicalRows.connect(source);
                Statement st = conn.createStatement();
                var rs = st.executeQuery(resource("orphan_children.sql"))) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("count orphan children", e);
        }
        return out;
    }

    /** All company ids of the source's {@code companies} table, ascending. */
    public static List<Long> allCompanyIds(DatabaseSettings source) {
        List<Long> ids = new ArrayList<>();
        try (Connection conn = CanonicalRows.connect(source);
                Statement st = conn.createStatement();
                var rs = st.executeQuery("SELECT id FROM companies ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw failure("list companies", e);
        }
        return ids;
    }

    /** Creates pgcrypto in the source database (needs a superuser or a trusted-extension owner). */
    public static void installPgcrypto(DatabaseSettings source) {
        try (Connection conn = CanonicalRows.connect(source);
                Statement st = conn.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        } catch (SQLException e) {
            throw failure("create extension pgcrypto", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        String hint = "42883".equals(e.getSQLState())
                ? " (digest() missing: run ExpectedResults.installPgcrypto(source) first)"
                : "";
        return new IllegalStateException("cannot " + what + ": " + e.getMessage() + hint, e);
    }
}
