package io.migration.worker.delivery;

import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.message.TaskMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The headers a dead letter carries, so an operator can list, filter and replay it. */
final class DeadLetters {

    private DeadLetters() {}

    /** {@code task} is null for a message that does not even parse. */
    static Map<String, Object> headers(
            TaskMessage task, String reason, String errorClass, String error, int attempts, String worker) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(DeadLetterHeaders.REASON, reason);
        headers.put(DeadLetterHeaders.ERROR, error);
        headers.put(DeadLetterHeaders.ERROR_CLASS, errorClass);
        headers.put(DeadLetterHeaders.ATTEMPTS, attempts);
        headers.put(DeadLetterHeaders.WORKER, worker);
        headers.put(DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        if (task != null) {
            headers.put(DeadLetterHeaders.RUN_ID, task.runId());
            headers.put(DeadLetterHeaders.COMPANY_ID, task.companyId());
            headers.put(DeadLetterHeaders.TABLE, task.group().wireName());
            headers.put(DeadLetterHeaders.SHARD, task.shard());
            headers.put(DeadLetterHeaders.TASK, task.taskKey());
        }
        return headers;
    }
}
