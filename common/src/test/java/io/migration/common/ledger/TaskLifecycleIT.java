package io.migration.common.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.schema.TargetSchema;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The task state machine against the real control tables: what each claim and each end leaves. */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskLifecycleIT {

    private static final int CRASH_LIMIT = 3;

    private HikariDataSource target;
    private Jdbi jdbi;
    private TaskLifecycle lifecycle;

    @BeforeAll
    void schema(TestServices services) {
        target = DataSources.create(services.target(), PoolOptions.defaults("lifecycle-it"));
        TargetSchema.migrate(target);
        jdbi = Jdbi.create(target);
        lifecycle = new TaskLifecycle(jdbi);
    }

    @AfterAll
    void close() {
        target.close();
    }

    private PlannedTask plan(String runId) {
        PlannedTask task = new PlannedTask(runId, 7, TaskGroup.RECIPIENTS, 1, 4, 1024, 2047, 500);
        new TaskLedger(jdbi)
                .recordRun(
                        new NewRun(runId, RunMode.MIGRATE, "companies [7]", List.of(7L), 1000, "test"),
                        List.of(task),
                        h -> {});
        return task;
    }

    private Map<String, Object> row(PlannedTask task) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state, attempts, deliveries, unfinished, error"
                        + " FROM migration.tasks WHERE run_id = :r")
                .bind("r", task.runId())
                .mapToMap()
                .one());
    }

    @Test
    void aClaimTakesTheRangeFromTheLedgerAndCountsTheDelivery() {
        PlannedTask task = plan("granted");
        Claim claim = lifecycle.claim(task.toMessage(RunMode.MIGRATE), "w1", CRASH_LIMIT);
        assertThat(claim).isEqualTo(new Claim.Granted(task, RunMode.MIGRATE, 0, 1));
        assertThat(row(task))
                .containsEntry("state", "running")
                .containsEntry("deliveries", 1)
                .containsEntry("unfinished", 1)
                .containsEntry("attempts", 0);
    }

    @Test
    void aMessageThatDisagreesWithItsTaskIsRefusedAndTheTaskUntouched() {
        PlannedTask task = plan("mismatch");
        TaskMessage forged = new TaskMessage(
                1, task.runId(), RunMode.MIGRATE, 7, TaskGroup.RECIPIENTS, 1, Integer.MAX_VALUE, 1024, 2047);
        assertThat(lifecycle.claim(forged, "w1", CRASH_LIMIT)).isInstanceOf(Claim.Mismatch.class);
        TaskMessage wideRange =
                new TaskMessage(1, task.runId(), RunMode.MIGRATE, 7, TaskGroup.RECIPIENTS, 1, 4, 0, 4095);
        assertThat(((Claim.Mismatch) lifecycle.claim(wideRange, "w1", CRASH_LIMIT)).detail())
                .contains("buckets 0..4095")
                .contains("1024..2047");
        TaskMessage otherMode =
                new TaskMessage(1, task.runId(), RunMode.VERIFY, 7, TaskGroup.RECIPIENTS, 1, 4, 1024, 2047);
        assertThat(lifecycle.claim(otherMode, "w1", CRASH_LIMIT)).isInstanceOf(Claim.Mismatch.class);
        assertThat(row(task)).containsEntry("state", "planned").containsEntry("deliveries", 0);
        TaskMessage unknown =
                new TaskMessage(1, "no-such-run", RunMode.MIGRATE, 7, TaskGroup.RECIPIENTS, 1, 4, 1024, 2047);
        assertThat(lifecycle.claim(unknown, "w1", CRASH_LIMIT)).isInstanceOf(Claim.NoSuchTask.class);
    }

    @Test
    void ownFailuresCountAttemptsHandBacksDoNot() {
        PlannedTask task = plan("failures");
        TaskMessage message = task.toMessage(RunMode.MIGRATE);
        lifecycle.claim(message, "w1", CRASH_LIMIT);
        lifecycle.recordHandBack(task.key(), "w1", "handed back: target breaker open");
        assertThat(row(task))
                .containsEntry("state", "retrying")
                .containsEntry("attempts", 0)
                .containsEntry("unfinished", 0);
        lifecycle.claim(message, "w1", CRASH_LIMIT);
        assertThat(lifecycle.recordFailure(task.key(), "w1", "[23514] check_violation"))
                .isEqualTo(1);
        lifecycle.claim(message, "w2", CRASH_LIMIT);
        assertThat(lifecycle.recordFailure(task.key(), "w2", "[23514] check_violation"))
                .isEqualTo(2);
        assertThat(row(task))
                .containsEntry("deliveries", 3)
                .containsEntry("unfinished", 0)
                .containsEntry("error", "[23514] check_violation");
    }

    @Test
    void aHandBackEndsOnlyThisWorkersOwnClaim() {
        PlannedTask task = plan("handback-other");
        lifecycle.claim(task.toMessage(RunMode.MIGRATE), "w2", CRASH_LIMIT);
        lifecycle.recordHandBack(task.key(), "w1", "handed back: stopping");
        assertThat(row(task)).containsEntry("state", "running").containsEntry("unfinished", 1);
    }

    @Test
    void claimsThatNeverEndAreACrashLoop() {
        PlannedTask task = plan("crashes");
        TaskMessage message = task.toMessage(RunMode.MIGRATE);
        for (int i = 0; i < CRASH_LIMIT; i++) {
            assertThat(lifecycle.claim(message, "w" + i, CRASH_LIMIT)).isInstanceOf(Claim.Granted.class);
        }
        assertThat(lifecycle.claim(message, "w9", CRASH_LIMIT)).isEqualTo(new Claim.CrashLoop(CRASH_LIMIT));
        assertThat(row(task)).containsEntry("deliveries", CRASH_LIMIT);
    }

    @Test
    void deadAndSucceededTasksAreNeverClaimedAgain() {
        PlannedTask dead = plan("dead");
        lifecycle.claim(dead.toMessage(RunMode.MIGRATE), "w1", CRASH_LIMIT);
        lifecycle.recordDead(dead.key(), "w1", "failed: [P0001] raise_exception");
        assertThat(lifecycle.claim(dead.toMessage(RunMode.MIGRATE), "w1", CRASH_LIMIT))
                .isEqualTo(new Claim.AlreadyDead("failed: [P0001] raise_exception"));
        assertThat(lifecycle.recordFailure(dead.key(), "w1", "late"))
                .as("a dead task takes no more ends")
                .isZero();

        PlannedTask done = plan("done");
        lifecycle.claim(done.toMessage(RunMode.MIGRATE), "w1", CRASH_LIMIT);
        // As a shard does: its transaction starts, works, then records the end in the same transaction.
        jdbi.useTransaction(h -> {
            h.execute("SELECT pg_sleep(0.2)");
            new TaskLedger(jdbi)
                    .markSucceeded(
                            h,
                            done.key(),
                            "w1",
                            new TaskOutcome(
                                    Map.of("list_recipients", 5L),
                                    Map.of("recipients", 4L),
                                    Map.of("list_recipients", 4L),
                                    1,
                                    12));
        });
        assertThat(row(done)).containsEntry("state", "succeeded").containsEntry("unfinished", 0);
        double took = jdbi.withHandle(h -> h.createQuery("SELECT extract(epoch FROM finished_at - started_at)"
                        + " FROM migration.tasks WHERE run_id = :r")
                .bind("r", done.runId())
                .mapTo(Double.class)
                .one());
        assertThat(took)
                .as("the end is when the transaction recorded it, not when it began")
                .isGreaterThanOrEqualTo(0.2);
        assertThat(lifecycle.claim(done.toMessage(RunMode.MIGRATE), "w1", CRASH_LIMIT))
                .isInstanceOf(Claim.AlreadySucceeded.class);
        lifecycle.recordDead(done.key(), "w1", "late");
        assertThat(row(done)).containsEntry("state", "succeeded");
    }
}
