package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.message.TaskMessage;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger.TaskRow;
import io.migration.testsupport.TargetComparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one check every fault test ends with (issue #6): the target equals the expected result, the
 * work queue is empty, the dead-letter queue holds exactly the messages that were meant to fail,
 * and attempts stay within the bound. A fault the worker must absorb (an outage, a kill, a lost
 * connection) costs no attempt at all: only tasks declared as failing may have any.
 *
 * <p>In two steps: {@link #awaitSettled} while the workers still run (the run ends, the queue
 * drains), then {@link #assertClean} once they are gone, when nothing can hide as unacknowledged.
 */
public final class FaultOracle {

    private static final Duration SETTLE = Duration.ofSeconds(240);

    private final FaultRig rig;
    private final String runId;
    private final List<String> expectedDeadLetters = new ArrayList<>();
    private final Set<String> deadTasks = new HashSet<>();
    private final Set<String> failingTasks = new HashSet<>();

    private FaultOracle(FaultRig rig, String runId) {
        this.rig = rig;
        this.runId = runId;
    }

    public static FaultOracle of(FaultRig rig, String runId) {
        return new FaultOracle(rig, runId);
    }

    /** The task must end dead-lettered with {@code reason} (its company is left out of the target check). */
    public FaultOracle expectDead(TaskMessage task, String reason) {
        expectedDeadLetters.add(identity(reason, task.runId(), task.taskKey()));
        deadTasks.add(task.taskKey());
        failingTasks.add(task.taskKey());
        return this;
    }

    /**
     * A dead letter that is no task of this run (a poison message): its reason, and the run id and
     * task key its headers name, null when it has none.
     */
    public FaultOracle expectDeadLetter(String reason, String messageRunId, String taskKey) {
        expectedDeadLetters.add(identity(reason, messageRunId, taskKey));
        return this;
    }

    /** The task failed on its own before succeeding (e.g. replayed after its cause was removed). */
    public FaultOracle expectFailedAttempts(TaskMessage task) {
        failingTasks.add(task.taskKey());
        return this;
    }

    /** With the workers still running: `status --wait` ends as expected and the work queue drains. */
    public void awaitSettled() throws Exception {
        int exit = ProducerCli.run(
                rig.producerEnv(),
                "status",
                "--run-id",
                runId,
                "--wait",
                "--timeout",
                Long.toString(SETTLE.toSeconds()));
        assertThat(exit)
                .as(
                        "producer status --wait of run %s (0: all succeeded, 1: some dead, 2: timed out);"
                                + " tasks by state: %s",
                        runId, rig.ledger().states(runId))
                .isEqualTo(deadTasks.isEmpty() ? 0 : 1);
        try (Broker broker = rig.broker()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int quietChecks = 0;
            while (quietChecks < 5) {
                quietChecks = broker.workQueueCount() == 0 ? quietChecks + 1 : 0;
                assertThat(System.nanoTime()).as("the work queue drains").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    /** Once the workers are gone: every part of the oracle. */
    public void assertClean() throws Exception {
        assertQueues(true);
        assertLedger();
        assertTarget();
    }

    /**
     * Every part of the oracle while workers still consume (the test goes on with them): the work
     * queue then counts only ready messages, so prefer {@link #assertClean()} at a test's end.
     */
    public void assertCleanWithWorkersRunning() throws Exception {
        assertQueues(false);
        assertLedger();
        assertTarget();
    }

    private void assertQueues(boolean workersGone) throws Exception {
        try (Broker broker = rig.broker()) {
            if (workersGone) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (broker.workQueueConsumers() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(broker.workQueueConsumers())
                        .as("no worker consumes any more")
                        .isZero();
                // Deliveries a gone worker held come back as ready messages: none may be left.
                Thread.sleep(500);
            }
            assertThat(broker.workQueueCount())
                    .as("work queue of fleet %s is empty", rig.services().fleetName())
                    .isZero();
            List<String> dead = new ArrayList<>();
            for (GetResponse letter : broker.peekDeadLetters()) {
                Map<String, Object> headers = letter.getProps().getHeaders();
                assertThat(String.valueOf(headers.get(DeadLetterHeaders.ERROR)))
                        .as("a dead letter says why")
                        .isNotBlank()
                        .isNotEqualTo("null");
                assertThat(((Number) headers.get(DeadLetterHeaders.ATTEMPTS)).intValue())
                        .as("attempts of a dead letter")
                        .isBetween(0, FaultRig.MAX_ATTEMPTS);
                dead.add(identity(
                        String.valueOf(headers.get(DeadLetterHeaders.REASON)),
                        header(headers, DeadLetterHeaders.RUN_ID),
                        header(headers, DeadLetterHeaders.TASK)));
            }
            assertThat(dead)
                    .as("the dead-letter queue holds exactly the messages meant to fail")
                    .containsExactlyInAnyOrderElementsOf(expectedDeadLetters);
        }
    }

    private void assertLedger() throws Exception {
        List<TaskRow> rows = rig.ledger().rows(runId);
        assertThat(rows).as("tasks of run %s", runId).isNotEmpty();
        for (TaskRow row : rows) {
            String key = row.task().taskKey();
            assertThat(row.state())
                    .as("state of task %s (error: %s)", key, row.error())
                    .isEqualTo(deadTasks.contains(key) ? "dead" : "succeeded");
            assertThat(row.attempts())
                    .as("attempts of task %s stay within the bound", key)
                    .isBetween(0, FaultRig.MAX_ATTEMPTS);
            if (!failingTasks.contains(key)) {
                assertThat(row.attempts())
                        .as("task %s never failed on its own: a fault costs no attempt (error: %s)", key, row.error())
                        .isZero();
            }
        }
    }

    /** The run's companies, but those with a task meant to end dead, as the rules say. */
    private void assertTarget() throws Exception {
        Set<Long> broken = new HashSet<>();
        for (String key : deadTasks) {
            broken.add(Long.parseLong(key.substring(0, key.indexOf('/'))));
        }
        List<Long> whole = rig.ledger().rows(runId).stream()
                .map(r -> r.task().companyId())
                .distinct()
                .filter(c -> !broken.contains(c))
                .sorted()
                .toList();
        assertThat(whole).as("companies left to compare").isNotEmpty();
        TargetComparison.assertTargetMatchesSource(rig.source(), rig.target(), whole, runId);
    }

    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    private static String identity(String reason, String messageRunId, String taskKey) {
        return reason + " | run " + (messageRunId == null ? "-" : messageRunId) + " | task "
                + (taskKey == null ? "-" : taskKey);
    }
}
