package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.migration.worker.config.BreakerFactory;
import io.migration.worker.source.SourceReadException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class BreakersTest {

    private final Breakers breakers = new Breakers(new BreakerFactory().settings());

    @Test
    void aShardsTransientFailureIsChargedToTheDatabaseItCameFrom() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.callBoth(() -> {
                        throw new SourceReadException(new SQLException("refused", "08001"));
                    }))
                    .isInstanceOf(SourceReadException.class);
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
                    }))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(breakers.allClosed()).isTrue();
        assertThat(breakers.of(Database.TARGET).getMetrics().getNumberOfSuccessfulCalls())
                .isEqualTo(10);
    }

    @Test
    void aReadOnlyTargetOpensTheTargetBreaker() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.call(Database.TARGET, () -> {
                        throw new SQLException("cannot execute INSERT in a read-only transaction", "25006");
                    }))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(breakers.isOpen(Database.TARGET)).isTrue();
        assertThat(breakers.describeOpen())
                .isEqualTo("target breaker open: SQLSTATE 25006 read_only_sql_transaction,"
                        + " class 25 invalid_transaction_state");
    }

    /** Disk full and statement timeouts showed as "target breaker open" and nothing more. */
    @Test
    void anOpenBreakerSaysWhyByItsSqlstateItsClassAndItsConditionButNoMessageText() {
        List<String> opened = new ArrayList<>();
        breakers.onOpened((db, cause) -> opened.add(db.label() + " " + cause.metricLabel()));
        ServerErrorMessage diskFull = new ServerErrorMessage(
                "SERROR\0C53100\0Mcould not extend file" + " \"base/16384/2619\": No space left on device\0\0");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.callBoth(() -> {
                        throw new PSQLException(diskFull);
                    }))
                    .isInstanceOf(PSQLException.class);
        }

        assertThat(breakers.describeOpen())
                .isEqualTo("target breaker open: SQLSTATE 53100 disk_full, class 53" + " insufficient_resources")
                .doesNotContain("space", "base/");
        assertThat(breakers.openCause(Database.TARGET)).hasValueSatisfying(cause -> {
            assertThat(cause.sqlState()).isEqualTo("53100");
            assertThat(cause.sqlClass()).isEqualTo("53");
            assertThat(cause.condition()).isEqualTo("disk_full");
            assertThat(cause.className()).isEqualTo("insufficient_resources");
        });
        assertThat(breakers.openCause(Database.SOURCE)).isEmpty();
        assertThat(breakers.describeCauses())
                .isEqualTo("target: SQLSTATE 53100 disk_full, class 53" + " insufficient_resources");
        assertThat(opened).containsExactly("target 53100");

        breakers.of(Database.TARGET).transitionToClosedState();
        assertThat(breakers.openCause(Database.TARGET)).isEmpty();
        assertThat(breakers.describeOpen()).isEmpty();
        assertThat(breakers.describeCauses()).isNull();
    }

    @Test
    void aFailureWithoutSqlstateIsNamedByItsKindAndType() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breakers.call(Database.SOURCE, () -> {
                        throw new SourceReadException(new SQLTransientConnectionException(
                                "source - Connection is not available, request timed out after 5000ms."));
                    }))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(breakers.describeOpen())
                .isEqualTo("source breaker open: no SQLSTATE, connection" + " (SQLTransientConnectionException)");
        assertThat(breakers.openCause(Database.SOURCE).orElseThrow().metricLabel())
                .isEqualTo("none");
    }
}
