package io.migration.worker.control;

import io.migration.common.db.SqlFiles;
import io.migration.worker.metrics.CutoverGauges;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.RunProgressRow;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fleet-wide figures read from the ledger for the gauges: each run's progress, the cutovers. */
final class FleetProgress {

    private static final Logger LOG = LoggerFactory.getLogger(FleetHeartbeat.class);

    private final Jdbi target;
    private final Breakers breakers;
    private final WorkerMetrics metrics;
    private final CutoverFiguresQuery cutoverFigures;
    private final CutoverGauges cutoverGauges;

    FleetProgress(Jdbi target, Breakers breakers, WorkerMetrics metrics) {
        this.target = target;
        this.breakers = breakers;
        this.metrics = metrics;
        this.cutoverFigures = new CutoverFiguresQuery(target);
        this.cutoverGauges = new CutoverGauges(metrics.registry());
    }

    void report() {
        reportRunProgress();
        reportCutovers();
    }

    private void reportRunProgress() {
        try {
            List<RunProgressRow> rows = breakers.call(
                    Database.TARGET,
                    () -> target.withHandle(h -> h.createQuery(SqlFiles.get("fleet/run-progress"))
                            .map((rs, ctx) -> new RunProgressRow(
                                    rs.getString("run_id"),
                                    rs.getLong("waiting"),
                                    rs.getLong("running"),
                                    rs.getLong("succeeded"),
                                    rs.getLong("dead"),
                                    rs.getLong("rows_left")))
                            .list()));
            metrics.runProgress(rows);
        } catch (Exception e) {
            LOG.debug("run progress not read: {}", e.getMessage());
        }
    }

    private void reportCutovers() {
        try {
            cutoverGauges.update(breakers.call(Database.TARGET, cutoverFigures::read));
        } catch (Exception e) {
            LOG.debug("cutovers not read: {}", e.getMessage());
        }
    }
}
