package io.migration.producer.runs;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads runs and their figures from the control tables. A dry run's rejects come from
 * {@code migration.dry_run_rejects}, every other run's from {@code migration_rejects}.
 */
public final class RunLedger {

    private final Jdbi target;

    public RunLedger(Jdbi target) {
        this.target = target;
    }

    public Optional<RunInfo> run(String runId) {
        return target.withHandle(h -> h.createQuery(SqlFiles.get("runs/run"))
                .bind("runId", runId)
                .map((rs, ctx) -> runInfo(rs))
                .findOne());
    }

    /** Every dry run with a task of one of the companies, newest first. */
    public List<RunInfo> dryRunsOf(Collection<Long> companyIds) {
        return target.withHandle(h -> h.createQuery(SqlFiles.get("runs/dry-runs-of-companies"))
                .bind("companyIds", companyIds.toArray(new Long[0]))
                .map((rs, ctx) -> runInfo(rs))
                .list());
    }

    /** The whole run, every company. */
    public RunFigures figures(RunInfo run) {
        Map<Long, CompanyFigures> byCompany =
                figures(List.of(run), List.of()).getOrDefault(run.runId(), new TreeMap<>());
        List<CompanyFigures> companies = byCompany.values().stream()
                .filter(c -> c.companyId() != TaskGroup.ORPHANS_COMPANY_ID)
                .toList();
        Optional<CompanyFigures> orphans = Optional.ofNullable(byCompany.get(TaskGroup.ORPHANS_COMPANY_ID));
        SortedMap<String, Long> sourceRows = new TreeMap<>();
        if (run.mode() == RunMode.DRY_RUN) {
            target.useHandle(h -> h.createQuery(SqlFiles.get("runs/source-rows"))
                    .bind("runId", run.runId())
                    .map((rs, ctx) -> sourceRows.put(rs.getString("table_name"), rs.getLong("rows")))
                    .list());
        }
        return new RunFigures(run, companies, orphans, sourceRows);
    }

    /**
     * Per run id, the figures of the given companies (all companies, the orphans' company 0
     * included, when {@code companyIds} is empty), in company order.
     */
    public Map<String, SortedMap<Long, CompanyFigures>> figures(Collection<RunInfo> runs, Collection<Long> companyIds) {
        String[] dryRuns = runs.stream()
                .filter(r -> r.mode() == RunMode.DRY_RUN)
                .map(RunInfo::runId)
                .toArray(String[]::new);
        String[] otherRuns = runs.stream()
                .filter(r -> r.mode() != RunMode.DRY_RUN)
                .map(RunInfo::runId)
                .toArray(String[]::new);
        String[] allRuns = runs.stream().map(RunInfo::runId).toArray(String[]::new);
        Long[] companies = companyIds.toArray(new Long[0]);
        boolean all = companies.length == 0;
        Map<String, SortedMap<Long, CompanyFigures>> out = new HashMap<>();
        target.useHandle(h -> {
            h.createQuery(SqlFiles.get("runs/company-tasks"))
                    .bind("runIds", allRuns)
                    .bind("all", all)
                    .bind("companyIds", companies)
                    .map((rs, ctx) -> companyTasks(rs))
                    .forEach(c ->
                            out.computeIfAbsent(c.runId(), k -> new TreeMap<>()).put(c.companyId(), c));
            h.createQuery(SqlFiles.get("runs/company-counts"))
                    .bind("runIds", allRuns)
                    .bind("dryRunIds", dryRuns)
                    .bind("otherRunIds", otherRuns)
                    .bind("all", all)
                    .bind("companyIds", companies)
                    .map((rs, ctx) -> {
                        String runId = rs.getString("run_id");
                        CompanyFigures c = out.computeIfAbsent(runId, k -> new TreeMap<>())
                                .computeIfAbsent(rs.getLong("company_id"), id -> CompanyFigures.empty(runId, id));
                        add(
                                c,
                                rs.getString("measure"),
                                rs.getString("table_name"),
                                rs.getString("reason"),
                                rs.getLong("rows"));
                        return c;
                    })
                    .list();
        });
        return out;
    }

    private static void add(CompanyFigures c, String measure, String table, String reason, long rows) {
        switch (measure) {
            case "read" -> c.read().merge(table, rows, Long::sum);
            case "written" -> c.written().merge(table, rows, Long::sum);
            case "contributed" -> c.contributed().merge(table, rows, Long::sum);
            default -> c.rejected().computeIfAbsent(table, k -> new TreeMap<>()).merge(reason, rows, Long::sum);
        }
    }

    private static CompanyFigures companyTasks(ResultSet rs) throws SQLException {
        return new CompanyFigures(
                rs.getString("run_id"),
                rs.getLong("company_id"),
                rs.getInt("tasks"),
                rs.getInt("succeeded"),
                rs.getInt("failed"),
                rs.getInt("started"),
                instant(rs, "first_started"),
                instant(rs, "last_finished"),
                rs.getLong("task_millis"),
                rs.getLong("rows_read"),
                rs.getString("first_error"),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>());
    }

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        return new RunInfo(
                rs.getString("run_id"),
                RunMode.fromWireName(rs.getString("mode")).orElseThrow(),
                rs.getString("selection"),
                instant(rs, "created_at"),
                rs.getString("policy"),
                rs.getBoolean("skip_readiness"),
                rs.getString("readiness_overrides"),
                rs.getString("source_fingerprint"),
                rs.getString("target_fingerprint"),
                rs.getString("source_schema"),
                rs.getString("target_schema"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
