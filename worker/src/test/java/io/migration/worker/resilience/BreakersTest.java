package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.migration.worker.config.BreakerFactory;
import io.migration.worker.source.SourceReadException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BreakersTest {

    private final Breakers breakers = new Breakers(new BreakerFactory());

    @Test
    void aShardsTransientFailureIsChargedToTheDatabaseItCameFrom() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.callBoth(() -> {
                throw new SourceReadException(new SQLException("refused", "08001"));
            })).isInstanceOf(SourceReadException.class);
        }
        assertThat(breakers.of(Database.SOURCE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.of(Database.TARGET).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThatThrownBy(() -> breakers.callBoth(() -> 1)).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void theTasksOwnFailuresNeverOpenABreaker() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> breakers.callBoth(() -> {
                throw new SQLException("check violation", "23514");
            })).isInstanceOf(SQLException.class);
        }
        assertThat(breakers.allClosed()).isTrue();
        assertThat(breakers.of(Database.TARGET).getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(10);
    }

    @Test
    void aReadOnlyTargetOpensTheTargetBreaker() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.call(Database.TARGET, () -> {
                throw new SQLException("cannot execute INSERT in a read-only transaction", "25006");
            })).isInstanceOf(SQLException.class);
        }
        assertThat(breakers.isOpen(Database.TARGET)).isTrue();
        assertThat(breakers.describeOpen()).isEqualTo("target breaker open");
    }
}
