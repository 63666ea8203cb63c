package io.migration.worker.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;

/** {@code GET /metrics} on the admin port: the registry in Prometheus text format. */
public final class PrometheusServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient PrometheusMeterRegistry registry;

    public PrometheusServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "must-revalidate,no-cache,no-store");
        registry.scrape(response.getOutputStream());
    }
}
