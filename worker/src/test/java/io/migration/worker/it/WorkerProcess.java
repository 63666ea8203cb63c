package io.migration.worker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * as operators run it, pointed at a test's services, on a known free port so its health can be
 * read. Its output is kept for assertions, copied to {@code target/worker-logs/}, and echoed
 * with a prefix when {@code -Dworker.echo=true}, so a failing test shows what the worker said.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int httpPort;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private WorkerProcess(String name, Process process, int httpPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        Thread pump = new Thread(this::pump, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts a worker named {@code name}. Its application port (health) is a free one picked here
     * and its admin port one the server picks, unless {@code env} sets WORKER_HTTP_PORT or
     * WORKER_ADMIN_PORT (e.g. for a scraper that must know it).
     */
    public static WorkerProcess start(String name, Map<String, String> env) throws IOException {
        Path jar = MODULE.resolve("target/worker.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "server",
                MODULE.resolve("worker.yml").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        int httpPort = env.containsKey("WORKER_HTTP_PORT") ? Integer.parseInt(env.get("WORKER_HTTP_PORT")) : freePort();
        builder.environment().put("WORKER_ADMIN_PORT", "0");
        builder.environment().putAll(env);
        builder.environment().put("WORKER_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("WORKER_NAME", name);
        return new WorkerProcess(name, builder.start(), httpPort);
    }

    /** A port nobody listens on now (the worker binds it a moment later). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    /**
     * Waits until the worker logged that it consumes ("consuming QUEUE with N thread(s), prefetch
     * P"; not its earlier "consuming starts once the server is up").
     */
    public WorkerProcess awaitConsuming(Duration timeout) throws InterruptedException {
        awaitLine(" thread(s), prefetch ", timeout);
        return this;
    }

    public void awaitLine(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logged(fragment)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("worker " + name + " exited with " + process.exitValue()
                        + " before logging '" + fragment + "':\n" + String.join("\n", lines));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("worker " + name + " did not log '" + fragment + "' within " + timeout + ":\n"
                + String.join("\n", lines));
    }

    public boolean logged(String fragment) {
        return lines.stream().anyMatch(l -> l.contains(fragment));
    }

    public List<String> output() {
        return List.copyOf(lines);
    }

    /**
     * The HTTP status of {@code /health-check?type=ready|alive} on the application port; 0 when
     * the worker does not answer within 20 seconds.
     */
    public int health(String type) throws InterruptedException {
        HttpResponse<String> response = get(httpPort, "/health-check?type=" + type);
        return response == null ? 0 : response.statusCode();
    }

    /** The body of {@code GET path} on the application port (e.g. {@code /status}); empty when it does not answer. */
    public String httpGet(String path) throws InterruptedException {
        HttpResponse<String> response = get(httpPort, path);
        return response == null ? "" : response.body();
    }

    /** The body of {@code GET path} on {@code port} of this machine (e.g. the admin port's {@code /metrics}). */
    public static String httpGet(int port, String path) throws InterruptedException {
        HttpResponse<String> response = get(port, path);
        return response == null ? "" : response.body();
    }

    private static HttpResponse<String> get(int port, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker or the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then the exit code. Sent with kill(1): {@link Process#destroy()} also closes the
     * pipes, and the worker's goodbye would be lost.
     */
    public int stop(Duration timeout) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIGTERM to worker " + name, e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("worker " + name + " did not stop within " + timeout);
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Keeps the output, and copies it to target/worker-logs/NAME-PID.log for a failed CI build. */
    private void pump() {
        Path log = MODULE.resolve("target/worker-logs/" + name + "-" + process.pid() + ".log");
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer copy = open(log)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                copy.write(line);
                copy.write('\n');
                copy.flush();
                if (Boolean.getBoolean("worker.echo")) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }

    private static Writer open(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        return Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    }
}
