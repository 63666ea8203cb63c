package io.migration.producer.enqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskKey;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mandatory publishing: a message the broker cannot route is never reported as sent. */
@RealServices
class TaskPublisherIT {

    private static final List<PlannedTask> TASKS = List.of(
            new PlannedTask("r1", 1, TaskGroup.LISTS, 0, 1, 0, 1023, 10),
            new PlannedTask("r1", 1, TaskGroup.RECIPIENTS, 0, 1, 0, 1023, 10),
            new PlannedTask("r1", 2, TaskGroup.LISTS, 0, 1, 0, 1023, 10));

    @Test
    void anUnroutablePublishFailsAndNothingIsConfirmed(TestServices services) throws Exception {
        Topology topology = new Topology(services.fleetName());
        List<String> notices = new ArrayList<>();
        List<TaskKey> confirmed = new ArrayList<>();
        try (TaskPublisher publisher =
                new TaskPublisher(services.amqpUri(), topology, Duration.ofSeconds(10), notices::add)) {
            // The work queue (and with it its binding) disappears after the publisher declared it.
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(services.amqpUri());
            try (Connection c = factory.newConnection();
                    Channel ch = c.createChannel()) {
                ch.queueDelete(topology.workQueue());
            }

            assertThatThrownBy(() -> publisher.publish(TASKS, RunMode.MIGRATE, confirmed::addAll))
                    .isInstanceOf(PublishFailure.class)
                    .hasMessage("the broker could not route 3 message(s) to queue " + topology.workQueue()
                            + " (312 NO_ROUTE): is the queue or its binding deleted?");
        }
        assertThat(confirmed).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void aRoutedPublishIsConfirmedTaskByTask(TestServices services) throws Exception {
        Topology topology = new Topology(services.fleetName());
        List<TaskKey> confirmed = new ArrayList<>();
        try (TaskPublisher publisher = new TaskPublisher(services.amqpUri(), topology)) {
            publisher.publish(TASKS, RunMode.MIGRATE, confirmed::addAll);
        }
        assertThat(confirmed)
                .containsExactlyElementsOf(TASKS.stream().map(PlannedTask::key).toList());
    }
}
