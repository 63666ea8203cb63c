package io.migration.producer.dlq;

import io.migration.common.ledger.TaskKey;

/**
 * One message of the dead-letter queue as an operator sees it: whose task it was and why it
 * failed. Any field may be null: a message dead-lettered by the broker carries only
 * {@code x-death}, and a body that is not a task names nothing.
 *
 * @param deadLetteredBy {@code worker} (it set x-migration-* headers) or {@code broker} (x-death only)
 * @param key the task in the ledger, when the message names one completely
 */
public record DeadLetter(
        String runId,
        Long companyId,
        String table,
        Integer shard,
        String task,
        String reason,
        String errorClass,
        String error,
        Integer attempts,
        String worker,
        String failedAt,
        String deadLetteredBy,
        TaskKey key) {}
