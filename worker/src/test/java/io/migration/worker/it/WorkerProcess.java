package io.migration.worker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real worker process ({@code java -jar worker/target/worker.jar server worker/worker.yml}),
 * as operators run it, pointed at a test's services. Its output is kept for assertions and
 * echoed with a prefix so a failing test shows what the worker said.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(this::pump, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts a worker named {@code name}. Its ports are free ones picked by the server unless
     * {@code env} sets WORKER_HTTP_PORT or WORKER_ADMIN_PORT (e.g. for a scraper that must know it).
     */
    public static WorkerProcess start(String name, Map<String, String> env) throws IOException {
        Path jar = MODULE.resolve("target/worker.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "server", MODULE.resolve("worker.yml").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WORKER_HTTP_PORT", "0");
        builder.environment().put("WORKER_ADMIN_PORT", "0");
        builder.environment().putAll(env);
        builder.environment().put("WORKER_NAME", name);
        return new WorkerProcess(name, builder.start());
    }

    /** Waits until the worker logged that it consumes. */
    public WorkerProcess awaitConsuming(Duration timeout) throws InterruptedException {
        awaitLine("consuming ", timeout);
        return this;
    }

    public void awaitLine(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.contains(fragment))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("worker " + name + " exited with " + process.exitValue()
                        + " before logging '" + fragment + "':\n" + String.join("\n", lines));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("worker " + name + " did not log '" + fragment + "' within " + timeout
                + ":\n" + String.join("\n", lines));
    }

    public List<String> output() {
        return List.copyOf(lines);
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker or the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then the exit code. Sent with kill(1): {@link Process#destroy()} also closes the
     * pipes, and the worker's goodbye would be lost.
     */
    int stop(Duration timeout) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIGTERM to worker " + name, e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("worker " + name + " did not stop within " + timeout);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (Boolean.getBoolean("worker.echo")) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }
}
