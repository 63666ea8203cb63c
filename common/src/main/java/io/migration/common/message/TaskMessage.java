package io.migration.common.message;

import java.util.Objects;

/**
 * One unit of work: a company's share of one task group, the buckets {@code [bucketLo, bucketHi]}
 * of {@link io.migration.common.shard.Buckets}. Version 1 of the wire format ({@link TaskMessageCodec}).
 */
public record TaskMessage(
        int version,
        String runId,
        RunMode mode,
        long companyId,
        TaskGroup group,
        int shard,
        int shardCount,
        int bucketLo,
        int bucketHi) {

    public static final int CURRENT_VERSION = 1;

    public TaskMessage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(group, "group");
    }

    /** A short name for logs and dead-letter headers, e.g. {@code 42/recipients/3of8}. */
    public String taskKey() {
        return companyId + "/" + group.wireName() + "/" + shard + "of" + shardCount;
    }
}
