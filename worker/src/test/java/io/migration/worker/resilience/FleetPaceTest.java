package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.worker.config.BreakerFactory;
import io.migration.worker.pace.PausedException;
import org.junit.jupiter.api.Test;

class FleetPaceTest {

    private final FleetGate gate = new FleetGate(new Breakers(new BreakerFactory().settings()));
    private final FleetPace pace = new FleetPace(gate);

    @Test
    void withoutABudgetAWorkerIsUnlimited() throws InterruptedException {
        pace.update(0, 2, 6, 1_000);
        assertThat(pace.limit()).isZero();
        pace.source().acquire(1_000_000);
        assertThat(pace.rowsRead()).isEqualTo(1_000_000);
    }

    @Test
    void eachWorkerTakesItsConsumersShareOfTheFleetsBudget() {
        pace.update(6_000, 2, 6, 0);
        assertThat(pace.limit()).isEqualTo(2_000);
        pace.update(6_000, 2, 2, 0);
        assertThat(pace.limit()).as("alone, it takes the whole budget").isEqualTo(6_000);
        pace.update(6_000, 2, 0, 0);
        assertThat(pace.limit())
                .as("before any heartbeat it counts itself only")
                .isEqualTo(6_000);
    }

    @Test
    void aSlowdownMultipliesTheShareAndWithoutBudgetWorksFromTheRecentRate() {
        pace.update(10_000, 1, 2, 0);
        pace.setSlowdown(0.25);
        assertThat(pace.limit()).isEqualTo(1_250);
        pace.setSlowdown(1.0);
        pace.update(0, 1, 2, 8_000);
        assertThat(pace.limit()).isZero();
        pace.setSlowdown(0.5);
        assertThat(pace.limit()).as("half of what it read before slowing down").isEqualTo(4_000);
        pace.update(0, 1, 2, 3_000);
        assertThat(pace.limit())
                .as("the base does not sink with the slowed rate")
                .isEqualTo(4_000);
    }

    @Test
    void aPausedFleetRefusesRowsSoTheShardIsAbandoned() {
        gate.setPaused(true);
        assertThatThrownBy(() -> pace.target().acquire(10)).isInstanceOf(PausedException.class);
        gate.setPaused(false);
    }

    @Test
    void aLimitedPacerHandsOutItsShareAPeriodAtATimeAndLetsLargeChunksThrough() throws InterruptedException {
        pace.update(20_000, 1, 1, 0);
        RatePacer source = (RatePacer) pace.source();
        assertThat(source.limiter().getRateLimiterConfig().getLimitForPeriod())
                .as("20,000 rows/s in 100 ms periods")
                .isEqualTo(2_000);
        source.acquire(6_000);
        assertThat(pace.rowsRead())
                .as("a chunk larger than a period passes in parts")
                .isEqualTo(6_000);
    }
}
