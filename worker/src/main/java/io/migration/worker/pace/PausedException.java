package io.migration.worker.pace;

/** The fleet was paused (`producer pause`) while a shard was in flight: abandon it, count nothing. */
public final class PausedException extends RuntimeException {

    public PausedException() {
        super("the fleet is paused", null, false, false);
    }
}
