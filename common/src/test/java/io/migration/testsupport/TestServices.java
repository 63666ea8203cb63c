package io.migration.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.migration.common.config.DatabaseSettings;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test class's services: its own source and target databases, its own fleet name.
 * {@link #environment()} is what a producer command or a worker process reads.
 */
public final class TestServices {

    private final ServiceEndpoints endpoints;
    private final String sourceDatabase;
    private final String targetDatabase;
    private final String fleetName;

    TestServices(ServiceEndpoints endpoints, String prefix) {
        this.endpoints = endpoints;
        this.sourceDatabase = prefix + "_src";
        this.targetDatabase = prefix + "_tgt";
        this.fleetName = prefix;
    }

    public DatabaseSettings source() {
        return new DatabaseSettings(endpoints.jdbcUrlFor(sourceDatabase), endpoints.user(), endpoints.password());
    }

    public DatabaseSettings target() {
        return new DatabaseSettings(endpoints.jdbcUrlFor(targetDatabase), endpoints.user(), endpoints.password());
    }

    /** A further database of this test class, created empty on first use and dropped with the others. */
    public DatabaseSettings extraDatabase(String suffix) {
        String name = fleetName + "_" + suffix;
        createDatabase(name);
        return new DatabaseSettings(endpoints.jdbcUrlFor(name), endpoints.user(), endpoints.password());
    }

    public String amqpUri() {
        return endpoints.amqpUri();
    }

    public String fleetName() {
        return fleetName;
    }

    /** The CLI.md variables pointing at this test's services. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SOURCE_DB_URL", source().url());
        env.put("SOURCE_DB_USER", endpoints.user());
        env.put("SOURCE_DB_PASSWORD", endpoints.password());
        env.put("TARGET_DB_URL", target().url());
        env.put("TARGET_DB_USER", endpoints.user());
        env.put("TARGET_DB_PASSWORD", endpoints.password());
        env.put("AMQP_URI", endpoints.amqpUri());
        env.put("FLEET_NAME", fleetName);
        return env;
    }

    void createDatabases() {
        createDatabase(sourceDatabase);
        createDatabase(targetDatabase);
    }

    private void createDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
    }

    void dropEverything() throws Exception {
        admin(
                "DROP DATABASE IF EXISTS " + sourceDatabase + " WITH (FORCE)",
                "DROP DATABASE IF EXISTS " + targetDatabase + " WITH (FORCE)");
        dropExtraDatabases();
        deleteBrokerObjects();
    }

    private void dropExtraDatabases() {
        try (var conn = DriverManager.getConnection(endpoints.adminJdbcUrl(), endpoints.user(), endpoints.password());
                var st = conn.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            st.setString(1, fleetName + "\\_%");
            List<String> names = new ArrayList<>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (Statement drop = conn.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test databases of " + fleetName, e);
        }
    }

    /** Deletes every queue and exchange named with this fleet's prefix (the fleet's naming rule). */
    private void deleteBrokerObjects() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(endpoints.amqpUri());
        try (Connection connection = factory.newConnection("test-cleanup")) {
            for (String queue : List.of("work", "dead", "retry", "control")) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(fleetName + "." + queue);
                }
            }
            for (String exchange : List.of("work", "dead", "retry", "control")) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(fleetName + "." + exchange);
                }
            }
        }
    }

    private void admin(String... statements) {
        try (var conn = DriverManager.getConnection(endpoints.adminJdbcUrl(), endpoints.user(), endpoints.password());
                Statement st = conn.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot prepare test databases on " + endpoints.adminJdbcUrl()
                            + " as " + endpoints.user() + ": " + e.getMessage()
                            + " (is PostgreSQL running? .ci/run starts it)",
                    e);
        }
    }
}
