package io.migration.producer.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.ledger.CutoverState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code cutover rollback}: within the rollback window of a company's switch, the rollback hook, then
 * per target table what the new service inserted, changed and deleted since the switch (against the
 * image the switch recorded). Target rows are left as they are, until a later cutover replaces them.
 */
public final class Rollback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CutoverSettings settings;
    private final Jdbi target;
    private final PrintWriter out;
    private final PrintWriter err;

    public Rollback(CutoverSettings settings, Jdbi target, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.target = target;
        this.out = out;
        this.err = err;
    }

    /** Rolls each company back; returns whether every one was. */
    public boolean run(List<Long> companies, Instant now) throws InterruptedException {
        Map<Long, CutoverLedger.Latest> latest = new CutoverLedger(target).latestOf(companies);
        Hooks hooks = settings.hooks();
        boolean all = true;
        out.println("company_id,table,inserted,changed,deleted");
        for (long company : companies) {
            Optional<String> refused = refusal(latest.get(company), now);
            if (refused.isPresent()) {
                err.println("company " + company + ": " + refused.get());
                all = false;
                continue;
            }
            CompanyCutoverRecord rec = latest.get(company).cutover();
            Optional<String> failed = hooks.run(Hooks.Kind.ROLLBACK, settings.rollbackHook(), company, rec.runId());
            if (failed.isPresent()) {
                err.println("company " + company + ": not rolled back: " + failed.get() + " (still switched)");
                all = false;
                continue;
            }
            Map<String, long[]> diff = target.withHandle(h -> TargetImage.diff(h, rec.runId(), company));
            ObjectNode report = JSON.createObjectNode();
            diff.forEach((table, n) -> {
                out.printf("%d,%s,%d,%d,%d%n", company, table, n[0], n[1], n[2]);
                report.putObject(table)
                        .put("inserted", n[0])
                        .put("changed", n[1])
                        .put("deleted", n[2]);
            });
            new CutoverLedger(target).markRolledBack(rec.runId(), company, report.toString());
            err.println("company " + company + ": rolled back (switched by run " + rec.runId() + ")");
        }
        out.flush();
        err.flush();
        return all;
    }

    private Optional<String> refusal(CutoverLedger.Latest latest, Instant now) {
        if (settings.rollbackHook() == null) {
            return Optional.of("CUTOVER_ROLLBACK_HOOK is not set");
        }
        if (latest == null || latest.cutover().state() != CutoverState.SWITCHED) {
            return Optional.of(
                    latest != null && latest.cutover().state() == CutoverState.ROLLED_BACK
                            ? "rolled back already (run " + latest.cutover().runId() + ")"
                            : "was never switched");
        }
        Instant switched = latest.cutover().switchedAt();
        if (switched.plus(settings.rollbackWindow()).isBefore(now)) {
            return Optional.of("its rollback window passed: switched " + switched + ", CUTOVER_ROLLBACK_WINDOW "
                    + settings.rollbackWindow().toDays() + " day(s)");
        }
        return Optional.empty();
    }
}
