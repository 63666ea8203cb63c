package io.migration.producer.enqueue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of this test's own, for what must not happen to the shared one (alarms,
 * restarts): its own node name, ports, data and log directories and Erlang cookie (FIELD-NOTES).
 * Started from the Debian package's binaries; the shared node's configuration is not read.
 */
final class PrivateBroker implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");

    private final String node;
    private final int port;
    private final int distPort;
    private final Path dir;

    private PrivateBroker(String node, int port, int distPort, Path dir) {
        this.node = node;
        this.port = port;
        this.distPort = distPort;
        this.dir = dir;
    }

    static PrivateBroker start(String prefix) throws Exception {
        if (!Files.isExecutable(BIN.resolve("rabbitmq-server"))) {
            throw new IllegalStateException("this test runs a private RabbitMQ node and needs " + BIN
                    + "/rabbitmq-server (Debian package rabbitmq-server)");
        }
        String node =
                prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF)) + "@localhost";
        Path dir = Files.createTempDirectory(prefix + "-rabbitmq-");
        PrivateBroker broker = new PrivateBroker(node, freePort(), freePort(), dir);
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:" + broker.port + "\n");
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        broker.boot();
        return broker;
    }

    String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    /** Starts the node (again, with the same data and ports) and waits until it serves. */
    void boot() throws Exception {
        run(List.of(BIN.resolve("rabbitmq-server").toString(), "-detached"), 30);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                ctl("await_startup", "--timeout", "60");
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    void stop() throws Exception {
        ctl("stop");
    }

    /** Raises or clears a memory alarm: under it the node blocks every publishing connection. */
    void memoryAlarm(boolean on) throws Exception {
        ctl("set_vm_memory_high_watermark", on ? "0.0000001" : "0.4");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (alarmed() != on) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the memory alarm of " + node + " did not turn " + (on ? "on" : "off"));
            }
            Thread.sleep(100);
        }
    }

    private boolean alarmed() throws Exception {
        return ctl("-q", "eval", "rabbit_alarm:get_alarms().").contains("memory");
    }

    String ctl(String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        return run(command, 120);
    }

    private String run(List<String> command, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.toString());
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
