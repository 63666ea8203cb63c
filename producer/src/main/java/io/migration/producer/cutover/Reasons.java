package io.migration.producer.cutover;

import java.sql.SQLException;

/** One line for an error a company's cutover stopped on: the SQLSTATE and the server's first line, no statement text. */
final class Reasons {

    private Reasons() {}

    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "[" + sql.getSQLState() + "] " + firstLine(sql.getMessage());
            }
        }
        return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
