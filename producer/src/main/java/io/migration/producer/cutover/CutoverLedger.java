package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.CoveredRange;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.CutoverState;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The cutover run's rows in the target's control tables ({@code migration.cutovers} and its tasks). */
public final class CutoverLedger {

    private final Jdbi jdbi;

    public CutoverLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<CompanyCutoverRecord> company(String runId, long companyId) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("cutover/company"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .map((rs, ctx) -> record(rs))
                .findOne());
    }

    public List<CompanyCutoverRecord> runCompanies(String runId) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("cutover/run-companies"))
                .bind("runId", runId)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /** Per company, its latest cutover and when that run was created. */
    public Map<Long, Latest> latestOf(List<Long> companyIds) {
        Map<Long, Latest> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(SqlFiles.get("cutover/latest-of-companies"))
                .bind("companyIds", companyIds.toArray(new Long[0]))
                .map((rs, ctx) ->
                        out.put(rs.getLong("company_id"), new Latest(record(rs), instant(rs, "run_created_at"))))
                .list());
        return out;
    }

    /** A company's latest cutover and its run's creation. */
    public record Latest(CompanyCutoverRecord cutover, Instant runCreatedAt) {}

    void setState(String runId, long companyId, CutoverState state) {
        update("set-state", runId, companyId, Map.of("state", state.wireName()));
    }

    /** Reserves {@code count} shard numbers (a pass's tasks), counting the pass and its rows; returns the first. */
    int reserveShards(String runId, long companyId, int count, int passes, long rows) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("cutover/reserve-shards"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("count", count)
                .bind("passes", passes)
                .bind("rows", rows)
                .mapTo(Integer.class)
                .one());
    }

    void insertTasks(List<PlannedTask> tasks, RunMode mode) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(SqlFiles.get("cutover/insert-task"));
            for (PlannedTask t : tasks) {
                batch.bind("runId", t.runId())
                        .bind("companyId", t.companyId())
                        .bind("group", t.group().wireName())
                        .bind("shard", t.shard())
                        .bind("shardCount", t.shardCount())
                        .bind("bucketLo", t.bucketLo())
                        .bind("bucketHi", t.bucketHi())
                        .bind("estimatedRows", t.estimatedRows())
                        .bind("mode", mode.wireName())
                        .add();
            }
            batch.execute();
        });
    }

    List<PassTask> tasks(String runId, long companyId, List<Integer> shards) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("cutover/task-states"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("shards", shards.toArray(new Integer[0]))
                .map((rs, ctx) -> new PassTask(
                        rs.getInt("shard"),
                        TaskGroup.fromWireName(rs.getString("task_group")).orElseThrow(),
                        rs.getInt("bucket_lo"),
                        rs.getInt("bucket_hi"),
                        TaskState.of(rs.getString("state")),
                        rs.getString("error"),
                        rs.getLong("rows_read"),
                        BucketChecksums.fromJson(rs.getString("source_checksums"))))
                .list());
    }

    /** What the company's succeeded copies read, the later copy of a range winning. */
    BucketChecksums copiedChecksums(String runId, long companyId) {
        return jdbi.withHandle(h -> {
            BucketChecksums[] copied = {BucketChecksums.empty()};
            h.createQuery(SqlFiles.get("cutover/copied-checksums"))
                    .bind("runId", runId)
                    .bind("companyId", companyId)
                    .map((rs, ctx) -> copied[0] = copied[0].overlay(
                            CoveredRange.of(
                                    TaskGroup.fromWireName(rs.getString("task_group"))
                                            .orElseThrow(),
                                    rs.getInt("bucket_lo"),
                                    rs.getInt("bucket_hi")),
                            BucketChecksums.fromJson(rs.getString("source_checksums"))))
                    .list();
            return copied[0];
        });
    }

    void markFreezeStarted(String runId, long companyId) {
        update("mark-freeze-started", runId, companyId, Map.of());
    }

    void markFrozen(String runId, long companyId) {
        update("mark-frozen", runId, companyId, Map.of());
    }

    void markSwitchStarted(String runId, long companyId, long finalDeltaRows, String verificationJson) {
        jdbi.useHandle(h -> h.createUpdate(SqlFiles.get("cutover/mark-switch-started"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("finalDeltaRows", finalDeltaRows)
                .bind("verification", verificationJson)
                .execute());
    }

    void markSwitched(String runId, long companyId) {
        update("mark-switched", runId, companyId, Map.of());
    }

    void markFailed(String runId, long companyId, String reason, String verificationJson, boolean unfrozen) {
        jdbi.useHandle(h -> h.createUpdate(SqlFiles.get("cutover/mark-failed"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("reason", reason)
                .bind("verification", verificationJson)
                .bind("unfrozen", unfrozen)
                .execute());
    }

    void markRolledBack(String runId, long companyId, String reportJson) {
        jdbi.useHandle(h -> h.createUpdate(SqlFiles.get("cutover/mark-rolled-back"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("report", reportJson)
                .execute());
    }

    List<TableVerification> verification(String runId, long companyId, List<Integer> shards) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("cutover/verify-results"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .bind("shards", shards.toArray(new Integer[0]))
                .map((rs, ctx) -> new TableVerification(
                        rs.getString("target_table"),
                        rs.getLong("expected_rows"),
                        rs.getLong("actual_rows"),
                        rs.getLong("missing"),
                        rs.getLong("unexpected"),
                        rs.getLong("changed"),
                        rs.getBoolean("checksums_agree"),
                        rs.getString("samples")))
                .list());
    }

    /** The company's rejects in the target by reason: this run's, and how many another run filed. */
    Rejects rejects(String runId, long companyId) {
        Map<String, Long> mine = new HashMap<>();
        long[] others = {0};
        jdbi.useHandle(h -> h.createQuery(SqlFiles.get("cutover/rejects-by-reason"))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .map((rs, ctx) -> {
                    if (rs.getBoolean("this_run")) {
                        mine.put(rs.getString("reason"), rs.getLong("n"));
                    } else {
                        others[0] += rs.getLong("n");
                    }
                    return null;
                })
                .list());
        return new Rejects(Map.copyOf(mine), others[0]);
    }

    record Rejects(Map<String, Long> byReason, long otherRuns) {}

    private void update(String file, String runId, long companyId, Map<String, Object> more) {
        jdbi.useHandle(h -> {
            var u = h.createUpdate(SqlFiles.get("cutover/" + file))
                    .bind("runId", runId)
                    .bind("companyId", companyId);
            more.forEach(u::bind);
            u.execute();
        });
    }

    private static CompanyCutoverRecord record(ResultSet rs) throws SQLException {
        long window = rs.getLong("freeze_window_ms");
        Long freezeWindow = rs.wasNull() ? null : window;
        long delta = rs.getLong("final_delta_rows");
        Long finalDelta = rs.wasNull() ? null : delta;
        return new CompanyCutoverRecord(
                rs.getString("run_id"),
                rs.getLong("company_id"),
                CutoverState.of(rs.getString("state")),
                rs.getInt("passes"),
                rs.getLong("rows_recopied"),
                rs.getInt("next_shard"),
                rs.getString("policy"),
                instant(rs, "freeze_started_at"),
                instant(rs, "frozen_at"),
                instant(rs, "unfrozen_at"),
                instant(rs, "switch_started_at"),
                instant(rs, "switched_at"),
                freezeWindow,
                finalDelta,
                rs.getString("verification"),
                rs.getString("reason"),
                instant(rs, "rolled_back_at"),
                rs.getString("rollback_report"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
