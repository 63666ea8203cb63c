package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run's bounds, with threads that claim slots and write nothing. */
class TrafficRunTest {

    @Test
    void endsByItselfAtItsDurationEvenWhenItCannotKeepThePace() {
        AtomicLong slots = new AtomicLong();
        // A pace no thread keeps (each slot sleeps): behind schedule, the run must still end at its deadline.
        TrafficRun run = start(TrafficSettings.of(List.of(1L), 10_000, 2, 0, 1, Duration.ofMillis(300)), slots, 5);
        assertThat(run.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(run.isRunning()).isFalse();
        assertThat(slots.get()).isPositive().isLessThan(3_000);
    }

    @Test
    void endsByItselfAtItsCountBound() {
        AtomicLong slots = new AtomicLong();
        TrafficRun run = start(
                TrafficSettings.of(List.of(1L), 10_000, 3, 0, 1, Duration.ofHours(1))
                        .withMaxTransactions(25),
                slots,
                0);
        assertThat(run.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(slots.get()).isEqualTo(25);
    }

    @Test
    void stopEndsALongRunAndTheCountersStayReadable() {
        AtomicLong slots = new AtomicLong();
        TrafficRun run = start(TrafficSettings.of(List.of(1L, 2L), 1, 2, 0, 1, Duration.ofHours(1)), slots, 0);
        assertThat(run.awaitEnd(Duration.ofMillis(200))).isFalse();
        run.stop();
        assertThat(run.isRunning()).isFalse();
        assertThat(run.stats()).containsOnlyKeys(1L, 2L);
        assertThat(run.stats().get(1L).transactions()).isZero();
    }

    private static TrafficRun start(TrafficSettings settings, AtomicLong slots, long sleepMillis) {
        Map<Long, CompanyTraffic.Counters> counters = new LinkedHashMap<>();
        settings.companies().forEach(c -> counters.put(c, new CompanyTraffic.Counters(c)));
        return new TrafficRun(settings, counters, (index, run) -> {
            while (run.awaitSlot() >= 0) {
                slots.incrementAndGet();
                TrafficRun.pause(sleepMillis);
            }
        });
    }
}
