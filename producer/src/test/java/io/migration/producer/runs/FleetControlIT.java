package io.migration.producer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.cli.CliRun;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** throttle, pause and resume write the fleet's control row; status shows the fleet and orphaned tasks. */
@RealServices
class FleetControlIT {

    private static Map<String, String> env;
    private static Sql target;
    private static String fleet;

    @BeforeAll
    static void migrate(TestServices services) {
        env = services.environment();
        target = new Sql(services.target());
        fleet = services.fleetName();
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();
    }

    @Test
    void throttleSetsTheFleetsBudgetAndResetGoesBackToTheDefault() {
        CliRun set = CliRun.run(env, "throttle", "--rows-per-second", "5000");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out())
                .isEqualTo("fleet " + fleet + ": throttle 5,000 rows/s, paused: no;"
                        + " no live worker now: workers read it when they start\n");
        assertThat(control()).isEqualTo("5000 false");
        assertThat(target.one("SELECT updated_by FROM migration.fleet_control WHERE fleet = ?", fleet))
                .endsWith("(producer)");

        CliRun reset = CliRun.run(env, "throttle", "--reset");
        assertThat(reset.out()).startsWith("fleet " + fleet + ": throttle workers' default (FLEET_ROWS_PER_SECOND)");
        assertThat(control()).isEqualTo("null false");
    }

    @Test
    void aThrottleThatIsNotPositiveOrBothFlagsIsRefused() {
        CliRun zero = CliRun.run(env, "throttle", "--rows-per-second", "0");
        assertThat(zero.exitCode()).isNotZero();
        assertThat(zero.errLines())
                .containsExactly("error: --rows-per-second must be positive (use pause to stop the fleet)");

        CliRun both = CliRun.run(env, "throttle", "--rows-per-second", "10", "--reset");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.errLines()).hasSize(1);
    }

    @Test
    void pauseAndResumeKeepTheThrottle() {
        assertThat(CliRun.run(env, "throttle", "--rows-per-second", "700").exitCode())
                .isZero();

        CliRun paused = CliRun.run(env, "pause");
        assertThat(paused.exitCode()).isZero();
        assertThat(paused.out()).startsWith("fleet " + fleet + ": throttle 700 rows/s, paused: yes;");
        assertThat(control()).isEqualTo("700 true");

        assertThat(CliRun.run(env, "resume").exitCode()).isZero();
        assertThat(control()).isEqualTo("700 false");
    }

    @Test
    void statusShowsTheLiveFleetAndTasksRunningOnAWorkerThatIsGone() {
        target.exec(
                "INSERT INTO migration.fleet_control (fleet, rows_per_second, paused) VALUES (?, 5000, false)"
                        + " ON CONFLICT (fleet) DO UPDATE SET rows_per_second = 5000, paused = false",
                fleet);
        target.exec(
                "INSERT INTO migration.workers (fleet, worker, consumers, state, source_breaker, target_breaker,"
                        + " pace_limit, read_rate, slowdown, in_flight, last_seen) VALUES"
                        + " (?, 'w1', 2, 'consuming', 'CLOSED', 'CLOSED', 2500, 2450, NULL, 1, now()),"
                        + " (?, 'w2', 2, 'consuming', 'CLOSED', 'CLOSED', 1250, 2500, 'source latency 0.8 s > 0.5 s', 1, now()),"
                        + " (?, 'gone', 2, 'consuming', 'CLOSED', 'CLOSED', 2500, 3000, NULL, 1, now() - interval '1 minute'),"
                        + " ('other-fleet', 'w9', 2, 'consuming', 'CLOSED', 'CLOSED', 2500, 9999, NULL, 1, now())",
                fleet,
                fleet,
                fleet);
        target.exec("INSERT INTO migration.runs (run_id, mode, selection, shard_rows, task_count)"
                + " VALUES ('r-status', 'migrate', 'companies [1]', 50000, 3)");
        target.exec("INSERT INTO migration.tasks (run_id, company_id, task_group, shard, shard_count, bucket_lo,"
                + " bucket_hi, estimated_rows, state, worker, started_at) VALUES"
                + " ('r-status', 1, 'lists', 0, 1, 0, 1023, 10, 'succeeded', 'w1', now()),"
                + " ('r-status', 1, 'recipients', 0, 1, 0, 1023, 10, 'running', 'w2', now()),"
                + " ('r-status', 1, 'suppressions', 0, 1, 0, 1023, 10, 'running', 'gone', now())");

        CliRun status = CliRun.run(env, "status", "--run-id", "r-status");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.outLines()).hasSize(3);
        assertThat(status.outLines().get(0)).startsWith("run r-status: 1/3 tasks succeeded, 2 running");
        assertThat(status.outLines().get(1))
                .isEqualTo("fleet " + fleet + ": 2 workers (1 slowed: source latency"
                        + " 0.8 s > 0.5 s), reading 4,950 rows/s, throttle 5,000 rows/s, paused: no");
        assertThat(status.outLines().get(2))
                .isEqualTo("tasks marked running on workers not seen for 15 s: gone (1);"
                        + " their messages go back to the queue once the broker drops those connections");
    }

    private static String control() {
        return target.one(
                "SELECT coalesce(rows_per_second::text, 'null') || ' ' || paused FROM migration.fleet_control"
                        + " WHERE fleet = ?",
                fleet);
    }
}
