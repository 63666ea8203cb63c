package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the TARGET database holds for some companies, in the same canonical form and with the same
 * contract columns as {@link ExpectedResults} (implementation columns such as {@code shard_bucket}
 * are left out). Rejects are {@code company_id|source_table|source_id|reason} of one run, or of
 * every run when the run id is {@code null}.
 */
public final class ActualResults {

    private ActualResults() {}

    public static Map<String, List<String>> read(DatabaseSettings target, Collection<Long> companyIds, String runId) {
        try (Connection conn = CanonicalRows.connect(target)) {
            return read(conn, companyIds, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the target: " + e.getMessage(), e);
        }
    }

    public static Map<String, List<String>> read(DataSource target, Collection<Long> companyIds, String runId) {
        try (Connection conn = target.getConnection()) {
            return read(conn, companyIds, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the target: " + e.getMessage(), e);
        }
    }

    public static Map<String, List<String>> read(Connection target, Collection<Long> companyIds, String runId)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : ExpectedResults.TABLES) {
            out.put(table, table(target, table, companyIds));
        }
        out.put(ExpectedResults.REJECTS, rejects(target, companyIds, runId));
        return out;
    }

    /** One target table's rows of these companies (not for the rejects: see {@link #rejects}). */
    public static List<String> table(DatabaseSettings target, String table, Collection<Long> companyIds) {
        try (Connection conn = CanonicalRows.connect(target)) {
            return table(conn, table, companyIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read target " + table + ": " + e.getMessage(), e);
        }
    }

    public static List<String> table(Connection target, String table, Collection<Long> companyIds) throws SQLException {
        if (!ExpectedResults.TABLES.contains(table)) {
            throw new IllegalArgumentException("not a contract target table: " + table);
        }
        String sql = "SELECT " + String.join(", ", ExpectedResults.COLUMNS.get(table)) + " FROM public." + table
                + " WHERE company_id = ANY (?)";
        return CanonicalRows.query(target, sql, List.copyOf(companyIds));
    }

    /** The recorded rejects of these companies for {@code runId}, or for all runs when it is null. */
    public static List<String> rejects(DatabaseSettings target, Collection<Long> companyIds, String runId) {
        try (Connection conn = CanonicalRows.connect(target)) {
            return rejects(conn, companyIds, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read target rejects: " + e.getMessage(), e);
        }
    }

    public static List<String> rejects(Connection target, Collection<Long> companyIds, String runId)
            throws SQLException {
        String columns = String.join(", ", ExpectedResults.COLUMNS.get(ExpectedResults.REJECTS));
        if (runId == null) {
            return CanonicalRows.query(
                    target,
                    "SELECT " + columns + " FROM public.migration_rejects WHERE company_id = ANY (?)",
                    List.copyOf(companyIds));
        }
        return CanonicalRows.query(
                target,
                "SELECT " + columns + " FROM public.migration_rejects WHERE company_id = ANY (?) AND run_id = ?",
                List.copyOf(companyIds),
                runId);
    }
}
