package io.migration.worker.pipeline;

/** What the consumer does with a delivery once the processor is done with it. */
public sealed interface Disposition {

    /** Done (or a duplicate of a finished task): acknowledge. */
    record Ack(String summary) implements Disposition {
    }

    /** Failed for now: hand it back to the queue for another attempt. */
    record Requeue(String error) implements Disposition {
    }

    /** Never going to work: publish to the dead-letter queue with the reason, then acknowledge. */
    record DeadLetter(String reason, String error, String runId, Long companyId, String task, int attempts)
            implements Disposition {
    }
}
