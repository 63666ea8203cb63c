package io.migration.worker.resilience;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names in an undefined column's message (42703), which PostgreSQL puts in its text only:
 * {@code column "phone" does not exist}, {@code column lr.phone does not exist}, {@code column
 * "phone" of relation "recipients" does not exist}. That text holds identifiers, never row values;
 * no other state's text is read (it may quote values).
 */
record UndefinedColumn(String table, String column) {

    private static final UndefinedColumn NONE = new UndefinedColumn(null, null);
    private static final String NAME = "\"?([A-Za-z_][A-Za-z0-9_$]{0,62}(?:\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?)\"?";
    private static final Pattern MESSAGE =
            Pattern.compile("^column " + NAME + "(?: of relation " + NAME + ")? does not exist$");

    static UndefinedColumn of(String sqlState, String message) {
        if (!"42703".equals(sqlState) || message == null) {
            return NONE;
        }
        Matcher m = MESSAGE.matcher(message.strip());
        if (!m.matches()) {
            return NONE;
        }
        return new UndefinedColumn(m.group(2), unqualified(m.group(1)));
    }

    /** {@code lr.phone}: the alias is the statement's own; the column is what was dropped. */
    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
