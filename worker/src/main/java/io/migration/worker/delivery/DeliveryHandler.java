package io.migration.worker.delivery;

import io.migration.common.ledger.Claim;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.common.message.InvalidMessageException;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.worker.delivery.DeliveryDecision.Limits;
import io.migration.worker.delivery.Verdict.DeadLetter;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.Guards;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery's life: decode it, claim its task in the ledger (range and counters from the ledger),
 * run the shard ({@link ShardTries}), each step's end judged by {@link DeliveryDecision} and carried
 * out by {@link Settlement}: acknowledge, hand back (an outage, a pause, a stop: no attempt
 * counted), retry after the task's own failure with backoff, or dead-letter (publish confirmed,
 * then the ledger records it, then the acknowledgement). It runs on the worker's own threads and
 * settles every delivery itself.
 */
public final class DeliveryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);

    /**
     * The bounds a delivery lives by (worker.yml, consumer section).
     *
     * @param claimBackoff how long a worker waits after the ledger refused a claim outright
     */
    public record Settings(String workerName, int crashLimit, Duration claimBackoff, Limits limits) {}

    private final Settings settings;
    private final TaskLifecycle lifecycle;
    private final FleetGate gate;
    private final WorkerMetrics metrics;
    private final ShardWork work;
    private final ResilientSteps steps;
    private final Settlement settle;
    private final ShardTries tries;

    public DeliveryHandler(
            Settings settings,
            TaskLifecycle lifecycle,
            ShardWork work,
            Guards guards,
            FleetGate gate,
            WorkerMetrics metrics) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.gate = gate;
        this.metrics = metrics;
        this.work = work;
        this.steps = new ResilientSteps(guards, gate, metrics, settings.limits().maxHold());
        this.settle = new Settlement(TaskRecords.of(lifecycle), steps, gate, metrics, settings.workerName());
        this.tries = new ShardTries(work, guards, steps, settle, metrics, settings.limits());
    }

    public void handle(Delivery delivery) throws InterruptedException {
        TaskMessage message;
        try {
            message = TaskMessageCodec.decode(delivery.body());
        } catch (InvalidMessageException e) {
            LOG.warn("dead-lettering an invalid message: {}", e.getMessage());
            settle.settle(delivery, null, null, DeliveryDecision.invalidMessage(e));
            metrics.task("unknown", "unknown", Outcome.INVALID);
            return;
        }
        Claim claim;
        try {
            claim = steps.call(
                    Database.TARGET, () -> lifecycle.claim(message, settings.workerName(), settings.crashLimit()));
        } catch (GaveUpException e) {
            settle.settle(delivery, message, null, new HandBack(e.getMessage()));
            return;
        } catch (Exception e) {
            // The ledger refuses the claim itself (e.g. no control tables): try again later, elsewhere.
            LOG.error(
                    "cannot claim task {} of run {}: {}",
                    message.taskKey(),
                    message.runId(),
                    ErrorClassifier.classify(e).summary());
            gate.pause(settings.claimBackoff());
            settle.settle(delivery, message, null, new HandBack("claim failed"));
            return;
        }
        if (claim instanceof Claim.Granted granted) {
            tries.run(delivery, granted);
            return;
        }
        Verdict verdict;
        try {
            boolean companyExists = !(claim instanceof Claim.NoSuchTask) || companyExists(message);
            verdict = DeliveryDecision.ofClaim(claim, message, companyExists).orElseThrow();
        } catch (GaveUpException e) {
            verdict = new HandBack(e.getMessage());
        }
        if (verdict instanceof DeadLetter dead && dead.errorClass().equals("message")) {
            LOG.warn("dead-lettering task {} of run {}: {}", message.taskKey(), message.runId(), dead.error());
        }
        TaskKey claimed = claim instanceof Claim.CrashLoop ? TaskLifecycle.key(message) : null;
        settle.settle(delivery, message, claimed, verdict);
    }

    /** Whether the source has the message's company; when it cannot say (its own error), yes. */
    private boolean companyExists(TaskMessage message) throws InterruptedException, GaveUpException {
        try {
            return steps.call(Database.SOURCE, () -> work.reader().companyExists(message.companyId()));
        } catch (GaveUpException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return true;
        }
    }
}
