package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger.TaskRow;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A statement timeout too short for the largest shard (SOURCE_DB_STATEMENT_TIMEOUT): its reads
 * were taken for an outage, the source breaker flapped (the source answers every probe), and the
 * shard was held and handed back without an attempt for ever: the run never ended, and no log
 * line named the timeout. A timeout while the source answers is the shard's own failure: after
 * WORKER_MAX_ATTEMPTS it is dead-lettered saying "statement timeout", and the run ends by itself
 * while every other task succeeds.
 */
@RealServices
class StatementTimeoutIT {

    /** Long enough for every other shard of this small dataset; far too short for the slowed one. */
    private static final String TIMEOUT = "1 second";

    private static final Duration PER_ROW = Duration.ofMillis(5);

    @Test
    void aShardWhoseReadAlwaysTimesOutIsDeadLetteredWithItsCauseAndTheRunEndsByItself(TestServices services)
            throws Exception {
        FaultRig rig = FaultRig.seed(services, 4, 2000, 89);
        long largest = largestCompany(rig);
        new SourceFaults(rig.source()).slowReadsOf(largest, PER_ROW);
        List<WorkerProcess> workers =
                rig.startWorkers("timeout", 1, rig.workerEnv(Map.of("SOURCE_DB_STATEMENT_TIMEOUT", TIMEOUT)));
        FaultOracle oracle = FaultOracle.of(rig, "timeout");
        TaskMessage slow;
        long started = System.nanoTime();
        try {
            rig.enqueue("timeout", 100_000);
            // One task per company at this --shard-rows: the largest company's is the largest shard.
            slow = rig.ledger().tasks("timeout").stream()
                    .filter(t -> t.companyId() == largest)
                    .findFirst()
                    .orElseThrow();
            assertThat(slow.group()).isIn(TaskGroup.COMPANY, TaskGroup.RECIPIENTS);
            oracle.expectDead(slow, "failed");
            oracle.awaitSettled();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the run ends by itself, within minutes")
                    .isLessThan(Duration.ofMinutes(3));
            WorkerProcess worker = workers.get(0);
            assertThat(worker.output())
                    .as("a log line names the timeout")
                    .anyMatch(l -> l.contains("failed (attempt") && l.contains("statement timeout"));
            assertThat(worker.logged("source breaker opened"))
                    .as("the source answers: its breaker stays closed")
                    .isFalse();
        } finally {
            FaultRig.stopAll(workers);
        }
        TaskRow row = rig.ledger().rows("timeout").stream()
                .filter(r -> r.task().equals(slow))
                .findFirst()
                .orElseThrow();
        assertThat(row.attempts()).isEqualTo(FaultRig.MAX_ATTEMPTS);
        assertThat(row.error()).contains("57014", "statement timeout", "list_recipients");
        try (Broker broker = rig.broker()) {
            List<GetResponse> letters = broker.peekDeadLetters();
            assertThat(letters).hasSize(1);
            assertThat(String.valueOf(letters.get(0).getProps().getHeaders().get(DeadLetterHeaders.ERROR)))
                    .startsWith("[57014] query_canceled, statement timeout (table list_recipients)")
                    .contains("SOURCE_DB_STATEMENT_TIMEOUT");
        }
        oracle.assertClean();
    }

    private static long largestCompany(FaultRig rig) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        rig.source().url(), rig.source().user(), rig.source().password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT company_id FROM list_recipients GROUP BY company_id"
                        + " ORDER BY count(*) DESC LIMIT 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
