package io.migration.producer.cutover;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The end of a company's cutover: the switch hook with the target's image taken in a snapshot from
 * before it (so the new service's first writes are not in it, and the image costs the freeze window
 * nothing), or the unfreeze hook and one recorded reason.
 */
final class Switchover {

    private final CutoverContext ctx;
    private final long companyId;
    private final PrintWriter log;

    Switchover(CutoverContext ctx, long companyId, PrintWriter log) {
        this.ctx = ctx;
        this.companyId = companyId;
        this.log = log;
    }

    CompanyOutcome run() throws InterruptedException {
        Optional<String> failed;
        try (Handle h = ctx.target().open()) {
            h.getConnection().setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            h.begin();
            h.createQuery("SELECT 1").mapTo(Integer.class).one();
            failed = ctx.hooks().run(Hooks.Kind.SWITCH, ctx.settings().switchHook(), companyId, ctx.runId());
            if (failed.isEmpty()) {
                recordImage(h);
            } else {
                rollbackQuietly(h);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the target's snapshot: " + Reasons.of(e), e);
        }
        return failed.isPresent() ? abandon(failed.get(), true, null) : switched();
    }

    /** The switch happened: an image that cannot be recorded costs the rollback report, not the switch. */
    private void recordImage(Handle h) {
        try {
            TargetImage.record(h, ctx.runId(), companyId);
            h.commit();
        } catch (RuntimeException e) {
            rollbackQuietly(h);
            log.printf(
                    "company %d: switched, but its target image was not recorded (%s): a rollback will not"
                            + " report what the new service wrote%n",
                    companyId, Reasons.of(e));
        }
    }

    private static void rollbackQuietly(Handle h) {
        try {
            h.rollback();
        } catch (RuntimeException ignored) {
            // Only the snapshot is lost; the connection goes back to the pool or is discarded.
        }
    }

    /** A run that died between the switch hook's start and its record: the hook again (it is idempotent). */
    CompanyOutcome resume(CompanyCutoverRecord rec) throws InterruptedException {
        Optional<String> failed =
                ctx.hooks().run(Hooks.Kind.SWITCH, ctx.settings().switchHook(), companyId, ctx.runId());
        if (failed.isPresent()) {
            return abandon(failed.get(), true, null);
        }
        ctx.target().useTransaction(h -> TargetImage.record(h, ctx.runId(), companyId));
        return switched();
    }

    private CompanyOutcome switched() {
        ctx.ledger().markSwitched(ctx.runId(), companyId);
        ctx.windows().markUsed(companyId);
        CompanyCutoverRecord rec = ctx.ledger().company(ctx.runId(), companyId).orElseThrow();
        log.printf(
                "company %d: switched (freeze window %.3f s, %d catch-up pass(es), %d rows re-copied)%n",
                companyId, rec.freezeWindowMillis() / 1000.0, rec.passes(), rec.rowsRecopied());
        log.flush();
        return new CompanyOutcome(companyId, true, null, rec.freezeWindowMillis());
    }

    /** Leaves the company on the legacy tables: unfrozen when it was frozen, its window cancelled. */
    CompanyOutcome abandon(String reason, boolean frozen, String verificationJson) throws InterruptedException {
        String why = reason;
        boolean unfrozen = false;
        if (frozen) {
            Optional<String> failed =
                    ctx.hooks().run(Hooks.Kind.UNFREEZE, ctx.settings().unfreezeHook(), companyId, ctx.runId());
            unfrozen = failed.isEmpty();
            if (failed.isPresent()) {
                why = reason + "; and the " + failed.get() + ": the company may still be frozen";
            }
        }
        ctx.ledger().markFailed(ctx.runId(), companyId, why, verificationJson, unfrozen);
        ctx.windows().cancel(companyId, "cutover " + ctx.runId() + " failed: " + why);
        log.printf("company %d: not switched: %s%n", companyId, why);
        log.flush();
        return new CompanyOutcome(companyId, false, why, null);
    }
}
