package io.migration.worker.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeartbeatPartsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theReadRateIsTheRowsSinceTheLastSampleOverItsSeconds() {
        ReadRate rate = new ReadRate(0);

        assertThat(rate.sample(1_000, 2 * S)).isCloseTo(500.0, within(1e-9));
        assertThat(rate.sample(1_000, 4 * S)).isZero();
        assertThat(rate.sample(4_000, 5 * S)).isCloseTo(3_000.0, within(1e-9));
        assertThat(rate.rate()).isCloseTo(3_000.0, within(1e-9));
        assertThat(rate.sample(5_000, 5 * S)).as("no time passed").isZero();
    }

    @Test
    void theOperatorsThrottleOverridesTheConfiguredBudget() {
        assertThat(new ControlRow(200L, false, 8, 2).budget(1_000)).isEqualTo(200);
        assertThat(new ControlRow(0L, false, 8, 2).budget(1_000))
                .as("throttled to unlimited")
                .isZero();
        assertThat(new ControlRow(null, false, 8, 2).budget(1_000)).isEqualTo(1_000);
        assertThat(ControlRow.NONE.budget(0)).isZero();
    }

    @Test
    void aWorkerCountsItsOwnConsumersAmongTheLiveOnes() {
        assertThat(new ControlRow(null, false, 8, 2).liveConsumersWith(4)).isEqualTo(8);
        assertThat(new ControlRow(null, false, 0, 0).liveConsumersWith(4))
                .as("its own heartbeat not yet seen")
                .isEqualTo(4);
    }
}
