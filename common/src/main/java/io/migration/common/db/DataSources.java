package io.migration.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import java.time.Duration;
import java.util.function.Consumer;

/** HikariCP pools with the timeouts every connection of this tool needs. */
public final class DataSources {

    /** Options for one pool; {@link #defaults(String)} is what the CLI uses. */
    public record PoolOptions(
            String poolName,
            int maximumPoolSize,
            boolean readOnly,
            Duration connectionTimeout,
            Duration socketTimeout,
            Duration statementTimeout) {

        public static PoolOptions defaults(String poolName) {
            return new PoolOptions(poolName, 2, false, Duration.ofSeconds(5), Duration.ofSeconds(300), Duration.ZERO);
        }

        public PoolOptions withMaximumPoolSize(int size) {
            return new PoolOptions(poolName, size, readOnly, connectionTimeout, socketTimeout, statementTimeout);
        }

        public PoolOptions withReadOnly(boolean value) {
            return new PoolOptions(
                    poolName, maximumPoolSize, value, connectionTimeout, socketTimeout, statementTimeout);
        }

        public PoolOptions withStatementTimeout(Duration value) {
            return new PoolOptions(poolName, maximumPoolSize, readOnly, connectionTimeout, socketTimeout, value);
        }

        public PoolOptions withSocketTimeout(Duration value) {
            return new PoolOptions(poolName, maximumPoolSize, readOnly, connectionTimeout, value, statementTimeout);
        }
    }

    /** Prefix of the application_name of every read-only session this tool opens (on the source). */
    public static final String READ_ONLY_APPLICATION_PREFIX = "migration-fleet-reader-";

    private DataSources() {}

    /**
     * Just under the statement timeout, so that a statement waiting for someone else's lock fails
     * as a lock wait (55P03, it passes) and a statement timeout (57014) means the statement itself
     * ran that long (it will again): the worker tells them apart by their SQLSTATE.
     */
    public static Duration lockTimeout(Duration statementTimeout) {
        return Duration.ofMillis(Math.max(1, statementTimeout.toMillis() * 9 / 10));
    }

    /** A pool that fails at once, with the cause, when the database cannot be reached (the CLI's choice). */
    public static HikariDataSource create(DatabaseSettings db, PoolOptions options) {
        return create(db, options, true);
    }

    /**
     * A pool; with {@code failFast} false it starts without a connection and connects on first
     * use, as a long-running worker that must outlive a database restart wants.
     */
    public static HikariDataSource create(DatabaseSettings db, PoolOptions options, boolean failFast) {
        return create(db, options, failFast, config -> {});
    }

    /** As {@link #create(DatabaseSettings, PoolOptions, boolean)}, letting the caller add to the pool's config (e.g. metrics). */
    public static HikariDataSource create(
            DatabaseSettings db, PoolOptions options, boolean failFast, Consumer<HikariConfig> customizer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(options.poolName());
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(options.maximumPoolSize());
        config.setMinimumIdle(0);
        config.setReadOnly(options.readOnly());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        // Fail fast on an unreachable database instead of at the first query.
        config.setInitializationFailTimeout(
                failFast ? options.connectionTimeout().toMillis() : -1);
        // PgJDBC waits forever by default (socketTimeout=0): a black-holed connection must fail.
        config.addDataSourceProperty(
                "socketTimeout", Long.toString(options.socketTimeout().toSeconds()));
        config.addDataSourceProperty(
                "connectTimeout", Long.toString(options.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Keep row data out of exception messages, so out of logs and dead letters.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // The tool's read-only sessions on the source are named apart, so a cutover waiting for the
        // application's open transactions (pg_stat_activity) can leave them out: they never write.
        config.addDataSourceProperty(
                "ApplicationName",
                options.readOnly() ? READ_ONLY_APPLICATION_PREFIX + options.poolName() : options.poolName());
        // Server-prepared statements from the first execution: results arrive in binary, so
        // timestamps and numbers are not parsed from text on the hot path of shard reads.
        config.addDataSourceProperty("prepareThreshold", "-1");
        if (!options.statementTimeout().isZero()) {
            config.addDataSourceProperty(
                    "options",
                    "-c statement_timeout=" + options.statementTimeout().toMillis() + " -c lock_timeout="
                            + lockTimeout(options.statementTimeout()).toMillis());
        }
        customizer.accept(config);
        return new HikariDataSource(config);
    }
}
