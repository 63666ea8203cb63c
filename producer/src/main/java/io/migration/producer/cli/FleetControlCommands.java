package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.producer.runs.ControlState;
import io.migration.producer.runs.FleetControl;
import io.migration.producer.runs.FleetStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** What throttle, pause and resume share: the control row's update, and one line saying what changed. */
final class FleetControlCommands {

    private FleetControlCommands() {}

    /** Applies {@code change} to this fleet's control row and prints the outcome. */
    static int apply(
            ProducerCli cli, PrintWriter out, String commandName, Function<FleetControl, ControlState> change) {
        ConnectionSettings settings = cli.connectionSettings();
        String fleet = settings.fleetName();
        try (HikariDataSource target = Databases.open(settings.target(), commandName + "-target")) {
            Jdbi jdbi = Jdbis.create(target);
            ControlState state = Databases.controlTablesQuery(() -> change.apply(new FleetControl(jdbi, fleet)));
            int live = new FleetStatus(jdbi, fleet).liveWorkers().size();
            out.println(describe(fleet, state) + "; "
                    + (live == 0
                            ? "no live worker now: workers read it when they start"
                            : live + " live worker(s) apply it within a few seconds"));
            out.flush();
            return 0;
        }
    }

    static String describe(String fleet, ControlState state) {
        return "fleet " + fleet + ": throttle "
                + (state.rowsPerSecond() == null
                        ? "workers' default (FLEET_ROWS_PER_SECOND)"
                        : String.format(Locale.ROOT, "%,d rows/s", state.rowsPerSecond()))
                + ", paused: " + (state.paused() ? "yes" : "no");
    }

    /** Who changed it, for the control row: the OS user of this CLI. */
    static String operator() {
        return System.getProperty("user.name", "unknown") + " (producer)";
    }
}
