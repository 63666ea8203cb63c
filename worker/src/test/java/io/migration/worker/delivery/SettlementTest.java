package io.migration.worker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.worker.config.BreakerFactory;
import io.migration.worker.delivery.Verdict.Ack;
import io.migration.worker.delivery.Verdict.DeadLetter;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.delivery.Verdict.RetryAfter;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.Guards;
import io.migration.worker.resilience.StatementTimeouts;
import io.migration.worker.resilience.TransientRetry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final TaskMessage TASK =
            new TaskMessage(1, "r", RunMode.MIGRATE, 5, TaskGroup.RECIPIENTS, 1, 3, 1365, 2729);
    private static final TaskKey KEY = TaskLifecycle.key(TASK);

    private final FakeRecords records = new FakeRecords();
    private final Breakers breakers = new Breakers(new BreakerFactory().settings());
    private final FleetGate gate = new FleetGate(breakers);
    private final WorkerMetrics metrics = new WorkerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    private final ResilientSteps steps = new ResilientSteps(
            new Guards(
                    breakers,
                    TransientRetry.shardRetry(TransientRetry.registry(2, Duration.ofMillis(1), Duration.ofMillis(2))),
                    new StatementTimeouts(db -> true)),
            gate,
            metrics,
            Duration.ofMillis(200));
    private final Settlement settlement = new Settlement(records, steps, gate, metrics, "w1");
    private final FakeDelivery delivery = new FakeDelivery("{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anAckAcknowledgesAndCountsItsOutcome() throws Exception {
        boolean again = settlement.settle(delivery, TASK, KEY, new Ack(Outcome.SUCCEEDED, "done"));

        assertThat(again).isFalse();
        assertThat(delivery.calls).containsExactly("ack");
        assertThat(records.calls).isEmpty();
        assertThat(tasks("succeeded")).isEqualTo(1.0);
    }

    @Test
    void anAckTheBrokerRefusesIsLeftToTheRedelivery() throws Exception {
        delivery.ackFails = true;

        settlement.settle(delivery, TASK, KEY, new Ack(Outcome.DUPLICATE, "copy"));

        assertThat(delivery.calls).containsExactly("ack");
        assertThat(tasks("duplicate")).isEqualTo(1.0);
    }

    @Test
    void aHandBackEndsTheClaimThenReturnsTheMessage() throws Exception {
        settlement.settle(delivery, TASK, KEY, new HandBack("target breaker open"));

        assertThat(records.calls).containsExactly("handBack " + KEY + " handed back: target breaker open");
        assertThat(delivery.calls).containsExactly("handBack");
        assertThat(tasks("handed_back")).isEqualTo(1.0);
    }

    @Test
    void aHandBackWithoutAClaimRecordsNothing() throws Exception {
        settlement.settle(delivery, TASK, null, new HandBack("claim failed"));

        assertThat(records.calls).isEmpty();
        assertThat(delivery.calls).containsExactly("handBack");
    }

    @Test
    void aDeadLetterIsPublishedThenRecordedThenAcknowledged() throws Exception {
        settlement.settle(delivery, TASK, KEY, new DeadLetter("failed", "23", "[23505] unique_violation", 3));

        assertThat(delivery.calls).containsExactly("publishDeadLetter", "ack");
        assertThat(records.calls).containsExactly("dead " + KEY + " failed: [23505] unique_violation");
        assertThat(delivery.deadLetterHeaders)
                .containsEntry(DeadLetterHeaders.REASON, "failed")
                .containsEntry(DeadLetterHeaders.ERROR_CLASS, "23")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, 3)
                .containsEntry(DeadLetterHeaders.WORKER, "w1")
                .containsEntry(DeadLetterHeaders.TASK, TASK.taskKey());
        assertThat(tasks("dead_lettered")).isEqualTo(1.0);
    }

    @Test
    void anInvalidMessageIsDeadLetteredWithoutATask() throws Exception {
        settlement.settle(delivery, null, null, DeadLetter.ofMessage("malformed", "not JSON"));

        assertThat(delivery.calls).containsExactly("publishDeadLetter", "ack");
        assertThat(delivery.deadLetterHeaders).doesNotContainKey(DeadLetterHeaders.TASK);
        assertThat(records.calls).isEmpty();
    }

    @Test
    void aDeadLetterTheBrokerNeverConfirmsGoesBackToTheQueueUnrecorded() throws Exception {
        delivery.publishFailures = 3;

        settlement.settle(delivery, TASK, KEY, new DeadLetter("failed", "23", "e", 3));

        assertThat(delivery.calls)
                .containsExactly("publishDeadLetter", "publishDeadLetter", "publishDeadLetter", "requeue");
        assertThat(records.calls).isEmpty();
    }

    @Test
    void aDeadLetterTheLedgerCannotRecordIsStillAcknowledged() throws Exception {
        records.failWith = new IllegalStateException("no control tables");

        settlement.settle(delivery, TASK, KEY, new DeadLetter("failed", "23", "e", 3));

        assertThat(delivery.calls).containsExactly("publishDeadLetter", "ack");
    }

    @Test
    void aRetryWaitsThenTriesAgain() throws Exception {
        assertThat(settlement.settle(delivery, TASK, KEY, new RetryAfter(Duration.ofMillis(5))))
                .isTrue();
        assertThat(settlement.settle(delivery, TASK, KEY, RetryAfter.GATE)).isTrue();
        assertThat(delivery.calls).isEmpty();
    }

    @Test
    void aRetryWhileTheWorkerStopsHandsBack() throws Exception {
        gate.stop();

        assertThat(settlement.settle(delivery, TASK, KEY, new RetryAfter(Duration.ofSeconds(30))))
                .isFalse();
        assertThat(delivery.calls).containsExactly("handBack");
        assertThat(records.calls).containsExactly("handBack " + KEY + " handed back: the worker is stopping");
    }

    @Test
    void anAttemptIsCountedByTheLedger() throws Exception {
        records.attempts = 2;

        int attempts = settlement.countAttempt(TASK, KEY, ErrorClassifier.classify(new SQLException("x", "23505")), 1);

        assertThat(attempts).isEqualTo(2);
        assertThat(records.calls).containsExactly("failure " + KEY + " [23505] unique_violation: x");
        assertThat(tasks("failed_attempt")).isEqualTo(1.0);
    }

    @Test
    void anAttemptTheLedgerRefusesToCountIsCountedHere() throws Exception {
        records.failWith = new IllegalStateException("no control tables");

        assertThat(settlement.countAttempt(TASK, KEY, ErrorClassifier.classify(new SQLException("x", "23505")), 1))
                .isEqualTo(2);
    }

    private double tasks(String outcome) {
        var counter = metrics.registry()
                .find("migration.tasks")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The ledger's records in memory. */
    private static final class FakeRecords implements TaskRecords {
        final List<String> calls = new ArrayList<>();
        int attempts;
        RuntimeException failWith;

        @Override
        public int failure(TaskKey key, String worker, String error) {
            fail();
            calls.add("failure " + key + " " + error);
            return attempts;
        }

        @Override
        public void handBack(TaskKey key, String worker, String reason) {
            fail();
            calls.add("handBack " + key + " " + reason);
        }

        @Override
        public void dead(TaskKey key, String worker, String error) {
            fail();
            calls.add("dead " + key + " " + error);
        }

        private void fail() {
            if (failWith != null) {
                throw failWith;
            }
        }
    }
}
