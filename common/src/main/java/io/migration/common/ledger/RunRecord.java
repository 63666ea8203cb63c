package io.migration.common.ledger;

import io.migration.common.message.RunMode;
import java.time.Instant;

/** A run as recorded in {@code migration.runs}. */
public record RunRecord(
        String runId, RunMode mode, String selection, int shardRows, int taskCount, Instant createdAt) {}
