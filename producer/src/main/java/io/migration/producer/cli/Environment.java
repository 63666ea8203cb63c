package io.migration.producer.cli;

import io.migration.common.config.ConnectionSettings;
import java.util.Map;

/**
 * Where commands read their connection settings: the process environment, or the map a test
 * passes to {@link ProducerCli#run(Map, String...)} so it can point commands at its own databases.
 */
final class Environment {

    private static final ThreadLocal<Map<String, String>> OVERRIDE = new ThreadLocal<>();

    private Environment() {
    }

    static ConnectionSettings settings() {
        Map<String, String> env = OVERRIDE.get();
        return ConnectionSettings.fromMap(env != null ? env : System.getenv());
    }

    static void override(Map<String, String> env) {
        OVERRIDE.set(env);
    }

    static void clear() {
        OVERRIDE.remove();
    }
}
