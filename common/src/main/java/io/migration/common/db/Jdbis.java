package io.migration.common.db;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Jdbi over a pool, able to run SQL objects (the ledger's statements are one). */
public final class Jdbis {

    private Jdbis() {}

    public static Jdbi create(DataSource dataSource) {
        return withSqlObjects(Jdbi.create(dataSource));
    }

    /**
     * Installs the SQL object plugin on {@code jdbi} (again is a no-op: it is a singleton plugin) and
     * returns it. Handles opened before keep the configuration they were opened with.
     */
    public static Jdbi withSqlObjects(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin());
    }
}
