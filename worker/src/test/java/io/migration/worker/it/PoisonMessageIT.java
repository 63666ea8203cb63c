package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.producer.runs.RunLedger;
import io.migration.testsupport.Broker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.faults.FaultOracle;
import io.migration.worker.faults.FaultRig;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Messages no worker can process (not JSON, not UTF-8, unknown or SQL-looking table, unknown
 * company, unknown version, a shard the ledger does not know) are dead-lettered at once with a
 * readable reason, write nothing, touch no real task, and do not stop the worker.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonMessageIT {

    private FaultRig rig;

    @BeforeAll
    void seed(TestServices services) {
        rig = FaultRig.seed(services, 3, 300, 7);
    }

    @Test
    @Order(1)
    void invalidMessagesAreDeadLetteredWithAReasonAndTheWorkerKeepsConsuming(TestServices services) throws Exception {
        Map<String, String> env = services.environment();
        FaultOracle oracle = FaultOracle.of(rig, "after-poison");
        try (WorkerProcess worker = WorkerProcess.start("poison-w1", env).awaitConsuming(Duration.ofSeconds(60));
                Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            broker.publishRaw("{not json");
            broker.publishRaw(message("lists; DROP TABLE recipients; --", 1, 1));
            broker.publishRaw(message("recipients", 987654321L, 1));
            broker.publishRaw(message("recipients", 1, 99));
            broker.publishRaw(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
            broker.publishRaw(message("contacts", 1, 1));

            Map<String, String> reasons = awaitDeadLetters(broker, 6);
            assertThat(reasons)
                    .containsEntry("{not json", "malformed_message")
                    .containsEntry(
                            new String(message("lists; DROP TABLE recipients; --", 1, 1), StandardCharsets.UTF_8),
                            "unknown_table")
                    .containsEntry(
                            new String(message("recipients", 987654321L, 1), StandardCharsets.UTF_8), "unknown_company")
                    .containsEntry(
                            new String(message("recipients", 1, 99), StandardCharsets.UTF_8), "unsupported_version")
                    .containsEntry(new String(message("contacts", 1, 1), StandardCharsets.UTF_8), "unknown_table");
            assertThat(reasons.values()).filteredOn("malformed_message"::equals).hasSize(2);
            assertThat(targetRows(services, "recipients")).isZero();
            assertThat(targetRows(services, "lists")).isZero();
            assertThat(targetRows(services, "migration_rejects")).isZero();

            // The worker still consumes after the poison messages, and they left no trace.
            rig.enqueue("after-poison", 50_000);
            oracle.awaitSettled();
            assertThat(targetRows(services, "recipients")).isPositive();
            assertThat(worker.isAlive()).isTrue();
        }
        oracle.assertClean();
    }

    /**
     * Messages that name a real task of a real run but disagree with the ledger on its shard
     * (another shard count, other buckets): dead-lettered as invalid_shard before they claim
     * anything, the real task untouched, and the run's report reads exactly what a clean run of
     * the same companies reads.
     */
    @Test
    @Order(2)
    void messagesWhoseShardDisagreesWithTheLedgerAreDeadLetteredAndTheRealTaskIsUntouched() throws Exception {
        String run = "disputed";
        rig.enqueue(run, 100);
        TaskMessage real = rig.ledger().tasks(run).stream()
                .filter(t -> t.group() == TaskGroup.RECIPIENTS && t.shardCount() > 1 && t.shardCount() != 5)
                .findFirst()
                .orElseThrow();
        List<TaskMessage> disputed = List.of(
                withShard(real, real.shard(), Integer.MAX_VALUE, real.bucketLo(), real.bucketHi()),
                withShard(real, 0, 5, 0, Buckets.COUNT - 1),
                withShard(
                        real,
                        real.shard(),
                        real.shardCount(),
                        real.bucketLo(),
                        real.bucketHi() == Buckets.COUNT - 1 ? real.bucketHi() - 1 : Buckets.COUNT - 1));
        FaultOracle oracle = FaultOracle.of(rig, run);
        try (Broker broker = rig.broker()) {
            for (TaskMessage m : disputed) {
                broker.publish(m);
                oracle.expectDeadLetter("invalid_shard", run, m.taskKey());
            }
        }
        try (WorkerProcess worker = rig.startWorker("disputed-w1", Map.of())) {
            oracle.awaitSettled();
        }
        oracle.assertClean();
        assertThat(rig.ledger().deliveries(real))
                .as("the real task was claimed by its own message only")
                .isEqualTo(1);
        Jdbi target = Jdbi.create(
                rig.target().url(), rig.target().user(), rig.target().password());
        assertThat(readByCompany(target, run))
                .as("rows read by the disputed run")
                .isEqualTo(readByCompany(target, "after-poison"));
    }

    private static TaskMessage withShard(TaskMessage m, int shard, int shardCount, int lo, int hi) {
        return new TaskMessage(m.version(), m.runId(), m.mode(), m.companyId(), m.group(), shard, shardCount, lo, hi);
    }

    /** Rows read per company and legacy table, as {@code producer report} shows them. */
    private static Map<Long, Map<String, Long>> readByCompany(Jdbi target, String runId) {
        RunLedger runs = new RunLedger(target);
        Map<Long, Map<String, Long>> out = new TreeMap<>();
        runs.figures(runs.run(runId).orElseThrow()).companies().forEach(c -> out.put(c.companyId(), c.read()));
        return out;
    }

    private static byte[] message(String table, long company, int version) {
        String json = String.format(
                "{\"version\":%d,\"runId\":\"poison\",\"mode\":\"migrate\",\"companyId\":%d,"
                        + "\"table\":\"%s\",\"shard\":0,\"shardCount\":1,\"bucketLo\":0,\"bucketHi\":4095}",
                version, company, table);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Dead letters by body, each with its reason header, once {@code count} have arrived. */
    private static Map<String, String> awaitDeadLetters(Broker broker, int count) throws Exception {
        Map<String, String> reasons = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reasons.size() < count && System.nanoTime() < deadline) {
            List<GetResponse> got = broker.drainDeadLetters();
            for (GetResponse r : got) {
                Object reason = r.getProps().getHeaders().get(DeadLetterHeaders.REASON);
                Object error = r.getProps().getHeaders().get(DeadLetterHeaders.ERROR);
                assertThat(error).as("every dead letter says what went wrong").isNotNull();
                assertThat(error.toString()).isNotBlank();
                reasons.put(new String(r.getBody(), StandardCharsets.UTF_8), String.valueOf(reason));
            }
            Thread.sleep(200);
        }
        assertThat(reasons)
                .as("dead letters received: "
                        + reasons.entrySet().stream()
                                .map(e -> e.getValue() + " <- " + e.getKey())
                                .collect(Collectors.joining("; ")))
                .hasSize(count);
        return reasons;
    }

    private static long targetRows(TestServices services, String table) throws Exception {
        try (var conn = DriverManager.getConnection(
                        services.target().url(),
                        services.target().user(),
                        services.target().password());
                var rs = conn.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
