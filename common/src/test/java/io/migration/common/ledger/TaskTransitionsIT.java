package io.migration.common.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.db.Jdbis;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.schema.TargetSchema;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger's statements held to {@link TaskTransition}'s table on the real control tables: a task
 * put in each state, each step applied through the ledger's API, the state it leaves read back.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskTransitionsIT {

    private static final String WORKER = "w1";

    private final AtomicInteger runs = new AtomicInteger();
    private HikariDataSource target;
    private Jdbi jdbi;
    private TaskLedger ledger;
    private TaskLifecycle lifecycle;

    @BeforeAll
    void schema(TestServices services) {
        target = DataSources.create(services.target(), PoolOptions.defaults("transitions-it"));
        TargetSchema.migrate(target);
        jdbi = Jdbis.create(target);
        ledger = new TaskLedger(jdbi);
        lifecycle = new TaskLifecycle(jdbi);
    }

    @AfterAll
    void close() {
        target.close();
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(TaskState.values())
                .flatMap(from -> Arrays.stream(TaskTransition.values()).map(step -> Arguments.of(from, step)));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("cases")
    void eachStepFromEachStateLeavesWhatTheTableSays(TaskState from, TaskTransition step) {
        PlannedTask task = taskIn(from);
        apply(step, task);
        Optional<TaskState> after = jdbi.inTransaction(h -> ledger.lockTask(h, task.key()));
        assertThat(after).as("%s then %s", from, step).contains(from.after(step));
    }

    /** A task of its own run, put in {@code state} as this worker's last claim left it. */
    private PlannedTask taskIn(TaskState state) {
        String runId = "transition-" + runs.incrementAndGet();
        PlannedTask task = new PlannedTask(runId, 7, TaskGroup.RECIPIENTS, 1, 4, 1024, 2047, 500);
        ledger.recordRun(
                new NewRun(runId, RunMode.MIGRATE, "companies [7]", List.of(7L), 1000, "test"), List.of(task), h -> {});
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE migration.tasks SET state = :state, worker = :worker" + " WHERE run_id = :runId")
                .bind("state", state.wireName())
                .bind("worker", WORKER)
                .bind("runId", runId)
                .execute());
        return task;
    }

    private void apply(TaskTransition step, PlannedTask task) {
        TaskKey key = task.key();
        switch (step) {
            case PUBLISH -> ledger.markPublished(List.of(key));
            case CLAIM -> lifecycle.claim(task.toMessage(RunMode.MIGRATE), WORKER, 3);
            case FAIL -> lifecycle.recordFailure(key, WORKER, "[23514] check_violation");
            case HAND_BACK -> lifecycle.recordHandBack(key, WORKER, "handed back: target breaker open");
            case DIE -> lifecycle.recordDead(key, WORKER, "failed: [P0001] raise_exception");
            case SUCCEED ->
                jdbi.useTransaction(h -> ledger.markSucceeded(
                        h, key, WORKER, new TaskOutcome(Map.of("lists", 1L), Map.of("lists", 1L), Map.of(), 0, 5)));
            case REPLAY -> ledger.resetForReplay(key);
        }
    }
}
