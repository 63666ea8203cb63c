package io.migration.common.ledger;

import io.migration.common.message.TaskGroup;

/** Identifies a task within the control tables. */
public record TaskKey(String runId, long companyId, TaskGroup group, int shard) {}
