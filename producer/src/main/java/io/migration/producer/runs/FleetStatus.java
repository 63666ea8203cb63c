package io.migration.producer.runs;

import io.migration.common.db.SqlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@code status} says about the fleet: its live workers (reported within {@link #LIVE_SECONDS}),
 * why any is slow, paused or stopped by a breaker (by the SQLSTATE that opened it), the rate they read at, and the operator's
 * throttle and pause. And which of a run's tasks are marked running on a worker no longer live.
 */
public final class FleetStatus {

    /** Workers report every few seconds; one silent for longer than this is not live. */
    public static final int LIVE_SECONDS = 15;

    private final Jdbi jdbi;
    private final String fleet;

    public FleetStatus(Jdbi jdbi, String fleet) {
        this.jdbi = jdbi;
        this.fleet = fleet;
    }

    public List<LiveWorker> liveWorkers() {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("runs/live-workers"))
                .bind("fleet", fleet)
                .bind("liveSeconds", LIVE_SECONDS)
                .map((rs, ctx) -> new LiveWorker(
                        rs.getString("worker"),
                        rs.getString("state"),
                        rs.getString("source_breaker"),
                        rs.getString("target_breaker"),
                        rs.getObject("pace_limit", Double.class),
                        rs.getDouble("read_rate"),
                        rs.getString("slowdown"),
                        rs.getInt("in_flight"),
                        rs.getString("breaker_cause")))
                .list());
    }

    /** The status lines: the fleet line, then one about orphaned tasks of {@code runId} if any. */
    public List<String> lines(String runId) {
        List<String> out = new ArrayList<>();
        out.add(fleetLine(fleet, liveWorkers(), new FleetControl(jdbi, fleet).current()));
        List<String> orphaned = jdbi.withHandle(h -> h.createQuery(SqlFiles.get("runs/orphaned-tasks"))
                .bind("runId", runId)
                .bind("liveSeconds", LIVE_SECONDS)
                .map((rs, ctx) -> rs.getString("worker") + " (" + rs.getLong("tasks") + ")")
                .list());
        if (!orphaned.isEmpty()) {
            out.add("tasks marked running on workers not seen for " + LIVE_SECONDS + " s: "
                    + String.join(", ", orphaned)
                    + "; their messages go back to the queue once the broker drops those connections");
        }
        return out;
    }

    /** e.g. {@code fleet migration: 2 workers (1 slowed: source latency 0.8 s > 0.5 s), reading 4,950 rows/s, throttle 5,000 rows/s, paused: no}. */
    static String fleetLine(String fleet, List<LiveWorker> workers, ControlState control) {
        StringBuilder line = new StringBuilder("fleet ").append(fleet).append(": ");
        if (workers.isEmpty()) {
            line.append("no live worker");
        } else {
            line.append(workers.size()).append(workers.size() == 1 ? " worker" : " workers");
            List<String> notes = notes(workers);
            if (!notes.isEmpty()) {
                line.append(" (").append(String.join("; ", notes)).append(')');
            }
            double rate = workers.stream().mapToDouble(LiveWorker::readRate).sum();
            line.append(String.format(Locale.ROOT, ", reading %,.0f rows/s", rate));
        }
        line.append(", throttle ")
                .append(
                        control.rowsPerSecond() == null
                                ? "workers' default"
                                : String.format(Locale.ROOT, "%,d rows/s", control.rowsPerSecond()));
        line.append(", paused: ").append(control.paused() ? "yes" : "no");
        return line.toString();
    }

    private static List<String> notes(List<LiveWorker> workers) {
        List<String> notes = new ArrayList<>();
        List<LiveWorker> slowed =
                workers.stream().filter(w -> w.slowdown() != null).toList();
        if (!slowed.isEmpty()) {
            notes.add(slowed.size() + " slowed: " + slowed.get(0).slowdown());
        }
        long paused = workers.stream().filter(w -> "paused".equals(w.state())).count();
        if (paused > 0) {
            notes.add(paused + " paused");
        }
        List<LiveWorker> broken =
                workers.stream().filter(LiveWorker::breakerOpen).toList();
        if (!broken.isEmpty()) {
            // Why, when any says: a breaker that reopens is half-open in some reports and not in others.
            String why = broken.stream()
                    .map(LiveWorker::breakerCause)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(breakers(broken.get(0)));
            notes.add(broken.size() + " with a breaker open: " + why);
        }
        return notes;
    }

    private static String breakers(LiveWorker w) {
        List<String> open = new ArrayList<>();
        if (w.sourceBreaker() != null && !w.sourceBreaker().equalsIgnoreCase("closed")) {
            open.add("source " + w.sourceBreaker().toLowerCase(Locale.ROOT));
        }
        if (w.targetBreaker() != null && !w.targetBreaker().equalsIgnoreCase("closed")) {
            open.add("target " + w.targetBreaker().toLowerCase(Locale.ROOT));
        }
        return open.isEmpty() ? w.state() : String.join(", ", open);
    }
}
