package io.migration.worker.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.dropwizard.lifecycle.Managed;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.worker.pipeline.TaskProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's consumers: one channel per processing thread, each with a small prefetch. On
 * stop it cancels them, lets in-flight shards finish within the grace period, then closes.
 */
public final class ConsumerPool implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPool.class);

    private final String amqpUri;
    private final Topology topology;
    private final TaskProcessor processor;
    private final String workerName;
    private final int threads;
    private final int prefetch;
    private final Duration gracePeriod;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<TaskConsumer> consumers = new ArrayList<>();
    private ExecutorService executor;
    private ScheduledExecutorService watchdog;
    private DeadLetterPublisher deadLetters;
    private volatile Connection connection;
    private volatile boolean stopping;

    public ConsumerPool(String amqpUri, Topology topology, TaskProcessor processor, String workerName, int threads,
            int prefetch, Duration gracePeriod) {
        this.amqpUri = amqpUri;
        this.topology = topology;
        this.processor = processor;
        this.workerName = workerName;
        this.threads = threads;
        this.prefetch = prefetch;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public void start() throws Exception {
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shard-worker-" + THREADS.incrementAndGet());
            t.setDaemon(false);
            return t;
        });
        connection = AmqpConnections.open(amqpUri, workerName, executor);
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new LoggingRecoveryListener());
        }
        try (Channel setup = connection.createChannel()) {
            topology.declare(setup);
        }
        deadLetters = new DeadLetterPublisher(topology, workerName);
        LOG.info("connected to the broker; consuming starts once the server is up");
    }

    /**
     * Starts the consumers. Called when the whole server has started, so that from the first
     * delivery on, a SIGTERM goes through the graceful {@link #stop()}.
     */
    public synchronized void startConsuming() throws java.io.IOException {
        if (stopping) {
            return;
        }
        for (int i = 0; i < threads; i++) {
            consumers.add(newConsumer());
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "consumer-watchdog"));
        watchdog.scheduleWithFixedDelay(this::reopenClosedConsumers, 5, 5, TimeUnit.SECONDS);
        LOG.info("consuming {} with {} thread(s), prefetch {}", topology.workQueue(), threads, prefetch);
    }

    private TaskConsumer newConsumer() throws java.io.IOException {
        TaskConsumer consumer = new TaskConsumer(TaskConsumer.open(connection), processor, deadLetters, inFlight);
        consumer.start(topology, prefetch);
        return consumer;
    }

    /**
     * Automatic recovery reopens channels lost with the connection, not one closed by a
     * channel-level error (a consumer timeout, a stale acknowledgement): reopen those here.
     */
    private synchronized void reopenClosedConsumers() {
        if (stopping || connection == null || !connection.isOpen()) {
            return;
        }
        for (int i = 0; i < consumers.size(); i++) {
            if (consumers.get(i).closedByChannelError()) {
                try {
                    consumers.set(i, newConsumer());
                    LOG.warn("reopened a consumer whose channel the broker had closed");
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.warn("could not reopen a consumer yet: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void stop() throws Exception {
        stopping = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        LOG.info("stopping: no new deliveries; waiting up to {} for {} in-flight shard(s)", gracePeriod, inFlight.get());
        synchronized (this) {
            consumers.forEach(TaskConsumer::cancel);
        }
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (inFlight.get() > 0) {
            LOG.warn("{} shard(s) still in flight after the grace period: the broker will redeliver them", inFlight.get());
        }
        if (connection != null && connection.isOpen()) {
            connection.close((int) Math.min(Integer.MAX_VALUE, Duration.ofSeconds(5).toMillis()));
        }
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** True while the broker connection and every consumer channel are open. */
    public boolean healthy() {
        return connection != null && connection.isOpen() && !consumers.isEmpty()
                && consumers.stream().allMatch(TaskConsumer::isOpen);
    }

    public int inFlight() {
        return inFlight.get();
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private static final class LoggingRecoveryListener implements RecoveryListener {
        @Override
        public void handleRecovery(Recoverable recoverable) {
            LOG.info("broker connection recovered; consumers re-registered");
        }

        @Override
        public void handleRecoveryStarted(Recoverable recoverable) {
            LOG.warn("broker connection lost; recovering");
        }
    }
}
