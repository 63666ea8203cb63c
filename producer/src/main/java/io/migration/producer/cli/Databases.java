package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/** Opens a pool for a command, turning "cannot connect" into one line that names the database. */
final class Databases {

    private static final String UNDEFINED_TABLE = "42P01";

    private Databases() {}

    static HikariDataSource open(DatabaseSettings db, String poolName) {
        return open(db, PoolOptions.defaults(poolName));
    }

    /** The source is production: read-only connections with a statement timeout. */
    static HikariDataSource openSource(DatabaseSettings db, String poolName) {
        return open(db, PoolOptions.defaults(poolName).withReadOnly(true).withStatementTimeout(Duration.ofMinutes(5)));
    }

    static HikariDataSource open(DatabaseSettings db, PoolOptions options) {
        try {
            return DataSources.create(db, options);
        } catch (HikariPool.PoolInitializationException e) {
            throw new CommandFailure(
                    "cannot connect to " + db.safeUrl() + " as " + db.user() + ": "
                            + OneLineErrors.describe(e.getCause() == null ? e : e.getCause()),
                    e);
        }
    }

    /** Runs a query on the control tables, saying what to do when they do not exist yet. */
    static <T> T controlTablesQuery(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                    throw new CommandFailure(
                            "the target database has no migration control tables:"
                                    + " run `producer migrate-schema` first",
                            e);
                }
            }
            throw e;
        }
    }
}
