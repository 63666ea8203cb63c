package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.worker.source.SourceReadException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement that always times out was treated as an outage: the breaker flapped and the shard
 * was held and handed back forever, no attempt counted. A statement timeout while its database
 * otherwise answers is the shard's own failure; one while it does not answer is still an outage.
 */
class StatementTimeoutsTest {

    private final List<Database> probed = new ArrayList<>();

    @Test
    void aTimeoutWhileTheDatabaseAnswersIsTheShardsOwnFailureAndSaysSo() {
        StatementTimeouts timeouts = new StatementTimeouts(db -> probed.add(db));

        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw new SourceReadException(timeout("statement timeout"), "list_recipients");
                }))
                .isInstanceOfSatisfying(ShardTimeoutException.class, e -> {
                    ErrorClass error = ErrorClassifier.classify(e);
                    assertThat(error.isTransient())
                            .as("counts as an attempt, never feeds the breaker")
                            .isFalse();
                    assertThat(error.database()).isEqualTo(Database.SOURCE);
                    assertThat(error.sqlState()).isEqualTo("57014");
                    assertThat(error.errorClass()).isEqualTo("57");
                    assertThat(error.summary())
                            .isEqualTo("[57014] query_canceled, statement timeout (table list_recipients)"
                                    + " although the source answers: raise SOURCE_DB_STATEMENT_TIMEOUT or enqueue with a smaller"
                                    + " --shard-rows");
                });
        assertThat(probed).containsExactly(Database.SOURCE);
    }

    @Test
    void aTimeoutWhileTheDatabaseDoesNotAnswerStaysAnOutage() {
        StatementTimeouts timeouts = new StatementTimeouts(db -> false);
        PSQLException timedOut = timeout("statement timeout");

        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw timedOut;
                }))
                .isSameAs(timedOut);
        ErrorClass error = ErrorClassifier.classify(timedOut);
        assertThat(error.transientKind()).contains(ErrorClass.TransientKind.TIMEOUT);
        assertThat(error.summary()).isEqualTo("[57014] query_canceled, statement timeout");
    }

    @Test
    void aCancelRequestALockWaitAndOtherFailuresAreLeftAsTheyAre() {
        StatementTimeouts timeouts = new StatementTimeouts(db -> probed.add(db));
        PSQLException cancelled = timeout("user request");
        PSQLException lockWait = new PSQLException(
                new ServerErrorMessage("SERROR\0C55P03\0Mcanceling statement due to lock timeout\0\0"));
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw cancelled;
                }))
                .isSameAs(cancelled);
        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw lockWait;
                }))
                .isSameAs(lockWait);
        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw bug;
                }))
                .isSameAs(bug);
        assertThat(probed).as("only a statement timeout asks the database").isEmpty();
        assertThat(ErrorClassifier.classify(lockWait).transientKind()).contains(ErrorClass.TransientKind.TIMEOUT);
    }

    @Test
    void aTargetTimeoutNamesTheTargetsSetting() throws Exception {
        StatementTimeouts timeouts = new StatementTimeouts(db -> true);
        assertThatThrownBy(() -> timeouts.judge(() -> {
                    throw timeout("statement timeout");
                }))
                .isInstanceOfSatisfying(
                        ShardTimeoutException.class,
                        e -> assertThat(ErrorClassifier.classify(e).summary())
                                .contains("although the target answers: raise TARGET_DB_STATEMENT_TIMEOUT"));
        assertThat(timeouts.judge(() -> 7)).isEqualTo(7);
    }

    private static PSQLException timeout(String why) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C57014\0Mcanceling statement due to " + why + "\0\0"));
    }
}
