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
 * Every way a company's switch can fail before the switch hook succeeded, in one cutover with the
 * application writing: a freeze hook that fails, target rows the target refuses (a trigger: dead
 * letters), a switch hook that hangs past CUTOVER_HOOK_TIMEOUT. None of them is switched or left
 * frozen, each is named with its reason and needs a new window, and the others switch exactly.
 */
@RealServices
class CutoverFailuresIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void failedCompaniesAreUnfrozenAndNamedWhileTheOthersSwitch(TestServices services) throws Exception {
        try (CutoverRig rig = new CutoverRig(services, 8, 6_000, 47)) {
            rig.env.put("WORKER_MAX_ATTEMPTS", "1");
            rig.env.put("CUTOVER_HOOK_TIMEOUT", "2s");
            List<Long> five = rig.largest(5);
            long freezeFails = five.get(0);
            long refused = five.get(1);
            long hangs = five.get(2);
            List<Long> fine = five.subList(3, 5);
            rig.env.put(
                    "CUTOVER_FREEZE_HOOK", rig.hook("freeze", "[ \"$COMPANY_ID\" = " + freezeFails + " ] && exit 3; "));
            rig.env.put("CUTOVER_SWITCH_HOOK", rig.hook("switch", "[ \"$COMPANY_ID\" = " + hangs + " ] && sleep 60; "));
            try (WorkerProcess w1 = WorkerProcess.start("failures-1", rig.env).awaitConsuming(START);
                    WorkerProcess w2 =
                            WorkerProcess.start("failures-2", rig.env).awaitConsuming(START)) {
                rig.dryRunAndSchedule(five);
                // The new service's own rule, added after the dry run: it refuses this company's recipients.
                CutoverRig.text(
                        services.target(),
                        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
                                + " BEGIN RAISE EXCEPTION 'refused by the new service'; END $$");
                CutoverRig.text(
                        services.target(),
                        "CREATE TRIGGER refuse BEFORE INSERT ON recipients FOR EACH ROW" + " WHEN (NEW.company_id = "
                                + refused + ") EXECUTE FUNCTION refuse()");
                CutoverRig.Result result;
                try (TrafficRun traffic = rig.traffic(rig.companies, 40, false, Duration.ofMinutes(5))) {
                    // The trigger changed the target's schema since the dry run: the operator overrides.
                    result = rig.capture(
                            "cutover",
                            "--companies",
                            CutoverRig.ids(five),
                            "--run-id",
                            "failing",
                            "--skip-readiness-check");
                    assertThat(traffic.lastError()).isNull();
                }
                assertThat(result.code()).as(result.err()).isEqualTo(1);
                assertThat(result.err())
                        .containsPattern(
                                "not switched: company " + freezeFails + ": freeze hook failed with exit code 3")
                        .containsPattern("not switched: company " + refused + ": .*dead-lettered")
                        .containsPattern("not switched: company " + hangs + ": switch hook gave no answer within 2 s");
                assertThat(CutoverRig.longs(services.source(), "SELECT company_id FROM app_cutover_flags WHERE frozen"))
                        .as("nobody left frozen")
                        .isEmpty();
                assertThat(rig.hookCalls())
                        .contains("unfreeze " + freezeFails, "unfreeze " + hangs)
                        .doesNotContain("freeze " + refused, "switch " + freezeFails, "switch " + refused);
                TargetComparison.assertTargetMatchesSource(services.source(), services.target(), fine, "failing");
                CutoverRig.Result failed = rig.capture("companies", "--state", "failed", "--format", "csv");
                for (long company : List.of(freezeFails, refused, hangs)) {
                    assertThat(failed.out()).containsPattern("\n" + company + ",.*needs a new switch window");
                }
                CutoverRig.Result windows = rig.capture("schedule", "list", "--format", "csv");
                assertThat(windows.out())
                        .containsPattern("\n" + freezeFails + ",.*,cancelled,")
                        .containsPattern("\n" + fine.get(0) + ",.*,used,");
            }
        }
    }
}
