package io.migration.worker.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.seed.TrafficRun;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The switch under live writes (CLI.md "The switch"), on real services with the application's traffic
 * generator writing to every company: each switched company's target is what the rules make of its
 * source as it stands after the switch (the SQL oracle, independent of the write path, rejects of the
 * cutover run only); rollback reports what the new service wrote, and refuses a company never switched.
 */
@RealServices
class CutoverIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void switchesCompaniesExactlyWhileTheApplicationWritesAndRollsBackOne(TestServices services) throws Exception {
        try (CutoverRig rig = new CutoverRig(services, 12, 12_000, 41);
                WorkerProcess w1 = WorkerProcess.start("cutover-1", rig.env).awaitConsuming(START);
                WorkerProcess w2 = WorkerProcess.start("cutover-2", rig.env).awaitConsuming(START)) {
            List<Long> switching = rig.largest(4);
            rig.dryRunAndSchedule(switching);
            CutoverRig.Result result;
            // The new service's writes stay off while the oracle compares; rollback's turn comes after.
            try (TrafficRun traffic = rig.traffic(rig.companies, 60, false, Duration.ofMinutes(5))) {
                Thread.sleep(1_000);
                result = rig.capture("cutover", "--companies", CutoverRig.ids(switching), "--run-id", "switch-1");
                assertThat(traffic.lastError()).isNull();
                assertThat(traffic.stats().get(switching.get(0)).legacyCommits())
                        .as("the application wrote")
                        .isPositive();
            }
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.lastLine()).isEqualTo("switch-1");
            TargetComparison.assertTargetMatchesSource(services.source(), services.target(), switching, "switch-1");
            assertThat(CutoverRig.longs(
                            services.source(),
                            "SELECT company_id FROM app_cutover_flags WHERE switched" + " AND NOT frozen ORDER BY 1"))
                    .containsExactlyElementsOf(switching.stream().sorted().toList());
            for (long company : switching) {
                assertThat(rig.hookCalls())
                        .as("company %d frozen once, switched once", company)
                        .containsOnlyOnce("freeze " + company, "switch " + company)
                        .doesNotContain("unfreeze " + company);
            }
            CutoverRig.Result report = rig.capture("report", "--run-id", "switch-1", "--format", "csv");
            assertThat(report.out().lines().skip(1).toList())
                    .hasSize(switching.size())
                    .allSatisfy(line -> assertThat(line).contains(",switched,").contains(",VERIFIED,"));
            CutoverRig.Result states = rig.capture("companies", "--state", "switched", "--format", "csv");
            assertThat(states.out())
                    .contains(switching.stream().map(c -> "\n" + c + ",").toList());

            // The new service writes to one switched company; rollback says what and hands it back.
            long back = switching.get(0);
            try (TrafficRun service = rig.traffic(List.of(back), 40, true, Duration.ofSeconds(3))) {
                assertThat(service.awaitEnd(Duration.ofSeconds(30))).isTrue();
                assertThat(service.stats().get(back).targetCommits()).isPositive();
            }
            CutoverRig.Result rollback = rig.capture("cutover", "rollback", "--companies", Long.toString(back));
            assertThat(rollback.code()).as(rollback.err()).isZero();
            assertThat(rollback.out())
                    .startsWith("company_id,table,inserted,changed,deleted")
                    .containsPattern(back + ",recipients,[1-9]\\d*,\\d+,\\d+");
            assertThat(CutoverRig.text(
                            services.source(),
                            "SELECT switched::text FROM app_cutover_flags" + " WHERE company_id = " + back))
                    .isEqualTo("false");
            CutoverRig.Result again = rig.capture(
                    "cutover",
                    "rollback",
                    "--companies",
                    Long.toString(back) + ","
                            + rig.companies.stream()
                                    .filter(c -> !switching.contains(c))
                                    .findFirst()
                                    .orElseThrow());
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("rolled back already").contains("was never switched");
        }
    }
}
