package io.migration.producer.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.CutoverState;
import io.migration.producer.readiness.ReadinessGate;
import io.migration.producer.readiness.ReadinessPolicy;
import io.migration.producer.readiness.Refusal;
import io.migration.producer.readiness.SchemaReader;
import io.migration.producer.readiness.SchemaSnapshot;
import io.migration.producer.runs.RunInfo;
import io.migration.producer.runs.RunLedger;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which companies a new cutover run may take: each must be in its scheduled window (unless
 * {@code --unscheduled}), have a recent passing dry run on the schemas the databases have now (unless
 * {@code --skip-readiness-check}), and not be switched already. Overrides are recorded with the run;
 * the passing dry run's policy is what the final rows are judged by again.
 */
final class CutoverAdmission {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> refused = new ArrayList<>();
    private final List<Refusal> overridden = new ArrayList<>();
    private final List<Refusal> unscheduled = new ArrayList<>();
    private final Map<Long, String> policies = new HashMap<>();
    private final SchemaSnapshot sourceSchema;
    private final SchemaSnapshot targetSchema;
    private final boolean skipReadiness;
    private final boolean allowUnscheduled;

    private CutoverAdmission(
            SchemaSnapshot source, SchemaSnapshot target, boolean skipReadiness, boolean allowUnscheduled) {
        this.sourceSchema = source;
        this.targetSchema = target;
        this.skipReadiness = skipReadiness;
        this.allowUnscheduled = allowUnscheduled;
    }

    static CutoverAdmission judge(
            List<Long> companies,
            Jdbi source,
            Jdbi target,
            Duration maxAge,
            Instant now,
            boolean skipReadiness,
            boolean allowUnscheduled,
            PrintWriter err) {
        CutoverAdmission a = new CutoverAdmission(
                SchemaReader.source(source), SchemaReader.target(target), skipReadiness, allowUnscheduled);
        Map<Long, CutoverLedger.Latest> latest = new CutoverLedger(target).latestOf(companies);
        Map<Long, SwitchWindow> windows = new SwitchWindows(target).of(companies);
        for (long company : companies) {
            CutoverLedger.Latest l = latest.get(company);
            if (l != null && l.cutover().state() == CutoverState.SWITCHED) {
                a.refused.add("company " + company + ": switched by run "
                        + l.cutover().runId() + " already (cutover rollback first)");
                continue;
            }
            SwitchWindow w = windows.get(company);
            String outside = w == null
                    ? "no switch window scheduled"
                    : !w.active()
                            ? "its window " + w.interval() + " was " + w.state()
                                    + (w.stateReason() == null ? "" : " (" + w.stateReason() + ")")
                            : !w.holds(now) ? "outside its switch window " + w.interval() : null;
            if (outside != null) {
                if (allowUnscheduled) {
                    a.unscheduled.add(new Refusal(company, outside));
                } else {
                    a.refused.add("company " + company + ": " + outside);
                }
            }
        }
        ReadinessGate gate = new ReadinessGate(new RunLedger(target), maxAge);
        for (Refusal r : gate.refusals(companies, a.sourceSchema, a.targetSchema, now)) {
            if (skipReadiness) {
                a.overridden.add(r);
            } else {
                a.refused.add(r.line());
            }
        }
        if (!skipReadiness) {
            for (Map.Entry<Long, RunInfo> e : gate.latestPassing(companies).entrySet()) {
                a.policies.put(
                        e.getKey(),
                        ReadinessPolicy.fromJson(e.getValue().policyJson()).toJson());
            }
        }
        a.overridden.forEach(r -> err.println("not ready (overridden): " + r.line()));
        a.unscheduled.forEach(r -> err.println("not in its window (overridden): " + r.line()));
        a.refused.forEach(line -> err.println("refused: " + line));
        err.flush();
        return a;
    }

    List<String> refused() {
        return refused;
    }

    /** The thresholds the company's final rows are judged by (null: the readiness check was skipped). */
    String policyOf(long company) {
        return policies.get(company);
    }

    /** In the run's recording transaction. */
    void record(Handle h, String runId) {
        ObjectNode overrides = JSON.createObjectNode();
        ArrayNode ready = overrides.putArray("refused");
        overridden.forEach(
                r -> ready.addObject().put("company_id", r.companyId()).put("reason", r.reason()));
        ArrayNode window = overrides.putArray("unscheduled");
        unscheduled.forEach(
                r -> window.addObject().put("company_id", r.companyId()).put("reason", r.reason()));
        h.createUpdate(SqlFiles.get("cutover/annotate-run"))
                .bind("runId", runId)
                .bind("sourceSchema", sourceSchema.json())
                .bind("sourceFingerprint", sourceSchema.fingerprint())
                .bind("targetSchema", targetSchema.json())
                .bind("targetFingerprint", targetSchema.fingerprint())
                .bind("skipReadiness", skipReadiness)
                .bind("unscheduled", allowUnscheduled)
                .bind("overrides", overrides.toString())
                .execute();
    }
}
