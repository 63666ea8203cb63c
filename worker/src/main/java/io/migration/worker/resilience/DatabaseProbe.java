package io.migration.worker.resilience;

/** Whether a database answers a trivial query now: what tells an outage from a statement too slow for its timeout. */
@FunctionalInterface
public interface DatabaseProbe {

    /** True when {@code db} answered; false when it did not (an outage), never an exception. */
    boolean answers(Database db);
}
