package io.migration.worker.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import io.dropwizard.lifecycle.Managed;
import io.migration.common.amqp.Topology;
import io.migration.worker.delivery.DeliveryHandler;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.FleetGate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's consumers: one channel per processing thread, subscribed while the {@link FleetGate}
 * is open and cancelled while it is shut (a breaker open, the fleet paused, the worker stopping).
 * A reconciler makes what is match what should be every second and on every gate change: it
 * re-creates consumers the broker cancelled or whose channel it closed, so none disappears
 * silently. On stop it cancels them, lets in-flight shards finish within the grace period, then
 * closes the connection.
 */
public final class ConsumerPool implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPool.class);

    /**
     * How this worker consumes (worker.yml, consumer section).
     *
     * @param gracePeriod how long a stop waits for in-flight shards
     */
    public record Settings(String workerName, int threads, int prefetch, Duration gracePeriod) {}

    private final ConnectionFactory factory;
    private final Topology topology;
    private final DeliveryHandler handler;
    private final FleetGate gate;
    private final WorkerMetrics metrics;
    private final String workerName;
    private final int threads;
    private final int prefetch;
    private final Duration gracePeriod;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<TaskConsumer> consumers = new ArrayList<>();
    private ExecutorService processing;
    private ScheduledExecutorService reconciler;
    private ConfirmingPublisher publisher;
    private volatile Connection connection;
    private volatile boolean consuming;
    private volatile boolean stopping;
    private volatile long idleSince;
    private String lastGateReason = "";

    public ConsumerPool(
            ConnectionFactory factory,
            Topology topology,
            DeliveryHandler handler,
            FleetGate gate,
            WorkerMetrics metrics,
            Settings settings) {
        this.factory = factory;
        this.topology = topology;
        this.handler = handler;
        this.gate = gate;
        this.metrics = metrics;
        this.workerName = settings.workerName();
        this.threads = settings.threads();
        this.prefetch = settings.prefetch();
        this.gracePeriod = settings.gracePeriod();
    }

    @Override
    public void start() throws Exception {
        AtomicInteger n = new AtomicInteger();
        processing = Executors.newFixedThreadPool(threads, r -> new Thread(r, "shard-" + n.incrementAndGet()));
        connection = factory.newConnection(workerName);
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new LoggingRecoveryListener(metrics, this::forgetHeld));
        }
        try (Channel setup = connection.createChannel()) {
            topology.declare(setup);
        }
        publisher = new ConfirmingPublisher(connection);
        LOG.info("connected to the broker; consuming starts once the server is up");
    }

    /** Starts consuming once the whole server is up, so a SIGTERM always goes through {@link #stop()}. */
    public synchronized void startConsuming() throws IOException {
        if (stopping) {
            return;
        }
        for (int i = 0; i < threads; i++) {
            consumers.add(new TaskConsumer(connection.createChannel(), this::dispatch));
        }
        consuming = true;
        reconciler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "consumer-reconciler"));
        reconciler.scheduleWithFixedDelay(this::reconcile, 0, 1, TimeUnit.SECONDS);
        gate.addListener(() -> {
            ScheduledExecutorService r = reconciler;
            if (r != null && !r.isShutdown()) {
                r.execute(this::reconcile);
            }
        });
        LOG.info("consuming {} with {} thread(s), prefetch {}", topology.workQueue(), threads, prefetch);
    }

    private void dispatch(TaskConsumer.AmqpDeliveryParts parts) {
        AmqpDelivery delivery = new AmqpDelivery(parts, publisher, topology);
        inFlight.incrementAndGet();
        try {
            processing.execute(() -> {
                try {
                    handler.handle(delivery);
                } catch (Throwable t) {
                    // The handler settles every delivery itself; reaching here is a bug.
                    LOG.error("unexpected error handling a delivery: {}", t.toString(), t);
                } finally {
                    // Left unsettled on an open channel, it would keep its consumer from subscribing again.
                    delivery.returnIfUnsettled();
                    inFlight.decrementAndGet();
                    resubscribeSoon();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
        }
    }

    /** After a connection recovery: the broker gave every held delivery back (to be redelivered). */
    private synchronized void forgetHeld() {
        consumers.forEach(TaskConsumer::forgetHeld);
    }

    /** A consumer that waited for its held deliveries may subscribe again now, not at the next tick. */
    private void resubscribeSoon() {
        ScheduledExecutorService r = reconciler;
        if (r != null && !r.isShutdown() && gate.isOpen()) {
            try {
                r.execute(this::reconcile);
            } catch (RejectedExecutionException e) {
                LOG.debug("reconciler stopped: {}", e.getMessage());
            }
        }
    }

    /**
     * Makes the consumers match the gate: subscribed while open, cancelled while shut. A consumer
     * subscribes again only once its channel holds nothing: the broker's prefetch window is per
     * subscription, so held deliveries would not count in a new one's (threads × prefetch at most).
     */
    synchronized void reconcile() {
        if (!consuming || connection == null || !connection.isOpen()) {
            return;
        }
        boolean wanted = !stopping && gate.isOpen();
        logGateChange(wanted);
        for (int i = 0; i < consumers.size(); i++) {
            TaskConsumer consumer = consumers.get(i);
            try {
                if (!consumer.isChannelOpen()) {
                    consumer = new TaskConsumer(connection.createChannel(), this::dispatch);
                    consumers.set(i, consumer);
                    metrics.consumerRecovered("channel_closed");
                }
                if (wanted && !consumer.isSubscribed() && consumer.held() == 0) {
                    if (consumer.wasCancelledByBroker()) {
                        declareTopology();
                        metrics.consumerRecovered("broker_cancel");
                    }
                    consumer.subscribe(topology.workQueue(), prefetch);
                } else if (!wanted && consumer.isSubscribed()) {
                    consumer.unsubscribe();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not {} consumer {} yet: {}", wanted ? "re-subscribe" : "cancel", i, e.getMessage());
            }
        }
        boolean idle = wanted && consumers.stream().anyMatch(c -> !c.isSubscribed() && !c.isWaitingForHeld());
        idleSince = idle ? (idleSince == 0 ? System.nanoTime() : idleSince) : 0;
    }

    private void declareTopology() throws IOException {
        try (Channel setup = connection.createChannel()) {
            topology.declare(setup);
        } catch (TimeoutException e) {
            throw new IOException("timed out declaring the topology", e);
        }
    }

    private void logGateChange(boolean wanted) {
        String reason = wanted ? "" : gate.closedReason();
        if (!reason.equals(lastGateReason)) {
            if (wanted) {
                LOG.info("resuming consumption ({} cleared)", lastGateReason);
            } else if (!stopping) {
                LOG.warn("pausing consumption: {}; in-flight deliveries are held, none is requeued", reason);
            }
            lastGateReason = reason;
        }
    }

    @Override
    public void stop() throws Exception {
        stopping = true;
        gate.stop();
        LOG.info(
                "stopping: no new deliveries; waiting up to {} for {} in-flight shard(s)", gracePeriod, inFlight.get());
        synchronized (this) {
            consumers.forEach(TaskConsumer::unsubscribe);
        }
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (inFlight.get() > 0) {
            LOG.warn(
                    "{} shard(s) still in flight after the grace period: the broker will redeliver them",
                    inFlight.get());
        }
        if (reconciler != null) {
            reconciler.shutdownNow();
        }
        if (connection != null && connection.isOpen()) {
            connection.close(5_000);
        }
        if (processing != null) {
            processing.shutdownNow();
            processing.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** For health: connected to the broker. */
    public boolean connected() {
        return connection != null && connection.isOpen();
    }

    /** For health: empty when consuming as it should; otherwise what is wrong. */
    public String consumptionProblem() {
        return PoolState.consumptionProblem(consuming, stopping, idleSince, System.nanoTime());
    }

    public int activeConsumers() {
        synchronized (this) {
            return (int) consumers.stream().filter(TaskConsumer::isSubscribed).count();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Deliveries taken and not yet acknowledged or returned: at most threads × prefetch. */
    public int heldDeliveries() {
        synchronized (this) {
            return consumers.stream()
                    .filter(TaskConsumer::isChannelOpen)
                    .mapToInt(TaskConsumer::held)
                    .sum();
        }
    }

    /** The worker's state for the fleet's table: starting, consuming, paused, breaker_open, stopping. */
    public String state() {
        return PoolState.of(stopping, consuming, gate.isPaused(), gate.isOpen());
    }

    public boolean processingAlive() {
        return processing != null && (!processing.isShutdown() || stopping);
    }
}
