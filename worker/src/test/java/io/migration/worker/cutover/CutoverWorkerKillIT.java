package io.migration.worker.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker running a frozen company's final work (its final delta or verification): the
 * broker hands the task to the next worker and the company still switches exactly.
 */
@RealServices
class CutoverWorkerKillIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void aWorkerKilledDuringTheFreezeLeavesTheSwitchExact(TestServices services) throws Exception {
        try (CutoverRig rig = new CutoverRig(services, 5, 6_000, 59);
                WorkerProcess doomed = WorkerProcess.start("doomed", rig.env).awaitConsuming(START)) {
            long company = rig.largest(1).get(0);
            rig.dryRunAndSchedule(List.of(company));
            CompletableFuture<CutoverRig.Result> cutover;
            try (Connection app = CutoverRig.connect(services.source());
                    Statement st = app.createStatement()) {
                app.setAutoCommit(false);
                // Begun before the freeze and committed during it: the final delta has this row to copy.
                st.execute("UPDATE list_recipients SET updated_at = updated_at + interval '1 second' WHERE id = ("
                        + "SELECT min(id) FROM list_recipients WHERE company_id = " + company + ")");
                cutover = CompletableFuture.supplyAsync(
                        () -> rig.capture("cutover", "--companies", Long.toString(company), "--run-id", "worker-kill"));
                InFlightWriteIT.awaitFrozen(services, company, cutover);
                app.commit();
            }
            // The only worker takes the freeze's tasks; it dies in one, and a new worker finishes the freeze.
            boolean killedMidTask = awaitTaskOf(services, "doomed", Duration.ofSeconds(60));
            doomed.kill();
            CutoverRig.Result result;
            try (WorkerProcess survivor =
                    WorkerProcess.start("survivor", rig.env).awaitConsuming(START)) {
                result = cutover.get(5, TimeUnit.MINUTES);
            }
            assertThat(result.code()).as(result.err()).isZero();
            TargetComparison.assertTargetMatchesSource(
                    services.source(), services.target(), List.of(company), "worker-kill");
            assertThat(killedMidTask)
                    .as("the doomed worker was killed while running a task of the freeze")
                    .isTrue();
        }
    }

    /** Waits until {@code worker} runs a task the run started after the company's freeze. */
    private static boolean awaitTaskOf(TestServices services, String worker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String running = CutoverRig.text(
                    services.target(),
                    "SELECT count(*) FROM migration.tasks t"
                            + " JOIN migration.cutovers c USING (run_id, company_id) WHERE t.run_id = 'worker-kill'"
                            + " AND t.state = 'running' AND t.worker = '" + worker
                            + "' AND t.started_at > c.frozen_at");
            if (!"0".equals(running)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
