package io.migration.producer.runs;

import java.util.Locale;

/** A run's progress at one moment, from the control tables. */
public record RunProgress(
        long total,
        long succeeded,
        long running,
        long waiting,
        long dead,
        long failed,
        long rowsRead,
        long rowsWritten,
        long rowsRejected,
        long rowsLeft,
        double secondsSinceStart) {

    public boolean finished() {
        return running == 0 && waiting == 0;
    }

    public boolean anyFailed() {
        return dead > 0 || failed > 0;
    }

    public double rowsPerSecond() {
        return secondsSinceStart > 0 ? rowsRead / secondsSinceStart : 0;
    }

    /** One line: tasks by state, rows, rate and ETA. */
    public String line(String runId) {
        double rate = rowsPerSecond();
        String eta = finished() ? "done" : rate > 0 ? "ETA " + seconds(rowsLeft / rate) : "ETA ?";
        return String.format(
                Locale.ROOT,
                "run %s: %d/%d tasks succeeded, %d running, %d waiting, %d dead, %d failed | rows read %,d,"
                        + " written %,d, rejected %,d | %,.0f rows/s | %s",
                runId,
                succeeded,
                total,
                running,
                waiting,
                dead,
                failed,
                rowsRead,
                rowsWritten,
                rowsRejected,
                rate,
                eta);
    }

    private static String seconds(double s) {
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
