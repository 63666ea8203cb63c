package io.migration.producer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetStatusTest {

    @Test
    void oneLineWithWhyAWorkerIsSlowTheRateTheThrottleAndThePause() {
        List<LiveWorker> workers = List.of(
                new LiveWorker("w1", "consuming", "CLOSED", "CLOSED", 2500.0, 2450, null, 1),
                new LiveWorker(
                        "w2", "consuming", "CLOSED", "CLOSED", 1250.0, 2500.4, "source latency 0.8 s > 0.5 s", 1));

        String line = FleetStatus.fleetLine("migration", workers, new ControlState(5000L, false, null, null));

        assertThat(line)
                .isEqualTo("fleet migration: 2 workers (1 slowed: source latency 0.8 s > 0.5 s),"
                        + " reading 4,950 rows/s, throttle 5,000 rows/s, paused: no");
    }

    @Test
    void saysWhichBreakerIsOpenAndWhoIsPaused() {
        List<LiveWorker> workers = List.of(
                new LiveWorker("w1", "breaker_open", "OPEN", "CLOSED", null, 0, null, 0),
                new LiveWorker("w2", "paused", "CLOSED", "CLOSED", null, 0, null, 0));

        String line = FleetStatus.fleetLine("f", workers, new ControlState(null, true, null, null));

        assertThat(line)
                .isEqualTo("fleet f: 2 workers (1 paused; 1 with a breaker open: source open),"
                        + " reading 0 rows/s, throttle workers' default, paused: yes");
    }

    /** A disk-full target showed as "target open" and nothing more. */
    @Test
    void saysWhyABreakerOpened() {
        List<LiveWorker> workers = List.of(
                new LiveWorker(
                        "w1",
                        "breaker_open",
                        "CLOSED",
                        "HALF_OPEN",
                        null,
                        0,
                        null,
                        0,
                        "target: SQLSTATE 53100 disk_full, class 53 insufficient_resources"),
                new LiveWorker("w2", "breaker_open", "CLOSED", "OPEN", null, 0, null, 0, null));

        String line = FleetStatus.fleetLine("f", workers, ControlState.DEFAULT);

        assertThat(line)
                .isEqualTo("fleet f: 2 workers (2 with a breaker open: target: SQLSTATE 53100 disk_full,"
                        + " class 53 insufficient_resources), reading 0 rows/s, throttle workers' default, paused: no");
    }

    @Test
    void noLiveWorker() {
        assertThat(FleetStatus.fleetLine("f", List.of(), ControlState.DEFAULT))
                .isEqualTo("fleet f: no live worker, throttle workers' default, paused: no");
    }
}
