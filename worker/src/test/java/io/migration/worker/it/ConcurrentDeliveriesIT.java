package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.common.shard.Buckets;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.ActualResults;
import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import io.migration.worker.pipeline.ShardMigration;
import io.migration.worker.write.ShardLocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Deliveries that overlap in time (issue #6 item 4). The test holds an advisory lock a shard's writer
 * needs, so that several deliveries are certainly blocked at the same moment (it checks the server
 * sees them waiting), then lets them go together: two runs cut differently, and one message
 * delivered twice, must each leave the target exactly what the rules make of the source, with no
 * reject recorded twice.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentDeliveriesIT {

    private static final Duration START = Duration.ofSeconds(60);

    private Map<String, String> env;
    private TestServices services;
    private List<Long> companies;
    private Ledger ledger;

    @BeforeAll
    void seed(TestServices services) {
        this.services = services;
        this.env = services.environment();
        companies = Datasets.seedAndCreateSchema(services, 6, 8000, 23);
        ledger = new Ledger(services.target());
    }

    @Test
    @Order(1)
    void twoRunsCutDifferentlyAtOnceLeaveTheTargetExactWithNoDuplicateRejects() throws Exception {
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--all",
                        "--skip-readiness-check",
                        "--run-id",
                        "cut-a",
                        "--shard-rows",
                        "1500"))
                .isZero();
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--all",
                        "--skip-readiness-check",
                        "--run-id",
                        "cut-b",
                        "--shard-rows",
                        "4000"))
                .isZero();
        List<TaskMessage> a = ledger.tasks("cut-a");
        List<TaskMessage> b = ledger.tasks("cut-b");
        long biggest = a.stream()
                .filter(t -> t.group() == TaskGroup.RECIPIENTS)
                .max(Comparator.comparingInt(TaskMessage::shardCount))
                .orElseThrow()
                .companyId();
        List<TaskMessage> overlapping = interleave(recipientsOf(a, biggest), recipientsOf(b, biggest));
        assertThat(recipientsOf(a, biggest))
                .as("the biggest company has several shards in run cut-a")
                .hasSizeGreaterThan(2);
        assertThat(recipientsOf(b, biggest)).hasSizeGreaterThan(1);

        try (Broker broker = new Broker(services.amqpUri(), services.fleetName());
                Connection blocker = ledger.connect()) {
            broker.purgeWorkQueue();
            // Every recipients task of that company, in either run, takes the range tree's root (shared or
            // exclusive): held exclusively here, it stops them all inside their transactions.
            long root = ShardLocks.keys(biggest, TaskGroup.RECIPIENTS, 0, Buckets.COUNT - 1)
                    .firstKey();
            advisory(blocker, "pg_advisory_lock", root);
            for (TaskMessage task : overlapping) {
                broker.publishRaw(TaskMessageCodec.encode(task));
            }
            try (WorkerProcess w1 = WorkerProcess.start("cut-w1", env).awaitConsuming(START);
                    WorkerProcess w2 = WorkerProcess.start("cut-w2", env).awaitConsuming(START)) {
                awaitWaiters(blocker, 4);
                advisory(blocker, "pg_advisory_unlock", root);
                for (TaskMessage task : interleave(without(a, overlapping), without(b, overlapping))) {
                    broker.publishRaw(TaskMessageCodec.encode(task));
                }
                assertThat(ProducerCli.run(env, "status", "--run-id", "cut-a", "--wait", "--timeout", "300"))
                        .isZero();
                assertThat(ProducerCli.run(env, "status", "--run-id", "cut-b", "--wait", "--timeout", "300"))
                        .isZero();
                assertThat(broker.deadLetterCount()).isZero();
            }
        }
        // Every run's rejects together: a reject recorded by both runs would show up twice here.
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, null);
    }

    @Test
    @Order(2)
    void theSameMessageDeliveredTwiceAtOnceIsAppliedOnceAndTheTargetIsExact() throws Exception {
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--all",
                        "--skip-readiness-check",
                        "--run-id",
                        "twice",
                        "--shard-rows",
                        "4000"))
                .isZero();
        List<TaskMessage> tasks = ledger.tasks("twice");
        TaskMessage biggest = tasks.stream()
                .filter(t -> t.group() == TaskGroup.RECIPIENTS || t.group() == TaskGroup.COMPANY)
                .findFirst()
                .orElseThrow();
        String added;
        try (Broker broker = new Broker(services.amqpUri(), services.fleetName());
                Connection blocker = ledger.connect()) {
            broker.purgeWorkQueue();
            long key = firstExclusiveKey(biggest);
            advisory(blocker, "pg_advisory_lock", key);
            broker.publishRaw(TaskMessageCodec.encode(biggest));
            broker.publishRaw(TaskMessageCodec.encode(biggest));
            try (WorkerProcess worker = WorkerProcess.start("twice-w1", env).awaitConsuming(START)) {
                // Both copies are inside their transactions, waiting for the same range lock. A row the
                // source gains meanwhile must reach the target: a copy that read before waiting would
                // commit a snapshot without it.
                awaitWaiters(blocker, 2);
                added = addRecipientInRange(biggest);
                advisory(blocker, "pg_advisory_unlock", key);
                for (TaskMessage task : without(tasks, List.of(biggest))) {
                    broker.publishRaw(TaskMessageCodec.encode(task));
                }
                assertThat(ProducerCli.run(env, "status", "--run-id", "twice", "--wait", "--timeout", "300"))
                        .isZero();
                awaitEmpty(broker);
                assertThat(broker.deadLetterCount()).isZero();
                worker.awaitLine("already succeeded; duplicate ignored", Duration.ofSeconds(30));
                assertThat(worker.output())
                        .filteredOn(l -> l.contains("duplicate ignored"))
                        .hasSize(1)
                        .allMatch(l -> l.contains(biggest.taskKey()));
            }
            assertThat(ActualResults.table(services.target(), "recipients", companies))
                    .anyMatch(r -> r.contains(added));
        }
        assertThat(ledger.state(biggest)).isEqualTo("succeeded");
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, null);
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "twice");
    }

    /** Adds a valid list_recipients row to the source whose email falls in the task's buckets; returns the email. */
    private String addRecipientInRange(TaskMessage task) throws Exception {
        String email = null;
        for (int i = 0; email == null; i++) {
            String candidate = "late-" + i + "@example.org";
            int bucket = Buckets.of(candidate);
            if (bucket >= task.bucketLo() && bucket <= task.bucketHi()) {
                email = candidate;
            }
        }
        try (Connection source = DriverManager.getConnection(
                        services.source().url(),
                        services.source().user(),
                        services.source().password());
                PreparedStatement st =
                        source.prepareStatement("INSERT INTO list_recipients (id, company_id, list_id, email,"
                                + " first_name, status, created_at, updated_at) SELECT (SELECT max(id) + 1 FROM list_recipients), ?,"
                                + " (SELECT min(id) FROM lists WHERE company_id = ? AND deleted_at IS NULL), ?, 'Late', 'subscribed',"
                                + " now(), now()")) {
            st.setLong(1, task.companyId());
            st.setLong(2, task.companyId());
            st.setString(3, email);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        return email;
    }

    private static List<TaskMessage> recipientsOf(List<TaskMessage> tasks, long companyId) {
        return tasks.stream()
                .filter(t -> t.companyId() == companyId && t.group() == TaskGroup.RECIPIENTS)
                .toList();
    }

    private static List<TaskMessage> without(List<TaskMessage> tasks, List<TaskMessage> published) {
        return tasks.stream().filter(t -> !published.contains(t)).toList();
    }

    private static List<TaskMessage> interleave(List<TaskMessage> first, List<TaskMessage> second) {
        List<TaskMessage> out = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                out.add(first.get(i));
            }
            if (i < second.size()) {
                out.add(second.get(i));
            }
        }
        return out;
    }

    private static long firstExclusiveKey(TaskMessage task) {
        ShardLocks.GroupRange range = ShardMigration.ranges(task).get(0);
        return ShardLocks.keys(task.companyId(), range.group(), range.lo(), range.hi()).entrySet().stream()
                .filter(Map.Entry::getValue)
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static void advisory(Connection conn, String function, long key) throws Exception {
        try (PreparedStatement st = conn.prepareStatement("SELECT " + function + "(?)")) {
            st.setLong(1, key);
            st.execute();
        }
    }

    /** Waits until at least {@code n} sessions wait for an advisory lock in the target database. */
    private static void awaitWaiters(Connection conn, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement st = conn.prepareStatement(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                    + " AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                waiting = rs.getInt(1);
            }
            if (waiting >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("only " + waiting + " of " + n + " deliveries ever waited for the range locks");
    }

    private static void awaitEmpty(Broker broker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (broker.workQueueCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(broker.workQueueCount()).isZero();
    }
}
