package io.migration.producer.runs;

import io.migration.common.db.SqlFiles;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads a run's progress from the control tables. */
public final class RunWatcher {

    private final Jdbi target;

    public RunWatcher(Jdbi target) {
        this.target = target;
    }

    /** Empty when the run has no task (no such run). */
    public Optional<RunProgress> progress(String runId) {
        return target.withHandle(h -> h.createQuery(SqlFiles.get("runs/run-progress"))
                .bind("runId", runId)
                .map((rs, ctx) -> new RunProgress(
                        rs.getLong("total"),
                        rs.getLong("succeeded"),
                        rs.getLong("running"),
                        rs.getLong("waiting"),
                        rs.getLong("dead"),
                        rs.getLong("failed"),
                        rs.getLong("rows_read"),
                        rs.getLong("rows_written"),
                        rs.getLong("rows_rejected"),
                        rs.getLong("rows_left"),
                        rs.getDouble("seconds_since_start")))
                .findOne()
                .filter(p -> p.total() > 0));
    }
}
