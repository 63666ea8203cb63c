package io.migration.producer.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.RunMode;
import io.migration.producer.enqueue.CompanySize;
import io.migration.producer.readiness.DryRunFigures;
import io.migration.producer.readiness.ReadinessPolicy;
import io.migration.producer.readiness.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * What happens while the company is frozen, before the switch hook: wait for the application's
 * transactions begun before the freeze, copy the final delta, verify every target table to the row
 * (the fleet's independent verify tasks), check that the company's rejects are this run's (R13), and
 * judge readiness again on the final rows. The first failure is the result's reason.
 */
final class FinalChecks {

    /**
     * Verify tasks are cut finer than copies, in about this many, since they run while the company is
     * frozen and should spread over the fleet's consumers; not below {@link #MIN_VERIFY_SHARD_ROWS}
     * source rows, as each re-reads the company's parent rows.
     */
    static final int VERIFY_TASKS = 4;

    static final int MIN_VERIFY_SHARD_ROWS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The final delta's rows and the company's source rows once frozen. */
    record Delta(long changedRows, long sourceRows) {}

    record Result(String failure, long finalDeltaRows, String verificationJson) {}

    private final CutoverContext ctx;
    private final long companyId;
    private final CompanySize size;
    private final Callable<Delta> finalDelta;

    FinalChecks(CutoverContext ctx, long companyId, CompanySize size, Callable<Delta> finalDelta) {
        this.ctx = ctx;
        this.companyId = companyId;
        this.size = size;
        this.finalDelta = finalDelta;
    }

    /** Seconds each step of the freeze took, for the log. */
    private final StringBuilder steps = new StringBuilder();

    private long mark = System.nanoTime();

    String steps() {
        return steps.toString();
    }

    private void step(String name) {
        long now = System.nanoTime();
        steps.append(steps.isEmpty() ? "" : ", ")
                .append(name)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.2f", (now - mark) / 1e9));
        mark = now;
    }

    Result run() throws Exception {
        Instant frozen = ctx.source().now();
        long open = ctx.source().awaitDrained(frozen, ctx.settings().drainTimeout());
        step("drain");
        if (open > 0) {
            return new Result(
                    open + " source transaction(s) begun before the freeze still open after "
                            + ctx.settings().drainTimeout().toSeconds() + " s (CUTOVER_DRAIN_TIMEOUT)",
                    0,
                    null);
        }
        Delta delta = finalDelta.call();
        step("final delta");
        long rows = size.listRows() + size.recipientRows() + size.suppressionRows();
        int shardRows = (int) Math.max(MIN_VERIFY_SHARD_ROWS, (rows + VERIFY_TASKS - 1) / VERIFY_TASKS);
        List<PlannedTask> planned = PassPlanner.whole(ctx.runId(), size, shardRows);
        List<PlannedTask> verify =
                PassPlanner.from(planned, ctx.ledger().reserveShards(ctx.runId(), companyId, planned.size(), 0, 0));
        ctx.dispatch().send(verify, RunMode.VERIFY);
        List<Integer> shards = verify.stream().map(PlannedTask::shard).toList();
        try {
            ctx.dispatch().await(ctx.runId(), companyId, shards, ctx.settings().copyTimeout());
        } catch (TaskDispatch.PassFailedException e) {
            return new Result("verification: " + e.getMessage(), delta.changedRows(), null);
        }
        step("verify");
        List<TableVerification> tables = ctx.ledger().verification(ctx.runId(), companyId, shards);
        String json = json(tables);
        List<String> differing = tables.stream()
                .filter(t -> !t.agrees())
                .map(TableVerification::describe)
                .toList();
        if (tables.isEmpty() || !differing.isEmpty()) {
            return new Result(
                    "verification: " + (tables.isEmpty() ? "nothing recorded" : String.join("; ", differing)),
                    delta.changedRows(),
                    json);
        }
        CutoverLedger.Rejects rejects = ctx.ledger().rejects(ctx.runId(), companyId);
        if (rejects.otherRuns() > 0) {
            return new Result(
                    rejects.otherRuns() + " reject(s) of the company filed by other runs (R13)",
                    delta.changedRows(),
                    json);
        }
        String policyJson =
                ctx.ledger().company(ctx.runId(), companyId).orElseThrow().policyJson();
        if (policyJson != null) {
            Verdict verdict = ReadinessPolicy.fromJson(policyJson)
                    .judge(new DryRunFigures(1, 1, 0, delta.sourceRows(), new TreeMap<>(rejects.byReason()), null));
            if (!verdict.passed()) {
                return new Result(
                        "readiness on the final rows: " + String.join("; ", verdict.reasons()),
                        delta.changedRows(),
                        json);
            }
        }
        return new Result(null, delta.changedRows(), json);
    }

    private static String json(List<TableVerification> tables) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("verified", !tables.isEmpty() && tables.stream().allMatch(TableVerification::agrees));
        ArrayNode list = root.putArray("tables");
        for (TableVerification t : tables) {
            ObjectNode n = list.addObject()
                    .put("table", t.table())
                    .put("expected_rows", t.expectedRows())
                    .put("actual_rows", t.actualRows())
                    .put("missing", t.missing())
                    .put("unexpected", t.unexpected())
                    .put("changed", t.changed());
            if (t.samplesJson() != null) {
                n.set("sample", JSON.readTree(t.samplesJson()));
            }
        }
        return root.toString();
    }
}
