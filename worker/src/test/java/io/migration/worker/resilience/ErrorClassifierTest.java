package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.pool.HikariPool;
import io.migration.worker.pace.PausedException;
import io.migration.worker.resilience.ErrorClass.TransientKind;
import io.migration.worker.source.SourceReadException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class ErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "08006, CONNECTION", "08001, CONNECTION", "57P01, CONNECTION", "57P03, CONNECTION",
        "57014, TIMEOUT", "55P03, TIMEOUT", "40P01, DEADLOCK", "40001, DEADLOCK",
        "53100, RESOURCES", "53300, RESOURCES", "25006, READ_ONLY"
    })
    void statesThatPassByThemselvesAreTransient(String state, TransientKind kind) {
        ErrorClass error = ErrorClassifier.classify(new SQLException("boom", state));
        assertThat(error.transientKind()).contains(kind);
        assertThat(error.sqlState()).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"23505", "23503", "23514", "22P02", "P0001", "42P01", "42703"})
    void dataConstraintTriggerAndSchemaErrorsAreTheTasksOwn(String state) {
        assertThat(ErrorClassifier.classify(new SQLException("boom", state)).isTransient())
                .isFalse();
    }

    @Test
    void theStateIsFoundThroughJdbiAndHikariWrappers() {
        SQLException cause = new SQLException("terminating connection due to administrator command", "57P01");
        RuntimeException wrapped = new UnableToExecuteStatementException(cause, null);
        ErrorClass error = ErrorClassifier.classify(new RuntimeException("outer", wrapped));
        assertThat(error.transientKind()).contains(TransientKind.CONNECTION);
        assertThat(error.database()).isEqualTo(Database.TARGET);
    }

    @Test
    void aPoolTimeoutIsAConnectionProblem() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "source - Connection is not available, request timed out after 5000ms.");
        assertThat(ErrorClassifier.classify(new HikariPool.PoolInitializationException(timeout))
                        .transientKind())
                .contains(TransientKind.CONNECTION);
    }

    @Test
    void aSourceReadIsChargedToTheSource() {
        SQLException refused = new SQLException("Connection refused", "08001");
        ErrorClass error = ErrorClassifier.classify(new IllegalStateException(new SourceReadException(refused)));
        assertThat(error.database()).isEqualTo(Database.SOURCE);
        assertThat(error.transientKind()).contains(TransientKind.CONNECTION);
    }

    @Test
    void theSummaryNamesObjectsButNeverRepeatsServerTextThatMayHoldRowData() {
        ServerErrorMessage server = new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique"
                + " constraint \"recipients_company_email_key\"\0DKey (company_id, email)=(7, jane@example.com)"
                + " already exists.\0tpublic\0trecipients\0nrecipients_company_email_key\0\0");
        ErrorClass error = ErrorClassifier.classify(new PSQLException(server));
        assertThat(error.summary())
                .isEqualTo("[23505] unique_violation (table recipients, constraint" + " recipients_company_email_key)");
        assertThat(error.summary()).doesNotContain("jane@example.com");
        assertThat(error.errorClass()).isEqualTo("23");
    }

    /** A source column dropped under the fleet: the dead letter said "[42703] undefined_column" alone. */
    @Test
    void anUndefinedColumnNamesTheColumnAndTheTableTheReaderWasReading() {
        ServerErrorMessage server = new ServerErrorMessage(
                "SERROR\0C42703\0Mcolumn \"phone\" does not exist\0" + "P48\0Fparse_relation.c\0\0");
        ErrorClass error = ErrorClassifier.classify(
                new RuntimeException(new SourceReadException(new PSQLException(server), "list_recipients")));
        assertThat(error.summary()).isEqualTo("[42703] undefined_column (table list_recipients, column phone)");
        assertThat(error.database()).isEqualTo(Database.SOURCE);
        assertThat(error.isTransient()).isFalse();

        ServerErrorMessage qualified = new ServerErrorMessage("SERROR\0C42703\0Mcolumn lr.phone does not exist\0\0");
        assertThat(ErrorClassifier.classify(new SourceReadException(new PSQLException(qualified), "list_recipients"))
                        .summary())
                .isEqualTo("[42703] undefined_column (table list_recipients, column phone)");

        ServerErrorMessage target = new ServerErrorMessage(
                "SERROR\0C42703\0Mcolumn \"phone\" of relation" + " \"recipients\" does not exist\0\0");
        assertThat(ErrorClassifier.classify(new PSQLException(target)).summary())
                .isEqualTo("[42703] undefined_column (table recipients, column phone)");
    }

    @Test
    void onlyAnUndefinedColumnsMessageIsReadForItsName() {
        ServerErrorMessage other =
                new ServerErrorMessage("SERROR\0C22P02\0Mcolumn \"jane@example.com\" does not" + " exist\0\0");
        assertThat(ErrorClassifier.classify(new SourceReadException(new PSQLException(other), "lists"))
                        .summary())
                .isEqualTo("[22P02] invalid_text_representation (table lists)")
                .doesNotContain("jane");
    }

    @Test
    void aTriggersMessageIsNotRepeated() {
        ServerErrorMessage server = new ServerErrorMessage("SERROR\0CP0001\0Mrefusing jane@example.com\0\0");
        assertThat(ErrorClassifier.classify(new PSQLException(server)).summary())
                .isEqualTo("[P0001] raise_exception")
                .doesNotContain("jane");
    }

    /** What PgJDBC throws when a row of a batch (the lists upsert) meets a trigger's RAISE (DlqReplayIT). */
    @Test
    void aFailedBatchDoesNotRepeatTheServersTextEither() {
        ServerErrorMessage server =
                new ServerErrorMessage("SERROR\0CP0001\0Mrefusing list 15 named Leads 1\0" + "tpublic\0tlists\0\0");
        PSQLException serverError = new PSQLException(server);
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 <unknown> was aborted: ERROR: refusing"
                        + " list 15 named Leads 1  Call getNextException to see other errors in the batch.",
                "P0001",
                0,
                new int[0],
                serverError);
        batch.setNextException(serverError);
        ErrorClass error = ErrorClassifier.classify(new RuntimeException(batch));
        assertThat(error.summary())
                .isEqualTo("[P0001] raise_exception (table lists)")
                .doesNotContain("Leads");
        assertThat(error.isTransient()).isFalse();

        BatchUpdateException alone = new BatchUpdateException(
                "Batch entry 0 was aborted: ERROR: refusing Leads 1", "P0001", 0, new int[0], null);
        assertThat(ErrorClassifier.classify(alone).summary())
                .isEqualTo("[P0001] raise_exception")
                .doesNotContain("Leads");
    }

    @Test
    void foreignExceptionMessagesAreLeftOutOwnOnesKept() {
        assertThat(ErrorClassifier.classify(new NumberFormatException("For input string: \"jane\""))
                        .summary())
                .isEqualTo("NumberFormatException");
        assertThat(ErrorClassifier.classify(new PausedException()).summary()).startsWith("PausedException");
        assertThat(ErrorClassifier.classify(new OutOfMemoryError("Java heap space"))
                        .isTransient())
                .isFalse();
    }
}
