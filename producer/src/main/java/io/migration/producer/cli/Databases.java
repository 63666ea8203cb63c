package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;

/** Opens a pool for a command, turning "cannot connect" into one line that names the database. */
final class Databases {

    private Databases() {
    }

    static HikariDataSource open(DatabaseSettings db, String poolName) {
        return open(db, PoolOptions.defaults(poolName));
    }

    static HikariDataSource open(DatabaseSettings db, PoolOptions options) {
        try {
            return DataSources.create(db, options);
        } catch (HikariPool.PoolInitializationException e) {
            throw new CommandFailure("cannot connect to " + db.safeUrl() + " as " + db.user() + ": "
                    + OneLineErrors.describe(e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
