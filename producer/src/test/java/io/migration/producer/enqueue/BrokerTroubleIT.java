package io.migration.producer.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.producer.cli.CliRun;
import io.migration.testsupport.PrivateBroker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the broker does to a producer that an operator must see plainly, on a private node: a
 * memory alarm blocks publishing (announced, then a one-line failure within the timeout, and a
 * repeat publishes the rest), and a broker restart that the client recovers from logs a few
 * one-line warnings and no error or stack trace.
 */
@RealServices
class BrokerTroubleIT {

    private static PrivateBroker broker;
    private static Map<String, String> env;
    private static Sql target;

    @BeforeAll
    static void start(TestServices services) throws Exception {
        broker = PrivateBroker.start("opscli");
        env = new HashMap<>(services.environment());
        env.put("AMQP_URI", broker.amqpUri());
        target = new Sql(services.target());
        assertThat(CliRun.run(env, "seed", "--companies", "3", "--rows", "300").exitCode())
                .isZero();
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aMemoryAlarmFailsEnqueueInOneLineWithinItsTimeoutAndARepeatPublishesTheRest(TestServices services)
            throws Exception {
        broker.memoryAlarm(true);
        CliRun blocked;
        try {
            blocked = CliRun.run(
                    env,
                    "enqueue",
                    "--mode",
                    "migrate",
                    "--skip-readiness-check",
                    "--companies",
                    "1,2",
                    "--run-id",
                    "r-alarm",
                    "--shard-rows",
                    "100",
                    "--broker-timeout",
                    "3");
        } finally {
            broker.memoryAlarm(false);
        }
        long tasks = target.number("SELECT count(*) FROM migration.tasks WHERE run_id = 'r-alarm'");
        assertThat(tasks).isGreaterThan(2);

        assertThat(blocked.exitCode()).isNotZero();
        assertThat(blocked.errLines())
                .filteredOn(l -> l.startsWith("broker blocked publishing: "))
                .containsExactly("broker blocked publishing: low on memory (memory or disk alarm); waiting up to 3 s");
        assertThat(blocked.errLines().get(blocked.errLines().size() - 1))
                .isEqualTo(
                        "error: the broker blocked publishing for more than 3 s (low on memory: a memory or disk alarm); run"
                                + " r-alarm: 0 of " + tasks
                                + " task(s) published, repeat enqueue with --run-id r-alarm to"
                                + " publish the rest");
        assertThat(blocked.out()).isEmpty();
        assertThat(published("r-alarm")).isZero();

        CliRun repeat = CliRun.run(
                env,
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--companies",
                "1,2",
                "--run-id",
                "r-alarm");
        assertThat(repeat.exitCode()).as(repeat.err()).isZero();
        assertThat(repeat.err()).contains("published " + tasks + " task(s) of run r-alarm");
        assertThat(published("r-alarm")).isEqualTo(tasks);

        CliRun third = CliRun.run(
                env,
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--companies",
                "1,2",
                "--run-id",
                "r-alarm");
        assertThat(third.err()).contains("published 0 task(s) of run r-alarm");

        // Every task is in the work queue; a copy stuck in the blocked connection may arrive too (harmless).
        Set<String> ids = new HashSet<>();
        int messages = 0;
        try (Connection c = plainConnection();
                Channel ch = c.createChannel()) {
            GetResponse r;
            while ((r = ch.basicGet(new Topology(services.fleetName()).workQueue(), true)) != null) {
                ids.add(r.getProps().getMessageId());
                messages++;
            }
        }
        System.out.printf(
                "work queue after the alarm: %d message(s), %d distinct task(s) of %d%n", messages, ids.size(), tasks);
        assertThat(ids).hasSize((int) tasks);
    }

    @Test
    void aBrokerRestartThatRecoversLogsOneLinePerEventAndNoError() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger amqp = (Logger) LoggerFactory.getLogger("io.migration.amqp");
        Level before = amqp.getLevel();
        amqp.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try (Connection connection = AmqpConnections.open(broker.amqpUri(), "restart-check", null)) {
            Channel channel = connection.createChannel();
            new Topology("restart-check").declare(channel);

            broker.stop();
            broker.launch();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (events.list.stream().noneMatch(e -> e.getFormattedMessage().contains("recovered"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            channel.queueDeclarePassive("restart-check.work");
        } finally {
            root.detachAppender(events);
            amqp.setLevel(before);
        }

        List<ILoggingEvent> logged = List.copyOf(events.list);
        logged.forEach(
                e -> System.out.println(e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()));
        assertThat(logged)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .isEmpty();
        assertThat(logged)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .allMatch(e -> e.getThrowableProxy() == null, "no stack trace")
                .allMatch(e -> !e.getFormattedMessage().contains("\n"), "one line")
                .first()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .startsWith("broker connection restart-check lost (closed by the broker: 320 CONNECTION_FORCED");
        assertThat(logged)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("broker connection restart-check recovered after "));
    }

    private static long published(String runId) {
        return target.number("SELECT count(*) FROM migration.tasks WHERE run_id = ? AND state = 'published'", runId);
    }

    private static Connection plainConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.amqpUri());
        return factory.newConnection();
    }
}
