package io.migration.worker.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a free loopback port, with the
 * given scrape configuration and its data in a folder of the test's; stopped on close.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Fails, never skips, when the binary is missing: CI installs it, and so can anyone. */
    static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: the dashboards are checked against a real "
                    + "Prometheus; run .ci/run (it installs it) or `apt-get install prometheus`");
        }
    }

    static PrometheusServer start(String scrapeConfig, Path folder) throws IOException, InterruptedException {
        requireBinary();
        Path config = Files.writeString(folder.resolve("prometheus.yml"), scrapeConfig);
        Path log = folder.resolve("prometheus.log");
        int port = freePort();
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + folder.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--storage.tsdb.retention.time=1d",
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        server.awaitReady();
        return server;
    }

    /** A free TCP port on the loopback interface (free when asked; taken by whoever binds it next). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code GET /api/v1/query} at the current time: the {@code data} node (resultType, result). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + encode(promql));
    }

    /** Values of a label among the series {@code match} selects, as Grafana's {@code label_values()}. */
    List<String> labelValues(String label, String match) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        get("/api/v1/label/" + label + "/values?match[]=" + encode(match)).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Every scrape target with its health, e.g. {@code http://127.0.0.1:1234/metrics up}. */
    List<String> targets() throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JsonNode t : get("/api/v1/targets").path("activeTargets")) {
            String error = t.path("lastError").asText();
            out.add(t.path("scrapeUrl").asText() + " " + t.path("health").asText()
                    + (error.isEmpty() ? "" : " (" + error + ")"));
        }
        return out;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/-/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus was not ready within " + START + ":\n" + logTail());
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("prometheus answered " + r.statusCode() + " to " + pathAndQuery + ": "
                    + body.path("errorType").asText() + ": "
                    + body.path("error").asText());
        }
        return body.path("data");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
