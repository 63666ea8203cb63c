package io.migration.worker.control;

import io.migration.worker.resilience.ErrorClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a database answers the heartbeat, said once when it stops and once when it answers again. */
final class Unanswered {

    private static final Logger LOG = LoggerFactory.getLogger(FleetHeartbeat.class);

    private final String database;
    private String problem;

    Unanswered(String database) {
        this.database = database;
    }

    void answered() {
        if (problem != null) {
            LOG.info("the {} answers again", database);
            problem = null;
        }
    }

    void failed(Exception e) {
        String now = ErrorClassifier.classify(e).summary();
        if (problem == null) {
            LOG.warn(
                    "the {} does not answer the heartbeat: {}; the last throttle and pause stay in force",
                    database,
                    now);
        }
        problem = now;
    }
}
