package io.migration.testsupport;

import java.util.Map;

/**
 * Where the shared PostgreSQL server and RabbitMQ broker are: an administrative JDBC URL on a
 * database that always exists, and an AMQP URI. Resolved once per JVM.
 */
record ServiceEndpoints(String adminJdbcUrl, String user, String password, String amqpUri) {

    static final String PG_URL = "TEST_PG_URL";
    static final String PG_USER = "TEST_PG_USER";
    static final String PG_PASSWORD = "TEST_PG_PASSWORD";
    static final String AMQP_URI = "TEST_AMQP_URI";

    private static ServiceEndpoints resolved;

    static synchronized ServiceEndpoints resolve() {
        if (resolved == null) {
            resolved = fromEnvironment(System.getenv());
            if (resolved == null) {
                resolved = ContainerServices.start();
            }
        }
        return resolved;
    }

    static ServiceEndpoints fromEnvironment(Map<String, String> env) {
        String url = env.get(PG_URL);
        String amqp = env.get(AMQP_URI);
        if (url == null && amqp == null) {
            return null;
        }
        if (url == null || amqp == null) {
            throw new IllegalStateException(
                    "set both " + PG_URL + " and " + AMQP_URI
                            + " (for example jdbc:postgresql://127.0.0.1:5432/postgres and amqp://guest:guest@127.0.0.1:5672/%2F)");
        }
        return new ServiceEndpoints(
                url, env.getOrDefault(PG_USER, "postgres"), env.getOrDefault(PG_PASSWORD, ""), amqp);
    }

    /** The JDBC URL of another database on the same server. */
    String jdbcUrlFor(String database) {
        int query = adminJdbcUrl.indexOf('?');
        String base = query < 0 ? adminJdbcUrl : adminJdbcUrl.substring(0, query);
        String params = query < 0 ? "" : adminJdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}
