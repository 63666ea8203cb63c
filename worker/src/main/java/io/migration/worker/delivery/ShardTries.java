package io.migration.worker.delivery;

import io.migration.common.ledger.Claim;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.TaskMessage;
import io.migration.worker.delivery.DeliveryDecision.Failure;
import io.migration.worker.delivery.DeliveryDecision.Limits;
import io.migration.worker.delivery.Verdict.Ack;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.pace.Pacer;
import io.migration.worker.pipeline.AlreadySucceededException;
import io.migration.worker.pipeline.ModeRunners;
import io.migration.worker.pipeline.ShardRunner;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.Guards;
import java.time.Duration;

/**
 * Runs a granted shard until it has a final verdict: each try waits for the gate, checks once that
 * the company exists, runs the shard through its {@link Guards}, and asks {@link DeliveryDecision}
 * what its end means; {@link Settlement} carries it out, or waits and tries again.
 */
final class ShardTries {

    private final ShardWork work;
    private final Guards guards;
    private final ResilientSteps steps;
    private final Settlement settle;
    private final WorkerMetrics metrics;
    private final Limits limits;

    ShardTries(
            ShardWork work,
            Guards guards,
            ResilientSteps steps,
            Settlement settle,
            WorkerMetrics metrics,
            Limits limits) {
        this.work = work;
        this.guards = guards;
        this.steps = steps;
        this.settle = settle;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** One delivery's shard: what changes from one try to the next. */
    private static final class Shard {
        final TaskMessage task;
        final TaskKey key;
        final ShardRunner runner;
        final long started = System.nanoTime();
        int attempts;
        boolean companyChecked;

        Shard(TaskMessage task, TaskKey key, ShardRunner runner, int attempts) {
            this.task = task;
            this.key = key;
            this.runner = runner;
            this.attempts = attempts;
            this.companyChecked = !ModeRunners.belongsToACompany(task.group());
        }
    }

    void run(Delivery delivery, Claim.Granted granted) throws InterruptedException {
        TaskMessage task = granted.task().toMessage(granted.mode());
        TaskKey key = granted.task().key();
        ShardRunner runner =
                work.runners().forTask(granted.mode(), task.group()).orElse(null);
        if (runner == null) {
            settle.settle(delivery, task, key, DeliveryDecision.unsupportedMode(task));
            return;
        }
        Shard shard = new Shard(task, key, runner, granted.attempts());
        while (settle.settle(delivery, task, key, tryOnce(shard))) {
            // Waited as the verdict said: try again.
        }
    }

    private Verdict tryOnce(Shard shard) throws InterruptedException {
        TaskMessage task = shard.task;
        try {
            steps.awaitGate();
            if (!shard.companyChecked) {
                if (!guards.breakers().call(Database.SOURCE, () -> work.reader().companyExists(task.companyId()))) {
                    return DeliveryDecision.unknownCompany(task);
                }
                shard.companyChecked = true;
            }
            TaskOutcome outcome = runOnce(shard);
            metrics.shardDone(
                    task.mode().wireName(),
                    task.group().wireName(),
                    Duration.ofNanos(System.nanoTime() - shard.started),
                    outcome.readByTable(),
                    outcome.writtenByTable(),
                    outcome.rejectedByTableAndReason());
            return DeliveryDecision.succeeded(task, outcome);
        } catch (GaveUpException e) {
            return new HandBack(e.getMessage());
        } catch (AlreadySucceededException e) {
            return new Ack(Outcome.DUPLICATE, e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            Failure failure = DeliveryDecision.failure(e, guards.breakers()::isOpen);
            steps.sawTransient(failure);
            if (failure instanceof Failure.Own own) {
                try {
                    shard.attempts = settle.countAttempt(task, shard.key, own.error(), shard.attempts);
                } catch (GaveUpException gaveUp) {
                    return new HandBack(gaveUp.getMessage());
                }
            }
            return DeliveryDecision.afterFailure(failure, shard.attempts, limits);
        }
    }

    private TaskOutcome runOnce(Shard shard) throws Exception {
        Pacer sourcePacer = work.inFlight().start(shard.key, work.pace().source());
        try {
            return guards.shard(
                    () -> shard.runner.run(shard.task, sourcePacer, work.pace().target()));
        } finally {
            work.inFlight().end(shard.key);
        }
    }
}
