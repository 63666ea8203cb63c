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
 * The in-flight race: the application began a transaction before the freeze hook returned and commits
 * it while the company is frozen. The cutover waits for it (pg_stat_activity) before the final delta,
 * so its write is in the target.
 */
@RealServices
class InFlightWriteIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void aTransactionBegunBeforeTheFreezeAndCommittedAfterItIsInTheTarget(TestServices services) throws Exception {
        try (CutoverRig rig = new CutoverRig(services, 4, 3_000, 43);
                WorkerProcess worker = WorkerProcess.start("race-1", rig.env).awaitConsuming(START)) {
            long company = rig.largest(1).get(0);
            rig.dryRunAndSchedule(List.of(company));
            long row = CutoverRig.longs(
                            services.source(),
                            "SELECT min(r.id) FROM list_recipients r JOIN lists l"
                                    + " ON l.id = r.list_id AND l.company_id = r.company_id AND l.deleted_at IS NULL"
                                    + " WHERE r.company_id = " + company
                                    + " AND lower(btrim(r.status)) IN ('subscribed',"
                                    + " 'unsubscribed', 'bounced', 'pending') AND r.email ~ '^[a-z0-9.]+@[a-z0-9]+\\.[a-z]+$'")
                    .get(0);
            try (Connection app = CutoverRig.connect(services.source());
                    Statement st = app.createStatement()) {
                app.setAutoCommit(false);
                // Begun before the freeze, as the application's would be; it commits while the company is frozen.
                st.execute("UPDATE list_recipients SET first_name = 'Inflight', updated_at = now() + interval '1 day'"
                        + " WHERE id = " + row);
                CompletableFuture<CutoverRig.Result> cutover = CompletableFuture.supplyAsync(
                        () -> rig.capture("cutover", "--companies", Long.toString(company), "--run-id", "race"));
                awaitFrozen(services, company, cutover);
                Thread.sleep(1_500);
                app.commit();
                CutoverRig.Result result = cutover.get(3, TimeUnit.MINUTES);
                assertThat(result.code()).as(result.err()).isZero();
            }
            assertThat(CutoverRig.text(
                            services.target(),
                            "SELECT count(*) FROM recipients WHERE company_id = " + company
                                    + " AND first_name = 'Inflight'"))
                    .isEqualTo("1");
            TargetComparison.assertTargetMatchesSource(services.source(), services.target(), List.of(company), "race");
            assertThat(CutoverRig.text(
                            services.target(),
                            "SELECT (freeze_window_ms >= 1500)::text"
                                    + " FROM migration.cutovers WHERE run_id = 'race'"))
                    .as("the switch waited for the commit")
                    .isEqualTo("true");
        }
    }

    /** Waits until the company is frozen; fails with the cutover's output if it ended first. */
    static void awaitFrozen(TestServices services, long company, CompletableFuture<CutoverRig.Result> cutover)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (CutoverRig.text(
                        services.target(),
                        "SELECT count(*) FROM migration.cutovers WHERE company_id = " + company
                                + " AND frozen_at IS NOT NULL")
                .equals("0")) {
            if (cutover.isDone()) {
                throw new AssertionError(
                        "the cutover ended before freezing: " + cutover.get().err());
            }
            assertThat(System.nanoTime())
                    .as("company %d frozen within 2 minutes", company)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
