package io.migration.producer.enqueue;

import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts each company into tasks of at most about {@code shardRows} source rows. A company that fits
 * in one task is one {@code company} task (its lists, recipients and suppressions together: one
 * transaction and a dozen round trips instead of three of each). A larger one gets a lists task
 * and its recipients and suppressions split into equal ranges of email buckets. Whatever the cut,
 * every bucket of every group is covered exactly once, which is what R13 needs.
 *
 * <p>Tasks come out largest first, so that the fleet does not end on one big shard while the other
 * consumers idle.
 */
public final class RunPlanner {

    /**
     * A shard's rows are folded into per-recipient state as they are read (about 100 bytes of heap per
     * source row), so 250,000 rows take some 25 MiB per consumer thread: two threads fit a 256 MiB
     * heap with room to spare, and only companies above this size are read more than once per run.
     */
    public static final int DEFAULT_SHARD_ROWS = 250_000;

    private static final Comparator<PlannedTask> LARGEST_FIRST = Comparator.comparingLong(PlannedTask::estimatedRows)
            .reversed()
            .thenComparingLong(PlannedTask::companyId)
            .thenComparing(PlannedTask::group)
            .thenComparingInt(PlannedTask::shard);

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
            long total = c.listRows() + c.recipientRows() + c.suppressionRows();
            if (total <= shardRows) {
                tasks.add(new PlannedTask(runId, c.companyId(), TaskGroup.COMPANY, 0, 1, 0, Buckets.COUNT - 1, total));
                continue;
            }
            tasks.add(new PlannedTask(runId, c.companyId(), TaskGroup.LISTS, 0, 1, 0, Buckets.COUNT - 1, c.listRows()));
            addShards(tasks, runId, c.companyId(), TaskGroup.RECIPIENTS, c.recipientRows());
            addShards(tasks, runId, c.companyId(), TaskGroup.SUPPRESSIONS, c.suppressionRows());
        }
        tasks.sort(LARGEST_FIRST);
        return tasks;
    }

    private void addShards(List<PlannedTask> tasks, String runId, long companyId, TaskGroup group, long rows) {
        int shards = (int) Math.max(1, Math.min(Buckets.COUNT, (rows + shardRows - 1) / shardRows));
        int[][] ranges = Buckets.split(shards);
        for (int i = 0; i < shards; i++) {
            tasks.add(new PlannedTask(runId, companyId, group, i, shards, ranges[i][0], ranges[i][1], rows / shards));
        }
    }
}
