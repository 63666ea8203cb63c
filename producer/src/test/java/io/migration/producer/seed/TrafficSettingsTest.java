package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void companiesAreSortedAndDistinctAndTheCountBoundIsWhatThePaceAllows() {
        TrafficSettings s = TrafficSettings.of(List.of(5L, 2L, 5L, 9L), 50, 2, 200, 42, MINUTE);
        assertThat(s.companies()).containsExactly(2L, 5L, 9L);
        assertThat(s.maxTransactions()).isEqualTo(3000);
        assertThat(TrafficSettings.of(List.of(1L), 0.5, 1, 0, 1, Duration.ofSeconds(3))
                        .maxTransactions())
                .isEqualTo(2);
        assertThat(s.withMaxTransactions(10).maxTransactions()).isEqualTo(10);
    }

    @Test
    void refusesSettingsThatCannotRun() {
        assertRefused(() -> TrafficSettings.of(List.of(), 50, 2, 200, 1, MINUTE), "no company");
        assertRefused(() -> TrafficSettings.of(null, 50, 2, 200, 1, MINUTE), "no company");
        assertRefused(() -> TrafficSettings.of(List.of(0L, 3L), 50, 2, 200, 1, MINUTE), "positive");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 0, 2, 200, 1, MINUTE), "writes per second");
        assertRefused(() -> TrafficSettings.of(List.of(1L), Double.NaN, 2, 200, 1, MINUTE), "writes per second");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 20_000, 2, 200, 1, MINUTE), "writes per second");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 0, 200, 1, MINUTE), "threads");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 65, 200, 1, MINUTE), "threads");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, -1, 1, MINUTE), "hold-open");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, 60_001, 1, MINUTE), "hold-open");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, 200, 1, Duration.ZERO), "duration");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, 200, 1, Duration.ofSeconds(-1)), "duration");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, 200, 1, Duration.ofDays(2)), "duration");
        assertRefused(() -> TrafficSettings.of(List.of(1L), 50, 2, 200, 1, null), "duration");
        assertRefused(
                () -> TrafficSettings.of(List.of(1L), 50, 2, 200, 1, MINUTE).withMaxTransactions(0), "count bound");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        Long[] many = new Long[1000];
        Arrays.setAll(many, i -> (long) i + 1);
        TrafficSettings s = TrafficSettings.of(
                List.of(many),
                TrafficSettings.MAX_WRITES_PER_SECOND,
                TrafficSettings.MAX_THREADS,
                TrafficSettings.MAX_HOLD_MILLIS,
                -7,
                TrafficSettings.MAX_DURATION);
        assertThat(s.companies()).hasSize(1000);
        assertThat(TrafficSettings.of(List.of(1L), 50, 1, 0, 0, Duration.ofMillis(1))
                        .maxTransactions())
                .isEqualTo(1);
    }

    private static void assertRefused(Runnable settings, String message) {
        assertThatThrownBy(settings::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
