package io.migration.worker.control;

import io.migration.common.ledger.TaskKey;
import io.migration.worker.pace.Pacer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shards this worker runs now and the source rows each has read so far: the metrics show them
 * as shards and rows in flight, the heartbeat as its in-flight count.
 */
public final class InFlightShards {

    private final Map<TaskKey, AtomicLong> running = new ConcurrentHashMap<>();

    /** Registers a shard; its source reads go through the returned pacer so they are counted. */
    public Pacer start(TaskKey key, Pacer sourcePacer) {
        AtomicLong rows = new AtomicLong();
        running.put(key, rows);
        return count -> {
            sourcePacer.acquire(count);
            rows.addAndGet(count);
        };
    }

    public void end(TaskKey key) {
        running.remove(key);
    }

    public int count() {
        return running.size();
    }

    public long rows() {
        return running.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
