package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Messages no worker can process are dead-lettered at once with a readable reason, write
 * nothing, and do not stop the worker.
 */
@RealServices
class PoisonMessageIT {

    @Test
    void invalidMessagesAreDeadLetteredWithAReasonAndTheWorkerKeepsConsuming(TestServices services) throws Exception {
        Map<String, String> env = services.environment();
        assertThat(ProducerCli.run(env, "seed", "--companies", "3", "--rows", "300", "--seed", "7")).isZero();
        assertThat(ProducerCli.run(env, "migrate-schema")).isZero();

        try (WorkerProcess worker = WorkerProcess.start("poison-w1", env).awaitConsuming(Duration.ofSeconds(60));
             Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            broker.publishRaw("{not json");
            broker.publishRaw(message("lists; DROP TABLE recipients; --", 1, 1));
            broker.publishRaw(message("recipients", 987654321L, 1));
            broker.publishRaw(message("recipients", 1, 99));
            broker.publishRaw(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

            Map<String, String> reasons = awaitDeadLetters(broker, 5);
            assertThat(reasons).containsEntry("{not json", "malformed_message")
                    .containsEntry(new String(message("lists; DROP TABLE recipients; --", 1, 1), StandardCharsets.UTF_8),
                            "unknown_table")
                    .containsEntry(new String(message("recipients", 987654321L, 1), StandardCharsets.UTF_8),
                            "unknown_company")
                    .containsEntry(new String(message("recipients", 1, 99), StandardCharsets.UTF_8),
                            "unsupported_version");
            assertThat(reasons.values()).filteredOn("malformed_message"::equals).hasSize(2);
            assertThat(targetRows(services, "recipients")).isZero();
            assertThat(targetRows(services, "lists")).isZero();
            assertThat(targetRows(services, "migration_rejects")).isZero();

            assertThat(ProducerCli.run(env, "enqueue", "--mode", "migrate", "--skip-readiness-check", "--all",
                    "--run-id", "after-poison")).isZero();
            assertThat(ProducerCli.run(env, "status", "--run-id", "after-poison", "--wait", "--timeout", "120"))
                    .as("the worker still consumes after the poison messages").isZero();
            assertThat(targetRows(services, "recipients")).isPositive();
            assertThat(worker.isAlive()).isTrue();
        }
    }

    private static byte[] message(String table, long company, int version) {
        String json = String.format("{\"version\":%d,\"runId\":\"poison\",\"mode\":\"migrate\",\"companyId\":%d,"
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
        assertThat(reasons).as("dead letters received: " + reasons.entrySet().stream()
                .map(e -> e.getValue() + " <- " + e.getKey()).collect(Collectors.joining("; "))).hasSize(count);
        return reasons;
    }

    private static long targetRows(TestServices services, String table) throws Exception {
        try (var conn = DriverManager.getConnection(services.target().url(), services.target().user(),
                services.target().password());
             var rs = conn.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
