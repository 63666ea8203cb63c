package io.migration.worker.metrics;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus registry with the fleet's common tags and the JVM's binders, served at admin {@code /metrics}. */
public final class MetricsSetup {

    public static final String PATH = "/metrics";

    private MetricsSetup() {}

    public static WorkerMetrics create(Environment environment, String fleet, String worker) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "migration-worker", "fleet", fleet, "worker", worker);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        Gauge.builder("migration.worker.info", () -> 1)
                .description("The worker's version (value always 1)")
                .tag("version", version())
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                gc.close();
            }
        });
        // An exact mapping wins over Dropwizard's admin servlet at /*, whose /metrics is JSON.
        environment
                .admin()
                .addServlet("prometheus", new PrometheusServlet(registry))
                .addMapping(PATH);
        return new WorkerMetrics(registry);
    }

    /** Implementation-Version of worker.jar's manifest; "dev" when run from classes. */
    private static String version() {
        String version = MetricsSetup.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
