package io.migration.common.db;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** SQL lives in {@code .sql} files on the classpath; this reads them once, comments removed. */
public final class SqlFiles {

    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();

    private SqlFiles() {
    }

    /** The statement in {@code /<path>.sql}, e.g. {@code get("ledger/insert-task")}. */
    public static String get(String path) {
        return LOCATOR.getResource(path + ".sql");
    }
}
