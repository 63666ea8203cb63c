package io.migration.worker.pipeline;

import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import java.util.Optional;

/**
 * Which {@link ShardRunner} runs a claimed task: by its run's mode, and for a dry run over all
 * companies, the task of the rows of no company by its group.
 */
public record ModeRunners(
        ShardRunner migrate, ShardRunner dryRun, ShardRunner verify, ShardRunner orphans, ShardRunner catchUp) {

    public Optional<ShardRunner> forTask(RunMode mode, TaskGroup group) {
        ShardRunner runner = switch (mode) {
            case MIGRATE -> group == TaskGroup.ORPHANS ? null : migrate;
            case DRY_RUN -> group == TaskGroup.ORPHANS ? orphans : dryRun;
            case VERIFY -> group == TaskGroup.ORPHANS ? null : verify;
            case CATCH_UP -> group == TaskGroup.ORPHANS ? null : catchUp;
            case CUTOVER -> null;
        };
        return Optional.ofNullable(runner);
    }

    /** Tasks of no company are not checked against the source's companies. */
    public static boolean belongsToACompany(TaskGroup group) {
        return group != TaskGroup.ORPHANS;
    }
}
