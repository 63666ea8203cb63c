package io.migration.worker.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the producer while a company is frozen (waiting for the application's open transaction):
 * {@code companies} shows it switching with its freeze time, and {@code cutover --run-id} finishes it
 * without freezing it again.
 */
@RealServices
class CutoverProducerKillIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Path PRODUCER = CutoverRig.REPOSITORY.resolve("producer/target/producer.jar");

    @Test
    void aKilledCutoverIsFinishedByItsRerunWithoutASecondFreeze(TestServices services) throws Exception {
        try (CutoverRig rig = new CutoverRig(services, 5, 4_000, 53);
                WorkerProcess worker = WorkerProcess.start("kill-1", rig.env).awaitConsuming(START)) {
            List<Long> two = rig.largest(2);
            rig.dryRunAndSchedule(two);
            Process producer;
            try (Connection app = CutoverRig.connect(services.source());
                    Statement st = app.createStatement()) {
                app.setAutoCommit(false);
                st.execute("UPDATE list_recipients SET updated_at = updated_at WHERE company_id = " + two.get(0)
                        + " AND id = (SELECT min(id) FROM list_recipients WHERE company_id = " + two.get(0) + ")");
                producer = start(rig, "cutover", "--companies", CutoverRig.ids(two), "--run-id", "killed");
                awaitFrozen(services, producer);
                producer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                app.commit();
            }
            CutoverRig.Result states = rig.capture("companies", "--state", "switching", "--format", "csv");
            assertThat(states.out()).containsPattern("\n\\d+,switching,killed,.*frozen since ");

            CutoverRig.Result rerun = rig.capture("cutover", "--companies", CutoverRig.ids(two), "--run-id", "killed");
            assertThat(rerun.code()).as(rerun.err()).isZero();
            for (long company : two) {
                assertThat(rig.hookCalls())
                        .as("company %d", company)
                        .containsOnlyOnce("freeze " + company)
                        .contains("switch " + company);
            }
            TargetComparison.assertTargetMatchesSource(services.source(), services.target(), two, "killed");
        }
    }

    private static Process start(CutoverRig rig, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", PRODUCER.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("producer-kill", ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(rig.env);
        return pb.start();
    }

    /** Waits until a company of the run is frozen (the open transaction keeps it draining). */
    private static void awaitFrozen(TestServices services, Process producer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (CutoverRig.text(
                        services.target(),
                        "SELECT count(*) FROM migration.cutovers WHERE run_id = 'killed'"
                                + " AND frozen_at IS NOT NULL")
                .equals("0")) {
            assertThat(producer.isAlive())
                    .as("the producer is still cutting over")
                    .isTrue();
            assertThat(System.nanoTime()).as("frozen within 2 minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
