package io.migration.worker.pipeline;

import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.TaskMessage;
import io.migration.worker.pace.Pacer;

/**
 * What a run's mode does with one claimed shard (migrate, dry run, verify). {@code task} carries
 * the ledger's range. It marks the task succeeded itself, in the same transaction as its result.
 */
@FunctionalInterface
public interface ShardRunner {

    /**
     * @throws AlreadySucceededException when another delivery finished the task first
     * @throws io.migration.worker.pace.PausedException (from a pacer) when the fleet was paused
     */
    TaskOutcome run(TaskMessage task, Pacer sourcePacer, Pacer targetPacer) throws Exception;
}
