package io.migration.common.db;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** SQL lives in {@code .sql} files on the classpath; this reads them once, comments removed. */
public final class SqlFiles {

    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
    private static final Pattern PART = Pattern.compile("\\$\\{(\\w+)}");

    private SqlFiles() {}

    /** The statement in {@code /<path>.sql}, e.g. {@code get("ledger/insert-task")}. */
    public static String get(String path) {
        return LOCATOR.getResource(path + ".sql");
    }

    /**
     * The statement in {@code /<path>.sql} with each {@code ${name}} replaced by {@code parts.get(name)},
     * for what a bind parameter cannot carry (a COPY takes none; a constant array lets the server hash
     * it). The caller passes only numbers, literals it formats itself and fragments of its own SQL
     * files, never text from outside.
     */
    public static String fill(String path, Map<String, String> parts) {
        String sql = get(path);
        Matcher m = PART.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 64);
        while (m.find()) {
            String value = parts.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(path + ".sql needs ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
