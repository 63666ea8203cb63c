package io.migration.common.config;

import java.util.Map;
import java.util.Objects;

/**
 * The connection settings that producer and worker share (CLI.md, "Connection settings"),
 * read from the environment with the contract's defaults.
 */
public record ConnectionSettings(DatabaseSettings source, DatabaseSettings target, String amqpUri, String fleetName) {

    public static final String DEFAULT_SOURCE_URL = "jdbc:postgresql://localhost:5432/legacy";
    public static final String DEFAULT_TARGET_URL = "jdbc:postgresql://localhost:5432/recipients";
    public static final String DEFAULT_AMQP_URI = "amqp://guest:guest@localhost:5672/%2F";
    public static final String DEFAULT_FLEET_NAME = "migration";

    public ConnectionSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(amqpUri, "amqpUri");
        Objects.requireNonNull(fleetName, "fleetName");
    }

    public static ConnectionSettings fromEnvironment() {
        return fromMap(System.getenv());
    }

    public static ConnectionSettings fromMap(Map<String, String> env) {
        String osUser = System.getProperty("user.name");
        return new ConnectionSettings(
                new DatabaseSettings(
                        get(env, "SOURCE_DB_URL", DEFAULT_SOURCE_URL),
                        get(env, "SOURCE_DB_USER", osUser),
                        get(env, "SOURCE_DB_PASSWORD", "")),
                new DatabaseSettings(
                        get(env, "TARGET_DB_URL", DEFAULT_TARGET_URL),
                        get(env, "TARGET_DB_USER", osUser),
                        get(env, "TARGET_DB_PASSWORD", "")),
                get(env, "AMQP_URI", DEFAULT_AMQP_URI),
                get(env, "FLEET_NAME", DEFAULT_FLEET_NAME));
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
