package io.migration.worker.control;

import io.migration.common.db.SqlFiles;
import io.migration.worker.metrics.CutoverFigures;
import io.migration.worker.metrics.CutoverFigures.FreezeWindows;
import io.migration.worker.metrics.CutoverFigures.StateRow;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the fleet's cutovers from the ledger for the cutover gauges (fleet/cutover-states, fleet/freeze-windows). */
final class CutoverFiguresQuery {

    private final Jdbi target;

    CutoverFiguresQuery(Jdbi target) {
        this.target = target;
    }

    CutoverFigures read() {
        return target.withHandle(h -> {
            List<StateRow> states = h.createQuery(SqlFiles.get("fleet/cutover-states"))
                    .map((rs, ctx) -> new StateRow(
                            rs.getString("state"),
                            rs.getLong("companies"),
                            rs.getLong("passes"),
                            rs.getLong("rows_recopied")))
                    .list();
            FreezeWindows windows = h.createQuery(SqlFiles.get("fleet/freeze-windows"))
                    .map((rs, ctx) -> new FreezeWindows(
                            rs.getLong("windows"), rs.getDouble("median_seconds"), rs.getDouble("longest_seconds")))
                    .one();
            return CutoverFigures.of(states, windows);
        });
    }
}
