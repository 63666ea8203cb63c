package io.migration.worker.control;

/** The fleet's control row and its live consumers, as last read. */
record ControlRow(Long rowsPerSecond, boolean paused, int liveConsumers, int liveWorkers) {

    static final ControlRow NONE = new ControlRow(null, false, 0, 0);

    /** The fleet's budget: the operator's throttle, else the configured default (0: unlimited). */
    long budget(long defaultBudget) {
        return rowsPerSecond != null ? rowsPerSecond : defaultBudget;
    }

    /** The consumers this worker's share is counted among: never fewer than its own. */
    int liveConsumersWith(int mine) {
        return Math.max(mine, liveConsumers);
    }
}
