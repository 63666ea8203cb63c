package io.migration.producer.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import io.migration.common.ledger.TaskKey;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterViewTest {

    private static final byte[] TASK =
            TaskMessageCodec.encode(new TaskMessage(1, "r1", RunMode.MIGRATE, 42, TaskGroup.RECIPIENTS, 3, 8, 96, 127));

    @Test
    void readsTheWorkersHeaders() {
        Map<String, Object> h = new HashMap<>();
        h.put("x-migration-reason", "failed");
        h.put("x-migration-error", "deadlock\n  detected");
        h.put("x-migration-error-class", "40P01");
        h.put("x-migration-run-id", "r1");
        h.put("x-migration-company-id", 42L);
        h.put("x-migration-task", "42/recipients/3of8");
        h.put("x-migration-table", "recipients");
        h.put("x-migration-shard", 3);
        h.put("x-migration-attempts", 3);
        h.put("x-migration-worker", "w1");
        h.put("x-migration-failed-at", "2024-01-01T00:00:00Z");

        DeadLetter d = DeadLetterView.of(props(h), TASK);

        assertThat(d)
                .isEqualTo(new DeadLetter(
                        "r1",
                        42L,
                        "recipients",
                        3,
                        "42/recipients/3of8",
                        "failed",
                        "40P01",
                        "deadlock detected",
                        3,
                        "w1",
                        "2024-01-01T00:00:00Z",
                        "worker",
                        new TaskKey("r1", 42, TaskGroup.RECIPIENTS, 3)));
    }

    @Test
    void aBrokerDeadLetterTakesItsTaskFromTheBodyAndItsReasonFromXDeath() {
        Map<String, Object> death = new HashMap<>();
        death.put("reason", "delivery_limit");
        death.put("queue", "migration.work");
        death.put("time", new Date(0));
        Map<String, Object> h = new HashMap<>();
        h.put("x-death", List.of(death));
        h.put("x-delivery-count", 50);

        DeadLetter d = DeadLetterView.of(props(h), TASK);

        assertThat(d.runId()).isEqualTo("r1");
        assertThat(d.companyId()).isEqualTo(42L);
        assertThat(d.table()).isEqualTo("recipients");
        assertThat(d.shard()).isEqualTo(3);
        assertThat(d.task()).isEqualTo("42/recipients/3of8");
        assertThat(d.reason()).isEqualTo("delivery_limit");
        assertThat(d.attempts())
                .as("x-delivery-count counts the dead queue's redeliveries, not tries")
                .isNull();
        assertThat(d.failedAt()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(d.deadLetteredBy()).isEqualTo("broker");
        assertThat(d.key()).isEqualTo(new TaskKey("r1", 42, TaskGroup.RECIPIENTS, 3));
    }

    @Test
    void aBodyThatIsNoTaskIsStillListedWithWhatTheHeadersSay() {
        Map<String, Object> h = Map.of("x-migration-reason", "malformed_message", "x-migration-error", "not JSON");

        DeadLetter d = DeadLetterView.of(props(h), "{{{".getBytes(StandardCharsets.UTF_8));

        assertThat(d.reason()).isEqualTo("malformed_message");
        assertThat(d.runId()).isNull();
        assertThat(d.key()).isNull();
        assertThat(d.deadLetteredBy()).isEqualTo("worker");
    }

    @Test
    void anErrorIsOneBoundedLineWithCredentialsMasked() {
        String error = "cannot connect to postgresql://app:hunter2@db/x password=hunter2 " + "x".repeat(1000);

        String bounded = DeadLetterView.bounded(error);

        assertThat(bounded).doesNotContain("hunter2").contains("postgresql://app:***@db/x", "password=***");
        assertThat(bounded.length()).isLessThanOrEqualTo(DeadLetterView.MAX_ERROR + 1);
    }

    @Test
    void aCopyLeavesTheDeadLetteringHeadersBehindAndSaysWhereItCameFrom() {
        Map<String, Object> h = new HashMap<>();
        h.put("x-death", List.of(Map.of("reason", "rejected")));
        h.put("x-first-death-reason", "rejected");
        h.put("x-delivery-count", 3);
        h.put("x-migration-reason", "failed");
        h.put("trace-id", "abc");
        AMQP.BasicProperties original = new AMQP.BasicProperties.Builder()
                .headers(h)
                .messageId("r1/42")
                .expiration("1000")
                .userId("someone")
                .contentType("application/json")
                .build();

        AMQP.BasicProperties copy = DeadLetterReplayer.copyProperties(original, "migration.dead");

        assertThat(copy.getHeaders())
                .containsOnlyKeys("trace-id", DeadLetterReplayer.REPLAYED_AT, DeadLetterReplayer.REPLAYED_FROM);
        assertThat(copy.getHeaders().get(DeadLetterReplayer.REPLAYED_FROM)).isEqualTo("migration.dead");
        assertThat(copy.getMessageId()).isEqualTo("r1/42");
        assertThat(copy.getContentType()).isEqualTo("application/json");
        assertThat(copy.getExpiration()).isNull();
        assertThat(copy.getUserId()).isNull();
        assertThat(copy.getDeliveryMode()).isEqualTo(2);
    }

    private static AMQP.BasicProperties props(Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder().headers(headers).build();
    }
}
