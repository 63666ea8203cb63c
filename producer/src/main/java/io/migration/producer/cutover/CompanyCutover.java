package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.ledger.CutoverState;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.producer.enqueue.CompanySize;
import io.migration.producer.enqueue.RunPlanner;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One company's switch, from wherever its row in {@code migration.cutovers} stands: catch up while the
 * application writes, freeze, final delta, verify and re-judge ({@link FinalChecks}), switch
 * ({@link Switchover}). Every failure before the switch hook succeeded unfreezes the company (when it
 * was frozen) and records one reason. State is written before each hook runs, so a re-run after a
 * crash never freezes twice.
 */
final class CompanyCutover {

    private final CutoverContext ctx;
    private final long companyId;
    private final CompanySize size;
    private final PrintWriter log;
    private boolean holdsTurn;

    CompanyCutover(CutoverContext ctx, long companyId, CompanySize size, PrintWriter log) {
        this.ctx = ctx;
        this.companyId = companyId;
        this.size = size;
        this.log = log;
    }

    CompanyOutcome run() throws InterruptedException {
        try {
            CompanyCutoverRecord rec =
                    ctx.ledger().company(ctx.runId(), companyId).orElseThrow();
            switch (rec.state()) {
                case SWITCHED -> {
                    return new CompanyOutcome(companyId, true, null, rec.freezeWindowMillis());
                }
                case FAILED, ROLLED_BACK -> {
                    return new CompanyOutcome(companyId, false, rec.reason(), rec.freezeWindowMillis());
                }
                case PENDING, CATCHING_UP -> {
                    Optional<String> failure = catchUp();
                    if (failure.isPresent()) {
                        return fail(failure.get(), false, null);
                    }
                    return freezeAndSwitch(null);
                }
                case FROZEN -> {
                    // Frozen by a run that died: it goes on at once, without waiting for a turn.
                    return freezeAndSwitch(rec);
                }
                default -> throw new IllegalStateException("unknown state " + rec.state());
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            CompanyCutoverRecord rec =
                    ctx.ledger().company(ctx.runId(), companyId).orElseThrow();
            return fail(
                    "cutover error: " + Reasons.of(e),
                    rec.state() == CutoverState.FROZEN && rec.switchStartedAt() == null,
                    null);
        } finally {
            if (holdsTurn) {
                ctx.gate().leave();
            }
        }
    }

    /**
     * The first copy; then, once it is the company's turn, pass after pass until what changed is small
     * and no other company's first copy is in flight. Empty when it may freeze.
     */
    private Optional<String> catchUp() throws Exception {
        ctx.ledger().setState(ctx.runId(), companyId, CutoverState.CATCHING_UP);
        if (ctx.ledger().copiedChecksums(ctx.runId(), companyId).equals(BucketChecksums.empty())) {
            List<PlannedTask> tasks = PassPlanner.whole(ctx.runId(), size, RunPlanner.DEFAULT_SHARD_ROWS);
            ctx.gate().firstCopyStarted();
            Optional<String> failed;
            try {
                failed = pass(tasks, size.listRows() + size.recipientRows() + size.suppressionRows());
            } finally {
                ctx.gate().firstCopyEnded();
            }
            if (failed.isPresent()) {
                return Optional.of("first copy: " + failed.get());
            }
        }
        ctx.gate().awaitTurn();
        holdsTurn = true;
        int passes = 1;
        while (true) {
            BucketChecksums now = ctx.source().checksums(companyId);
            BucketChecksums copied = ctx.ledger().copiedChecksums(ctx.runId(), companyId);
            Map<TaskGroup, SortedSet<Integer>> changed = changed(copied, now);
            long rows = PassPlanner.changedRows(changed, copied, now);
            boolean mayFreeze = ctx.gate().mayFreeze();
            CatchUpDecision next = CatchUpDecision.after(
                    passes, rows, ctx.settings().freezeRows(), ctx.settings().maxPasses(), mayFreeze);
            if (next instanceof CatchUpDecision.Freeze) {
                return Optional.empty();
            }
            if (next instanceof CatchUpDecision.GiveUp g) {
                return Optional.of(g.reason());
            }
            if (rows <= ctx.settings().freezeRows() && !mayFreeze) {
                Thread.sleep(200);
                continue;
            }
            passes++;
            Optional<String> failed = delta(changed, copied, now);
            if (failed.isPresent()) {
                return Optional.of("catch-up pass " + passes + ": " + failed.get());
            }
        }
    }

    /** Re-copies what changed; empty when every task succeeded. */
    private Optional<String> delta(
            Map<TaskGroup, SortedSet<Integer>> changed, BucketChecksums copied, BucketChecksums now) throws Exception {
        return pass(
                PassPlanner.delta(ctx.runId(), companyId, changed, now), PassPlanner.changedRows(changed, copied, now));
    }

    /** Runs one pass of copies, planned from shard 0 and numbered from the shards the ledger hands out. */
    private Optional<String> pass(List<PlannedTask> planned, long rows) throws Exception {
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        List<PlannedTask> tasks =
                PassPlanner.from(planned, ctx.ledger().reserveShards(ctx.runId(), companyId, planned.size(), 1, rows));
        ctx.dispatch().send(tasks, RunMode.CATCH_UP);
        try {
            ctx.dispatch()
                    .await(
                            ctx.runId(),
                            companyId,
                            tasks.stream().map(PlannedTask::shard).toList(),
                            ctx.settings().copyTimeout());
            return Optional.empty();
        } catch (TaskDispatch.PassFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Freeze (unless {@code resumed} says it was), final delta, checks, switch. */
    private CompanyOutcome freezeAndSwitch(CompanyCutoverRecord resumed) throws Exception {
        if (resumed != null && resumed.switchStartedAt() != null) {
            return new Switchover(ctx, companyId, log).resume(resumed);
        }
        if (resumed == null) {
            ctx.ledger().markFreezeStarted(ctx.runId(), companyId);
            Optional<String> failed =
                    ctx.hooks().run(Hooks.Kind.FREEZE, ctx.settings().freezeHook(), companyId, ctx.runId());
            if (failed.isPresent()) {
                return fail(failed.get(), true, null);
            }
            ctx.ledger().markFrozen(ctx.runId(), companyId);
            log.printf("company %d: frozen%n", companyId);
            log.flush();
        }
        FinalChecks.Result checks;
        FinalChecks finalChecks = new FinalChecks(ctx, companyId, size, this::finalDelta);
        try {
            checks = finalChecks.run();
            log.printf("company %d: frozen steps (s): %s%n", companyId, finalChecks.steps());
        } catch (Exception e) {
            return fail("final delta: " + Reasons.of(e), true, null);
        }
        if (checks.failure() != null) {
            return fail(checks.failure(), true, checks.verificationJson());
        }
        ctx.ledger().markSwitchStarted(ctx.runId(), companyId, checks.finalDeltaRows(), checks.verificationJson());
        return new Switchover(ctx, companyId, log).run();
    }

    /** The last copy, after the drain: what changed since the last pass, or throws. */
    private FinalChecks.Delta finalDelta() throws Exception {
        BucketChecksums now = ctx.source().checksums(companyId);
        BucketChecksums copied = ctx.ledger().copiedChecksums(ctx.runId(), companyId);
        Map<TaskGroup, SortedSet<Integer>> changed = changed(copied, now);
        long rows = PassPlanner.changedRows(changed, copied, now);
        Optional<String> failed = delta(changed, copied, now);
        if (failed.isPresent()) {
            throw new IllegalStateException(failed.get());
        }
        BucketChecksums after = ctx.ledger().copiedChecksums(ctx.runId(), companyId);
        if (!after.equals(now)) {
            BucketChecksums later = ctx.source().checksums(companyId);
            throw new IllegalStateException("the company's source rows changed after the freeze and the drain"
                    + " (the application kept writing): copies read other rows than the source had frozen, in "
                    + describe(changed(now, after)) + "; the source changed since in " + describe(changed(now, later)));
        }
        return new FinalChecks.Delta(
                rows, now.rows(TaskGroup.LISTS) + now.rows(TaskGroup.RECIPIENTS) + now.rows(TaskGroup.SUPPRESSIONS));
    }

    private static String describe(Map<TaskGroup, SortedSet<Integer>> changed) {
        StringBuilder s = new StringBuilder();
        changed.forEach((g, b) -> {
            if (!b.isEmpty()) {
                s.append(s.isEmpty() ? "" : ", ")
                        .append(g.wireName())
                        .append(" buckets ")
                        .append(b.size() > 6 ? b.first() + "…" + b.last() + " (" + b.size() + ")" : b);
            }
        });
        return s.isEmpty() ? "no bucket" : s.toString();
    }

    private static Map<TaskGroup, SortedSet<Integer>> changed(BucketChecksums copied, BucketChecksums now) {
        Map<TaskGroup, SortedSet<Integer>> changed = new EnumMap<>(TaskGroup.class);
        for (TaskGroup g : List.of(TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS)) {
            changed.put(g, copied.changed(g, now));
        }
        return changed;
    }

    private CompanyOutcome fail(String reason, boolean frozen, String verificationJson) throws InterruptedException {
        return new Switchover(ctx, companyId, log).abandon(reason, frozen, verificationJson);
    }
}
