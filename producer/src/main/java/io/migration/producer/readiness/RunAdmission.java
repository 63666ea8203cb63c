package io.migration.producer.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.schema.LegacyDdl;
import io.migration.common.shard.Buckets;
import io.migration.producer.runs.RunLedger;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@code enqueue} records with a run besides its tasks, decided before anything is recorded:
 * every run records the source's and the target's schema (description and fingerprint); a dry run its
 * readiness policy, and over all companies one more task, the orphans'; a migrate run passes the
 * {@link ReadinessGate} or, with {@code --skip-readiness-check}, records that it skipped it and what
 * it would have refused.
 */
public final class RunAdmission {

    /** The planned run and the options that decide its admission. */
    public record Request(
            String runId,
            RunMode mode,
            boolean allCompanies,
            List<PlannedTask> tasks,
            ReadinessPolicy dryRunPolicy,
            Duration maxAge,
            boolean skipReadinessCheck) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the orphans task reads: every child row and the ids of the parents. */
    private static final List<String> ORPHAN_TABLES = LegacyDdl.TABLES.subList(2, 9);

    private final Request request;
    private final List<PlannedTask> tasks;
    private final SchemaSnapshot source;
    private final SchemaSnapshot target;
    private final String overridesJson;

    private RunAdmission(
            Request request,
            List<PlannedTask> tasks,
            SchemaSnapshot source,
            SchemaSnapshot target,
            String overridesJson) {
        this.request = request;
        this.tasks = List.copyOf(tasks);
        this.source = source;
        this.target = target;
        this.overridesJson = overridesJson;
    }

    /**
     * Admits the run or throws {@link ReadinessRefusedException} after printing one line per refused
     * company on {@code err}.
     */
    public static RunAdmission admit(Request request, Jdbi sourceDb, Jdbi targetDb, Clock clock, PrintWriter err) {
        SchemaSnapshot source = SchemaReader.source(sourceDb);
        SchemaSnapshot target = SchemaReader.target(targetDb);
        List<PlannedTask> tasks = new ArrayList<>(request.tasks());
        String overrides = null;
        if (request.mode() == RunMode.DRY_RUN) {
            err.println("dry run " + request.runId() + " judged by: "
                    + request.dryRunPolicy().describe());
            if (request.allCompanies()) {
                tasks.add(orphansTask(request.runId(), sourceDb));
            }
        } else if (request.mode() == RunMode.MIGRATE) {
            List<Long> companies = request.tasks().stream()
                    .map(PlannedTask::companyId)
                    .distinct()
                    .sorted()
                    .toList();
            List<Refusal> refusals = new ReadinessGate(new RunLedger(targetDb), request.maxAge())
                    .refusals(companies, source, target, clock.instant());
            refusals.forEach(r ->
                    err.println((request.skipReadinessCheck() ? "not ready (overridden): " : "refused: ") + r.line()));
            if (request.skipReadinessCheck()) {
                err.printf(
                        "warning: readiness check skipped (--skip-readiness-check): %d of %d company(ies) would"
                                + " have been refused; run %s records the override%n",
                        refusals.size(), companies.size(), request.runId());
                overrides = overridesJson(refusals, request.maxAge());
            } else if (!refusals.isEmpty()) {
                err.flush();
                throw new ReadinessRefusedException(refusals.size(), companies.size());
            }
        }
        err.flush();
        return new RunAdmission(request, tasks, source, target, overrides);
    }

    /** The tasks to record and publish: the planned ones, and a dry run's orphans task. */
    public List<PlannedTask> tasks() {
        return tasks;
    }

    /** Records the admission with the run, in the transaction that records the run. */
    public void record(Handle h) {
        h.createUpdate(SqlFiles.get("readiness/annotate-run"))
                .bind("runId", request.runId())
                .bind(
                        "policy",
                        request.dryRunPolicy() == null
                                ? null
                                : request.dryRunPolicy().toJson())
                .bind("sourceSchema", source.json())
                .bind("sourceFingerprint", source.fingerprint())
                .bind("targetSchema", target.json())
                .bind("targetFingerprint", target.fingerprint())
                .bind("skipReadiness", request.skipReadinessCheck())
                .bind("overrides", overridesJson)
                .execute();
    }

    private static PlannedTask orphansTask(String runId, Jdbi sourceDb) {
        long estimate = sourceDb.withHandle(h -> h.createQuery(SqlFiles.get("readiness/orphans-estimate"))
                .bind("tables", ORPHAN_TABLES.toArray(new String[0]))
                .mapTo(Long.class)
                .one());
        return new PlannedTask(
                runId, TaskGroup.ORPHANS_COMPANY_ID, TaskGroup.ORPHANS, 0, 1, 0, Buckets.COUNT - 1, estimate);
    }

    private static String overridesJson(List<Refusal> refusals, Duration maxAge) {
        ObjectNode node = JSON.createObjectNode();
        node.put("max_age_days", maxAge.toDays());
        ArrayNode refused = node.putArray("refused");
        refusals.forEach(
                r -> refused.addObject().put("company_id", r.companyId()).put("reason", r.reason()));
        return node.toString();
    }
}
