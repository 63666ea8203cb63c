package io.migration.worker.resilience;

import java.util.Locale;

/** The two databases a shard talks to; each has its own circuit breaker and pace. */
public enum Database {
    SOURCE,
    TARGET;

    /** Lower-case name, as in metrics, breaker names and logs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
