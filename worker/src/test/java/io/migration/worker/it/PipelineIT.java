package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.ActualResults;
import io.migration.testsupport.Broker;
import io.migration.testsupport.ExpectedResults;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import io.migration.worker.pipeline.ShardMigration;
import io.migration.worker.write.ShardLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The main job end to end with real worker processes: seed → enqueue → workers → status, the
 * target checked table by table against an independent SQL reading of MIGRATION.md; then
 * re-runs, duplicates and a kill -9 in the middle of a shard, each leaving the target identical.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final Duration START = Duration.ofSeconds(60);

    private Map<String, String> env;
    private TestServices services;
    private List<Long> companies;
    private Ledger ledger;

    @BeforeAll
    void seed(TestServices services) {
        this.services = services;
        this.env = services.environment();
        companies = Datasets.seedAndCreateSchema(services, 12, 20000, 11);
        ledger = new Ledger(services.target());
    }

    @Test
    @Order(1)
    void twoWorkersMigrateEveryCompanyExactlyAsTheRulesSay() throws Exception {
        try (WorkerProcess w1 = WorkerProcess.start("w1", env).awaitConsuming(START);
                WorkerProcess w2 = WorkerProcess.start("w2", env).awaitConsuming(START)) {
            assertThat(ProducerCli.run(
                            env,
                            "enqueue",
                            "--mode",
                            "migrate",
                            "--skip-readiness-check",
                            "--all",
                            "--run-id",
                            "run-1",
                            "--shard-rows",
                            "3000"))
                    .isZero();
            assertThat(ProducerCli.run(env, "status", "--run-id", "run-1", "--wait", "--timeout", "300"))
                    .isZero();
            assertThat(ledger.workers("run-1")).as("both workers took tasks").containsExactly("w1", "w2");
        }
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "run-1");
        assertThat(ExpectedResults.accountingViolations(services.source(), companies))
                .isEmpty();
    }

    @Test
    @Order(2)
    void aSecondRunCutDifferentlyLeavesTheTargetIdenticalWithOnlyItsOwnRejects() throws Exception {
        Map<String, List<String>> before = ActualResults.read(services.target(), companies, null);
        try (WorkerProcess w1 = WorkerProcess.start("w1", env).awaitConsuming(START)) {
            assertThat(ProducerCli.run(
                            env,
                            "enqueue",
                            "--mode",
                            "migrate",
                            "--skip-readiness-check",
                            "--all",
                            "--run-id",
                            "run-2",
                            "--shard-rows",
                            "7000"))
                    .isZero();
            assertThat(ProducerCli.run(env, "status", "--run-id", "run-2", "--wait", "--timeout", "300"))
                    .isZero();
        }
        Map<String, List<String>> after = ActualResults.read(services.target(), companies, null);
        TargetComparison.assertMatches(before, after);
        // With every run's rejects counted, the target still matches: run-1's rejects are gone.
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, null);
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "run-2");
    }

    @Test
    @Order(3)
    void everyMessagePublishedTwiceLeavesTheTargetIdentical() throws Exception {
        Map<String, List<String>> before = ActualResults.read(services.target(), companies, null);
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--skip-readiness-check",
                        "--all",
                        "--run-id",
                        "run-3",
                        "--shard-rows",
                        "3000"))
                .isZero();
        try (Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            for (TaskMessage task : ledger.tasks("run-3")) {
                broker.publishRaw(TaskMessageCodec.encode(task));
            }
        }
        try (WorkerProcess w1 = WorkerProcess.start("w1", env).awaitConsuming(START);
                WorkerProcess w2 = WorkerProcess.start("w2", env).awaitConsuming(START);
                Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            assertThat(ProducerCli.run(env, "status", "--run-id", "run-3", "--wait", "--timeout", "300"))
                    .isZero();
            awaitEmptyWorkQueue(broker);
            assertThat(broker.deadLetterCount()).isZero();
        }
        TargetComparison.assertMatches(before, ActualResults.read(services.target(), companies, null));
    }

    @Test
    @Order(4)
    void aWorkerKilledInTheMiddleOfAShardLosesNothing() throws Exception {
        Map<String, List<String>> before = ActualResults.read(services.target(), companies, null);
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--skip-readiness-check",
                        "--all",
                        "--run-id",
                        "run-4",
                        "--shard-rows",
                        "1000000"))
                .isZero();
        TaskMessage biggest = ledger.tasks("run-4").stream()
                .filter(t -> t.group() == TaskGroup.RECIPIENTS || t.group() == TaskGroup.COMPANY)
                .findFirst()
                .orElseThrow();
        try (Connection blocker = ledger.connect()) {
            // Holding one of the shard's range locks stops the worker inside its target transaction:
            // the kill lands in the middle of the shard, every time.
            lockShard(blocker, biggest);
            try (WorkerProcess victim = WorkerProcess.start("victim", env).awaitConsuming(START)) {
                awaitState(biggest, "running");
                Thread.sleep(300);
                assertThat(ledger.state(biggest)).isEqualTo("running");
                victim.kill();
            }
            unlockShard(blocker, biggest);
        }
        try (WorkerProcess w2 = WorkerProcess.start("survivor", env).awaitConsuming(START)) {
            assertThat(ProducerCli.run(env, "status", "--run-id", "run-4", "--wait", "--timeout", "300"))
                    .isZero();
        }
        assertThat(ledger.deliveries(biggest))
                .as("the killed delivery came back")
                .isEqualTo(2);
        assertThat(ledger.attempts(biggest))
                .as("a crash is not the task's own failure")
                .isZero();
        TargetComparison.assertMatches(before, ActualResults.read(services.target(), companies, null));
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "run-4");
    }

    @Test
    @Order(5)
    void sigtermLetsTheShardInFlightFinishThenExits() throws Exception {
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--skip-readiness-check",
                        "--companies",
                        String.valueOf(companies.get(0)),
                        "--run-id",
                        "run-5",
                        "--shard-rows",
                        "1000000"))
                .isZero();
        TaskMessage recipients = ledger.tasks("run-5").stream()
                .filter(t -> t.group() == TaskGroup.RECIPIENTS || t.group() == TaskGroup.COMPANY)
                .findFirst()
                .orElseThrow();
        try (Connection blocker = ledger.connect();
                WorkerProcess worker = WorkerProcess.start("graceful", env)) {
            lockShard(blocker, recipients);
            worker.awaitConsuming(START);
            awaitState(recipients, "running");
            Thread stopper = new Thread(() -> {
                try {
                    worker.stop(Duration.ofSeconds(40));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            worker.awaitLine("stopping: no new deliveries", Duration.ofSeconds(20));
            unlockShard(blocker, recipients);
            stopper.join(45_000);
            assertThat(worker.isAlive()).isFalse();
        }
        assertThat(ledger.state(recipients))
                .as("finished within the grace period")
                .isEqualTo("succeeded");
    }

    @Test
    @Order(6)
    void aShardLargerThanTheWorkerMayHoldIsDoneInPartsWithTheSameResult() throws Exception {
        Map<String, List<String>> before = ActualResults.read(services.target(), companies, null);
        Map<String, String> smallHeap = new HashMap<>(env);
        // Every company is one task of up to a million rows; this worker holds 1,000 rows at a time.
        smallHeap.put("WORKER_MAX_SHARD_ROWS_IN_MEMORY", "1000");
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--all",
                        "--skip-readiness-check",
                        "--run-id",
                        "run-6",
                        "--shard-rows",
                        "1000000"))
                .isZero();
        assertThat(ledger.tasks("run-6")).allMatch(t -> t.shardCount() == 1);
        try (WorkerProcess worker = WorkerProcess.start("parts", smallHeap).awaitConsuming(START)) {
            assertThat(ProducerCli.run(env, "status", "--run-id", "run-6", "--wait", "--timeout", "300"))
                    .isZero();
        }
        TargetComparison.assertMatches(before, ActualResults.read(services.target(), companies, null));
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "run-6");
    }

    private void awaitState(TaskMessage task, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!state.equals(ledger.state(task))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task " + task.taskKey() + " never reached " + state);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitEmptyWorkQueue(Broker broker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (broker.workQueueCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(broker.workQueueCount()).isZero();
        Thread.sleep(1_000);
    }

    private static void lockShard(Connection conn, TaskMessage task) throws Exception {
        try (PreparedStatement st = conn.prepareStatement("SELECT pg_advisory_lock(?)")) {
            st.setLong(1, firstLockKey(task));
            st.execute();
        }
    }

    private static void unlockShard(Connection conn, TaskMessage task) throws Exception {
        try (PreparedStatement st = conn.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, firstLockKey(task));
            st.execute();
        }
    }

    /** A key the shard's writer takes exclusively (ShardLocks): held elsewhere, it makes the writer wait. */
    private static long firstLockKey(TaskMessage task) {
        ShardLocks.GroupRange range = ShardMigration.ranges(task).get(0);
        return ShardLocks.keys(task.companyId(), range.group(), range.lo(), range.hi()).entrySet().stream()
                .filter(Map.Entry::getValue)
                .findFirst()
                .orElseThrow()
                .getKey();
    }
}
