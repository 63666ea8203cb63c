package io.migration.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;

/** Testcontainers fallback for machines with Docker and without the TEST_* variables. */
final class ContainerServices {

    private ContainerServices() {}

    static ServiceEndpoints start() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            throw new IllegalStateException("integration tests need PostgreSQL and RabbitMQ: set "
                    + ServiceEndpoints.PG_URL + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres), "
                    + ServiceEndpoints.PG_USER + " and " + ServiceEndpoints.AMQP_URI
                    + " (e.g. amqp://guest:guest@127.0.0.1:5672/%2F) to running services, as .ci/run does,"
                    + " or start a Docker engine for Testcontainers");
        }
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15-alpine");
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:3.13-management");
        postgres.start();
        rabbit.start();
        String amqp = "amqp://" + rabbit.getAdminUsername() + ":" + rabbit.getAdminPassword() + "@" + rabbit.getHost()
                + ":" + rabbit.getAmqpPort() + "/%2F";
        return new ServiceEndpoints(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), amqp);
    }
}
