package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The producer killed with {@code kill -9} in the middle of an enqueue (a batch confirmed and
 * marked published, others still planned, perhaps some sent but unconfirmed: its line to the
 * broker is slow), then run again with the same {@code --run-id}: it publishes what was not
 * confirmed, the workers ignore the copies of what already ran, and every task succeeds once.
 */
@RealServices
class ProducerKillIT {

    private static final Path PRODUCER_JAR =
            Path.of(System.getProperty("user.dir"), "..", "producer", "target", "producer.jar");
    /** About 300 tasks: a first batch of 200 confirmed, then a hundred more in flight at the kill. */
    private static final int SHARD_ROWS = 25;
    /** The producer confirms 200 messages at a time: a slow line spreads a batch over seconds. */
    private static final long LINE_BYTES_PER_SECOND = 6_000;

    @Test
    void aProducerKilledInTheMiddleOfEnqueueAndRunAgainPublishesTheRestAndNothingTwice(TestServices services)
            throws Exception {
        FaultRig rig = FaultRig.seed(services, 3, 1500, 107);
        String run = "killed-enqueue";
        FaultOracle oracle = FaultOracle.of(rig, run);
        Map<String, Integer> atKill;
        try (TcpProxy line = TcpProxy.slowAmqp(rig.amqpUri(), LINE_BYTES_PER_SECOND)) {
            Process producer = startProducer(rig, line.amqpUri(rig.amqpUri()), run);
            try {
                atKill = rig.ledger()
                        .awaitStates(
                                run,
                                s -> s.getOrDefault("published", 0) >= 200 && s.getOrDefault("planned", 0) > 0,
                                "a first batch confirmed and tasks still planned",
                                Duration.ofSeconds(120));
            } finally {
                producer.destroyForcibly();
                producer.waitFor(10, TimeUnit.SECONDS);
            }
            // Whatever the killed producer had sent and the line still held is dropped with it.
            line.cut();
        }
        List<WorkerProcess> workers = rig.startWorkers("enqueue-kill", 2, rig.workerEnv(Map.of()));
        try {
            rig.enqueue(run, SHARD_ROWS);
            assertThat(rig.ledger().states(run))
                    .as("the second enqueue published what was planned at the kill (%s)", atKill)
                    .doesNotContainKey("planned");
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }

    /** {@code java -jar producer.jar enqueue …} as its own process, so that it can be killed. */
    private static Process startProducer(FaultRig rig, String amqpUri, String run) throws Exception {
        if (!Files.exists(PRODUCER_JAR)) {
            throw new IllegalStateException(PRODUCER_JAR + " is missing: integration tests run after `package`");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        PRODUCER_JAR.toString(),
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--skip-readiness-check",
                        "--all",
                        "--run-id",
                        run,
                        "--shard-rows",
                        Integer.toString(SHARD_ROWS))
                .redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("user.dir"), "target", "producer-" + run + ".log")
                        .toFile());
        builder.environment().putAll(rig.producerEnv());
        builder.environment().put("AMQP_URI", amqpUri);
        return builder.start();
    }
}
