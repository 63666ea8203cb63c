package io.migration.worker.resilience;

import com.rabbitmq.client.AlreadyClosedException;
import io.migration.worker.resilience.ErrorClass.TransientKind;
import io.migration.worker.source.SourceReadException;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Classifies errors by the SQLSTATE found in the cause chain (Jdbi and HikariCP wrap SQL
 * exceptions, FIELD-NOTES), and describes them without row data: PostgreSQL's own message text
 * can quote values ("invalid input syntax … "x@y""), so only the SQLSTATE, its condition name and
 * the table, column and constraint names are kept.
 */
public final class ErrorClassifier {

    private static final int MAX_SUMMARY = 300;

    private ErrorClassifier() {}

    public static ErrorClass classify(Throwable error) {
        Database database = Database.TARGET;
        SQLException sql = null;
        String readingTable = null;
        boolean connectionLevel = false;
        ShardTimeoutException ownTimeout = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ShardTimeoutException own && ownTimeout == null) {
                ownTimeout = own;
            }
            if (t instanceof SourceReadException read) {
                database = Database.SOURCE;
                readingTable = readingTable == null ? read.table() : readingTable;
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof EOFException
                    || t instanceof AlreadyClosedException) {
                connectionLevel = true;
            }
            if ((sql == null || sql instanceof BatchUpdateException)
                    && t instanceof SQLException s
                    && s.getSQLState() != null
                    && !(t instanceof SourceReadException)
                    && s != sql) {
                sql = serverError(s);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String state = sql == null ? null : sql.getSQLState();
        Optional<TransientKind> kind = state == null ? Optional.empty() : SqlStates.transientKind(state);
        if (kind.isEmpty() && connectionLevel) {
            kind = Optional.of(TransientKind.CONNECTION);
        }
        String summary = summary(error, sql, readingTable);
        if (ownTimeout != null) {
            // Judged by StatementTimeouts: the database answers, the shard is too slow for the timeout.
            return new ErrorClass(
                    ownTimeout.database(), Optional.empty(), state, bounded(summary + ownTimeout.advice()));
        }
        return new ErrorClass(database, kind, state, summary);
    }

    /**
     * PgJDBC reports a failed batch (COPY-less writes, e.g. the lists upsert) as a
     * BatchUpdateException whose message repeats the server's text, row data included ("… was
     * aborted: ERROR: <trigger message>"); the server's own error, with the names of the objects
     * involved, is its next exception.
     */
    private static SQLException serverError(SQLException e) {
        if (e instanceof BatchUpdateException
                && e.getNextException() != null
                && e.getNextException().getSQLState() != null) {
            return e.getNextException();
        }
        return e;
    }

    /**
     * One line for logs and dead letters: SQLSTATE, condition, names of the objects involved
     * ({@code readingTable}: the source table whose read failed, for errors the server names no
     * table in).
     */
    static String summary(Throwable error, SQLException sql, String readingTable) {
        String text;
        if (sql != null) {
            StringBuilder out = new StringBuilder("[")
                    .append(sql.getSQLState())
                    .append("] ")
                    .append(SqlStates.conditionName(sql.getSQLState()));
            if (StatementTimeouts.isStatementTimeout(sql)) {
                out.append(", statement timeout");
            }
            List<String> names = new ArrayList<>();
            if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                UndefinedColumn undefined = UndefinedColumn.of(sql.getSQLState(), server.getMessage());
                add(names, "table", firstOf(server.getTable(), undefined.table(), readingTable));
                add(names, "column", firstOf(server.getColumn(), undefined.column()));
                add(names, "constraint", server.getConstraint());
            } else {
                add(names, "table", readingTable);
            }
            if (!names.isEmpty()) {
                out.append(" (").append(String.join(", ", names)).append(')');
            }
            if (!(sql instanceof PSQLException) && !(sql instanceof BatchUpdateException)) {
                // Driver-side and pool errors (e.g. HikariCP's connection timeout) carry no row data;
                // a batch's error repeats the server's message text, which may.
                out.append(": ").append(oneLine(sql.getMessage()));
            }
            text = out.toString();
        } else {
            Throwable root = error;
            text = root.getClass().getSimpleName() + ownMessage(root);
        }
        return bounded(text);
    }

    private static String bounded(String text) {
        return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY) + "…" : text;
    }

    /** Messages of this project's exceptions name ids and tables only; others may quote data. */
    private static String ownMessage(Throwable t) {
        if (t.getMessage() == null || !t.getClass().getName().startsWith("io.migration.")) {
            return "";
        }
        return ": " + oneLine(t.getMessage());
    }

    private static String firstOf(String... names) {
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static void add(List<String> names, String what, String name) {
        if (name != null && !name.isBlank()) {
            names.add(what + " " + name);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
