package io.migration.producer.cli;

import io.migration.common.amqp.AmqpUris;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.config.DatabaseSettings;

/**
 * Checks the connection variables before anything connects, so a wrong one is one line naming it
 * (PgJDBC would only say "No suitable driver"), never showing a password.
 */
final class EnvironmentCheck {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private EnvironmentCheck() {}

    static ConnectionSettings databasesChecked(ConnectionSettings settings) {
        databaseUrl("SOURCE_DB_URL", settings.source(), ConnectionSettings.DEFAULT_SOURCE_URL);
        databaseUrl("TARGET_DB_URL", settings.target(), ConnectionSettings.DEFAULT_TARGET_URL);
        return settings;
    }

    private static void databaseUrl(String variable, DatabaseSettings db, String example) {
        if (!db.url().startsWith(JDBC_PREFIX) || db.url().length() == JDBC_PREFIX.length()) {
            throw new CommandFailure(
                    variable + " must be a PostgreSQL JDBC URL such as " + example + ", not "
                            + AmqpUris.redact(db.safeUrl()),
                    OneLineErrors.USAGE,
                    null);
        }
    }
}
