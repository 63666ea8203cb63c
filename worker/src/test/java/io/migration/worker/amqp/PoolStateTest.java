package io.migration.worker.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolStateTest {

    @ParameterizedTest(name = "stopping {0}, consuming {1}, paused {2}, gate open {3}: {4}")
    @CsvSource({
        "true,  true,  false, true,  stopping",
        "true,  false, true,  false, stopping",
        "false, false, false, true,  starting",
        "false, false, true,  false, starting",
        "false, true,  true,  false, paused",
        "false, true,  false, false, breaker_open",
        "false, true,  false, true,  consuming",
    })
    void theFleetTableSaysWhatTheWorkerDoes(
            boolean stopping, boolean consuming, boolean paused, boolean open, String expected) {
        assertThat(PoolState.of(stopping, consuming, paused, open)).isEqualTo(expected);
    }

    private static final long S = 1_000_000_000L;

    @ParameterizedTest(name = "consuming {0}, stopping {1}, idle since {2} s at {3} s: ''{4}''")
    @CsvSource({
        "false, false, 0,  100, not consuming yet",
        "false, true,  0,  100, ''",
        "true,  false, 0,  100, ''",
        "true,  false, 90, 100, ''",
        "true,  false, 80, 100, consumers missing for 20 s",
    })
    void healthComplainsOnlyOfConsumersMissingLongerThanAReconcileOrTwo(
            boolean consuming, boolean stopping, long idleSince, long now, String expected) {
        assertThat(PoolState.consumptionProblem(consuming, stopping, idleSince * S, now * S))
                .startsWith(expected);
        if (expected.isEmpty()) {
            assertThat(PoolState.consumptionProblem(consuming, stopping, idleSince * S, now * S))
                    .isEmpty();
        }
    }
}
