package io.migration.producer.plan;

import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts each company into tasks of at most about {@code shardRows} source rows: one lists task,
 * and the recipients and suppressions groups split into equal ranges of email buckets. Whatever
 * the cut, every bucket of every group is covered exactly once, which is what R13 needs.
 */
public final class RunPlanner {

    public static final int DEFAULT_SHARD_ROWS = 50_000;

    private final int shardRows;

    public RunPlanner(int shardRows) {
        if (shardRows < 1) {
            throw new IllegalArgumentException("shard rows must be positive: " + shardRows);
        }
        this.shardRows = shardRows;
    }

    public List<PlannedTask> plan(String runId, List<CompanySize> companies) {
        List<PlannedTask> tasks = new ArrayList<>();
        for (CompanySize c : companies) {
            tasks.add(new PlannedTask(runId, c.companyId(), TaskGroup.LISTS, 0, 1, 0, Buckets.COUNT - 1,
                    c.listRows()));
            addShards(tasks, runId, c.companyId(), TaskGroup.RECIPIENTS, c.recipientRows());
            addShards(tasks, runId, c.companyId(), TaskGroup.SUPPRESSIONS, c.suppressionRows());
        }
        return tasks;
    }

    private void addShards(List<PlannedTask> tasks, String runId, long companyId, TaskGroup group, long rows) {
        int shards = (int) Math.max(1, Math.min(Buckets.COUNT, (rows + shardRows - 1) / shardRows));
        int[][] ranges = Buckets.split(shards);
        for (int i = 0; i < shards; i++) {
            tasks.add(new PlannedTask(runId, companyId, group, i, shards, ranges[i][0], ranges[i][1],
                    rows / shards));
        }
    }
}
