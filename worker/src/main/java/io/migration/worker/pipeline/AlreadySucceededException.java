package io.migration.worker.pipeline;

/** The shard's task succeeded in another delivery while this one waited for its locks: a duplicate. */
public final class AlreadySucceededException extends Exception {

    public AlreadySucceededException(String taskKey) {
        super("task " + taskKey + " already succeeded", null, false, false);
    }
}
