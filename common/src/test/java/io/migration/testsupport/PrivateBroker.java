package io.migration.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own (never the machine's shared broker), for what must not happen
 * to the shared one (restarts, alarms, every connection closed): own node name, ports, data and
 * log directories, Erlang cookie (its HOME) and no plugins (so no management or Prometheus port to
 * clash with). Started from the Debian package's scripts without the machine's configuration.
 * Stopped with {@code rabbitmqctl stop} and launched again ({@code stop_app}/{@code start_app}
 * left a node stuck); quorum-queue messages survive that. Deleted on {@link #close()}.
 */
public final class PrivateBroker implements AutoCloseable {

    /** Where the RabbitMQ scripts are; {@code TEST_RABBITMQ_BIN} overrides (Debian's package path by default). */
    private static final Path BIN = Path.of(System.getenv().getOrDefault("TEST_RABBITMQ_BIN", "/usr/lib/rabbitmq/bin"));

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path dir;
    private final String node;
    private final int port;
    private final Map<String, String> ctlEnv;
    private final Map<String, String> serverEnv;
    private final Thread cleanup = new Thread(this::stopQuietly, "private-broker-cleanup");

    private PrivateBroker(Path dir, String node, int port, int distPort) {
        this.dir = dir;
        this.node = node;
        this.port = port;
        // What rabbitmqctl needs too: the node's cookie and no machine-wide rabbitmq-env.conf.
        this.ctlEnv = Map.of(
                "HOME", dir.toString(),
                "RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        Map<String, String> server = new HashMap<>(ctlEnv);
        server.putAll(Map.of(
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", Integer.toString(port),
                "RABBITMQ_DIST_PORT", Integer.toString(distPort),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_PID_FILE", pidFile().toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                // Its own (empty) configuration: the machine's names the shared broker's listener.
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString()));
        this.serverEnv = Map.copyOf(server);
    }

    /** Creates and launches a node named after {@code prefix}; returns once it accepts AMQP connections. */
    public static PrivateBroker start(String prefix) throws Exception {
        if (!Files.isExecutable(BIN.resolve("rabbitmq-server"))) {
            throw new IllegalStateException("no RabbitMQ scripts in " + BIN + ": install rabbitmq-server or set"
                    + " TEST_RABBITMQ_BIN to the folder holding rabbitmq-server and rabbitmqctl");
        }
        Path dir = Files.createTempDirectory(prefix + "-broker-");
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        Files.writeString(dir.resolve("rabbitmq.conf"), "");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        String node =
                prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF)) + "@localhost";
        PrivateBroker broker = new PrivateBroker(dir, node, freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(broker.cleanup);
        broker.launch();
        return broker;
    }

    public String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    /** {@code rabbitmq-server -detached} (again, with the same data and ports), then waits for the node and its AMQP listener. */
    public void launch() throws Exception {
        Files.deleteIfExists(pidFile());
        run(List.of(BIN.resolve("rabbitmq-server").toString(), "-detached"), serverEnv, Duration.ofSeconds(30));
        ctl(STARTUP, "wait", pidFile().toString(), "--timeout", Long.toString(STARTUP.toSeconds()));
        awaitPort(true, STARTUP);
    }

    /** The whole node down ({@code rabbitmqctl stop}); returns once its AMQP port is closed. */
    public void stop() throws Exception {
        ctl(Duration.ofSeconds(120), "stop");
        awaitPort(false, Duration.ofSeconds(30));
    }

    /** {@code rabbitmqctl close_all_connections}: every client connection closed by the broker. */
    public void closeAllConnections(String reason) throws Exception {
        ctl(Duration.ofSeconds(120), "close_all_connections", reason);
    }

    /** Raises or clears a memory alarm: under it the node blocks every publishing connection. */
    public void memoryAlarm(boolean on) throws Exception {
        ctl(Duration.ofSeconds(120), "set_vm_memory_high_watermark", on ? "0.0000001" : "0.4");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ctl(Duration.ofSeconds(120), "-q", "eval", "rabbit_alarm:get_alarms().")
                        .contains("memory")
                != on) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the memory alarm of " + node + " did not turn " + (on ? "on" : "off"));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        stopQuietly();
        Runtime.getRuntime().removeShutdownHook(cleanup);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void stopQuietly() {
        try {
            if (portOpen()) {
                ctl(Duration.ofSeconds(120), "stop");
            }
        } catch (Exception e) {
            System.err.println("could not stop private broker " + node + ": " + e.getMessage());
        }
    }

    private Path pidFile() {
        return dir.resolve("node.pid");
    }

    /**
     * {@code rabbitmqctl -n NODE …}, without the node's settings: given RABBITMQ_DIST_PORT, the CLI
     * tool takes that port for itself, and a node starting meanwhile fails (dist_port_already_used).
     */
    private String ctl(Duration timeout, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        return run(command, ctlEnv, timeout);
    }

    /** Runs a script with the given settings instead of any RABBITMQ_* of this process; returns its output. */
    private String run(List<String> command, Map<String, String> settings, Duration timeout) throws Exception {
        Path output = Files.createTempFile(dir, "cmd-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RABBITMQ_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout + ": "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text);
        }
        return text;
    }

    private void awaitPort(boolean open, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portOpen() != open) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("private broker " + node + " port " + port + " still "
                        + (open ? "closed" : "open") + " after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
