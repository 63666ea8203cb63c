package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.config.DatabaseSettings;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.Datasets;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fault test class's world: its seeded source, migrated target schema, broker (the shared one
 * or a private node), the ledger, and the means to start workers with short resilience settings
 * and to run the producer. Every fault test follows the same shape: workers, enqueue, wait until
 * the run is under way, inject the fault, heal it, then {@link FaultOracle}.
 */
public final class FaultRig {

    public static final Duration START = Duration.ofSeconds(180);
    public static final int MAX_ATTEMPTS = 3;

    /**
     * Worker settings short enough for CI (every outage a test injects lasts longer than all of
     * the retries they allow), the rest as shipped in worker.yml.
     */
    public static final Map<String, String> FAST = Map.ofEntries(
            Map.entry("WORKER_THREADS", "2"),
            Map.entry("WORKER_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS)),
            Map.entry("WORKER_BREAKER_OPEN_DURATION", "2 seconds"),
            Map.entry("WORKER_RETRY_BACKOFF", "200 milliseconds"),
            Map.entry("WORKER_MAX_RETRY_BACKOFF", "1 second"),
            Map.entry("WORKER_TRANSIENT_RETRIES", "2"),
            Map.entry("WORKER_CONTROL_INTERVAL", "1 second"),
            Map.entry("WORKER_SHUTDOWN_GRACE_PERIOD", "10 seconds"),
            Map.entry("TARGET_DB_STATEMENT_TIMEOUT", "3 seconds"),
            Map.entry("SOURCE_DB_SOCKET_TIMEOUT", "5 seconds"),
            Map.entry("TARGET_DB_SOCKET_TIMEOUT", "5 seconds"),
            Map.entry("SOURCE_DB_CONNECTION_TIMEOUT", "2 seconds"),
            Map.entry("TARGET_DB_CONNECTION_TIMEOUT", "2 seconds"));

    private final TestServices services;
    private final String amqpUri;
    private final List<Long> companies;
    private final Ledger ledger;

    private FaultRig(TestServices services, String amqpUri, List<Long> companies) {
        this.services = services;
        this.amqpUri = amqpUri;
        this.companies = companies;
        this.ledger = new Ledger(services.target());
    }

    /** Seeds {@code companies} companies with {@code rows} list memberships in all and creates the target schema. */
    public static FaultRig seed(TestServices services, int companies, int rows, long seed) {
        return seed(services, services.amqpUri(), companies, rows, seed);
    }

    /** As {@link #seed(TestServices, int, int, long)}, the fleet on the broker at {@code amqpUri}. */
    public static FaultRig seed(TestServices services, String amqpUri, int companies, int rows, long seed) {
        return new FaultRig(services, amqpUri, Datasets.seedAndCreateSchema(services, companies, rows, seed));
    }

    public TestServices services() {
        return services;
    }

    public DatabaseSettings source() {
        return services.source();
    }

    public DatabaseSettings target() {
        return services.target();
    }

    public List<Long> companies() {
        return companies;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Faults to inject into this test's own target database. */
    public TargetFaults targetFaults() {
        return new TargetFaults(services.target());
    }

    public String amqpUri() {
        return amqpUri;
    }

    /** What the producer reads: the test's databases and broker. */
    public Map<String, String> producerEnv() {
        Map<String, String> env = new LinkedHashMap<>(services.environment());
        env.put("AMQP_URI", amqpUri);
        return env;
    }

    /** What a worker reads: the producer's settings, {@link #FAST}, then {@code overrides}. */
    public Map<String, String> workerEnv(Map<String, String> overrides) {
        Map<String, String> env = producerEnv();
        env.putAll(FAST);
        env.putAll(overrides);
        return env;
    }

    /** A worker with {@link #FAST} settings and {@code overrides}, once it consumes. */
    public WorkerProcess startWorker(String name, Map<String, String> overrides) throws Exception {
        return WorkerProcess.start(name, workerEnv(overrides)).awaitConsuming(START);
    }

    /** What a worker reads with the settings as shipped in worker.yml, but {@code overrides}. */
    public Map<String, String> shippedWorkerEnv(Map<String, String> overrides) {
        Map<String, String> env = producerEnv();
        env.putAll(overrides);
        return env;
    }

    /**
     * Workers named {@code NAME-1}, {@code NAME-2}, … reading {@code env} (see {@link #workerEnv}),
     * started together; returns once all of them consume.
     */
    public List<WorkerProcess> startWorkers(String name, int count, Map<String, String> env) throws Exception {
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                workers.add(WorkerProcess.start(name + "-" + i, env));
            }
            for (WorkerProcess w : workers) {
                w.awaitConsuming(START);
            }
            return workers;
        } catch (Exception | Error e) {
            stopAll(workers);
            throw e;
        }
    }

    /** Kills the workers (a run's end: what they still hold goes back to the queue). */
    public static void stopAll(List<WorkerProcess> workers) throws InterruptedException {
        for (WorkerProcess w : workers) {
            w.close();
        }
    }

    public Broker broker() throws Exception {
        return new Broker(amqpUri, services.fleetName());
    }

    /** {@code producer enqueue --mode migrate --all}; the tasks are in the ledger and confirmed on return. */
    public void enqueue(String runId, int shardRows) {
        enqueue(runId, shardRows, "--all");
    }

    /** {@code producer enqueue --mode migrate --companies ID}: one company's tasks. */
    public void enqueue(String runId, int shardRows, long company) {
        enqueue(runId, shardRows, "--companies", Long.toString(company));
    }

    private void enqueue(String runId, int shardRows, String... selection) {
        List<String> args = new ArrayList<>(List.of(
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--run-id",
                runId,
                "--shard-rows",
                Integer.toString(shardRows)));
        args.addAll(List.of(selection));
        assertThat(ProducerCli.run(producerEnv(), args.toArray(String[]::new)))
                .as("enqueue " + runId)
                .isZero();
    }

    /**
     * Waits until the run is truly under way (a task succeeded and at least {@code left} are still
     * to do), so the fault that follows lands in the middle of it; returns the tasks by state.
     */
    public Map<String, Integer> awaitMidRun(String runId, int left) throws Exception {
        return ledger.awaitStates(
                runId,
                s -> s.getOrDefault("succeeded", 0) > 0
                        && s.values().stream().mapToInt(Integer::intValue).sum() - s.getOrDefault("succeeded", 0)
                                >= left,
                "a task succeeded and " + left + " still to do",
                Duration.ofSeconds(120));
    }
}
