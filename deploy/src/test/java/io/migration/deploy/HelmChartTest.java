package io.migration.deploy;

import static io.migration.deploy.Rendered.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The worker Deployment and its configuration, rendered by helm from the defaults and every ci/ values file. */
class HelmChartTest {

    static Stream<String> valuesFiles() {
        return Stream.concat(
                Stream.of("values.yaml"), Chart.ciValuesFiles().stream().map(f -> "ci/" + f.getFileName()));
    }

    private static Rendered render(String valuesFile) {
        return Chart.render(valuesFile(valuesFile));
    }

    private static Path valuesFile(String name) {
        return name.equals("values.yaml") ? null : Chart.DIRECTORY.resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void lintPassesStrictly(String valuesFile) {
        LintResult lint = Chart.lint(valuesFile(valuesFile));

        assertThat(lint.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
        assertThat(lint.isFailed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void everyPodIsRestricted(String valuesFile) {
        Rendered rendered = render(valuesFile);
        List<PodSpec> pods = new ArrayList<>();
        rendered.all(Deployment.class)
                .forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        rendered.all(Job.class)
                .forEach(job -> pods.add(job.getSpec().getTemplate().getSpec()));

        for (PodSpec pod : pods) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                assertThat(container.getSecurityContext().getRunAsNonRoot())
                        .as(container.getName())
                        .isTrue();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as(container.getName())
                        .isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .as(container.getName())
                        .isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop())
                        .as(container.getName())
                        .containsExactly("ALL");
                assertThat(container.getSecurityContext().getCapabilities().getAdd())
                        .as(container.getName())
                        .isNullOrEmpty();
                assertThat(container.getVolumeMounts())
                        .as(container.getName())
                        .anyMatch(m ->
                                m.getName().equals("tmp") && m.getMountPath().equals("/tmp"));
                assertThat(container.getResources().getRequests())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                if (!container.getName().equals("cli")) { // the operator's pod idles; its commands come by exec
                    assertThat(container.getCommand())
                            .as("the JVM runs as PID 1, no shell")
                            .containsExactly("java");
                }
                assertThat(env(container, "JAVA_TOOL_OPTIONS")
                                .map(EnvVar::getValue)
                                .orElse(""))
                        .contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC")
                        .containsPattern("-XX:MaxRAMPercentage=\\d+");
            }
        }
    }

    /** Dropwizard's health responder (/health-check) listens on the application port, /metrics on the admin port. */
    @Test
    void probesUseTheWorkersHealthChecks() {
        Container worker = Chart.render(null).worker();

        assertThat(httpGet(worker.getReadinessProbe())).isEqualTo("http /health-check?type=ready");
        assertThat(httpGet(worker.getLivenessProbe())).isEqualTo("http /health-check?type=alive");
        assertThat(httpGet(worker.getStartupProbe())).isEqualTo("http /health-check?type=alive");
        for (String port : List.of("http", "admin")) {
            int number = worker.getPorts().stream()
                    .filter(p -> p.getName().equals(port))
                    .findFirst()
                    .orElseThrow()
                    .getContainerPort();
            String variable = port.equals("http") ? "WORKER_HTTP_PORT" : "WORKER_ADMIN_PORT";
            assertThat(env(worker, variable).map(EnvVar::getValue)).hasValue(String.valueOf(number));
        }
        assertThat(worker.getArgs()).containsExactly("-jar", "/app/worker.jar", "server", "/app/worker.yml");
    }

    private static String httpGet(Probe probe) {
        return probe.getHttpGet().getPort().getStrVal() + " "
                + probe.getHttpGet().getPath();
    }

    /** The collector is a value: Parallel by default (docs/BENCHMARKS.md), empty leaves it to the JVM. */
    @Test
    void theCollectorIsChosenByAValue() {
        String defaults = env(Chart.render(null).worker(), "JAVA_TOOL_OPTIONS")
                .map(EnvVar::getValue)
                .orElse("");
        String jvmsChoice = env(
                        Chart.render(null, Map.of("jvm.garbageCollector", "")).worker(), "JAVA_TOOL_OPTIONS")
                .map(EnvVar::getValue)
                .orElse("");

        assertThat(defaults).contains("-XX:+UseParallelGC");
        assertThat(jvmsChoice).contains("-XX:+ExitOnOutOfMemoryError").doesNotContain("GC");
        assertThatThrownBy(() -> Chart.render(null, Map.of("jvm.garbageCollector", "ParallelGC")))
                .hasMessageContaining("jvm.garbageCollector must be Serial, Parallel, G1, Z, Shenandoah or empty")
                .hasMessageContaining("\"ParallelGC\"");
    }

    @Test
    void podsOutliveTheDrainOfTheirShards() {
        Deployment defaults = Chart.render(null).workers();
        Deployment longDrain = Chart.render(null, Map.of("config.WORKER_SHUTDOWN_GRACE_PERIOD", "2 minutes"))
                .workers();

        assertThat(defaults.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(25 + 5);
        assertThat(longDrain.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(120 + 5);
        assertThatThrownBy(() -> Chart.render(null, Map.of("terminationGracePeriodSeconds", 28)))
                .hasMessageContaining(
                        "terminationGracePeriodSeconds (28) must exceed WORKER_SHUTDOWN_GRACE_PERIOD (25 s)");
    }

    @Test
    void settingsComeFromTheConfigMapAndCredentialsFromTheSecret() {
        Rendered rendered = Chart.render(null);
        Container worker = rendered.worker();
        ConfigMap config = rendered.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata()
                        .getName()
                        .equals(worker.getEnvFrom().get(0).getConfigMapRef().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the worker's ConfigMap is not rendered"));
        Secret secret = rendered.one(Secret.class);

        assertThat(config.getData())
                .containsEntry("FLEET_NAME", "migration")
                .containsEntry("WORKER_THREADS", "2")
                .doesNotContainKey("SOURCE_THROTTLE_QUERY") // empty: left to the worker's default
                .allSatisfy((name, value) ->
                        assertThat(name).doesNotContain("PASSWORD").isNotEqualTo("AMQP_URI"));
        for (String credential : List.of("AMQP_URI", "SOURCE_DB_PASSWORD", "TARGET_DB_PASSWORD")) {
            EnvVar variable = env(worker, credential).orElseThrow(() -> new AssertionError(credential + " not set"));
            assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(secret.getMetadata().getName());
            assertThat(secret.getData())
                    .containsKey(variable.getValueFrom().getSecretKeyRef().getKey());
        }
        assertThat(env(worker, "WORKER_NAME")
                        .orElseThrow()
                        .getValueFrom()
                        .getFieldRef()
                        .getFieldPath())
                .isEqualTo("metadata.name");
    }

    @Test
    void existingSecretReplacesTheChartsSecret() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/existing-secret-values.yaml"));
        Container worker = rendered.worker();

        assertThat(rendered.all(Secret.class)).isEmpty();
        assertThat(env(worker, "AMQP_URI").orElseThrow().getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName()).isEqualTo("migration-credentials"))
                .satisfies(ref -> assertThat(ref.getKey()).isEqualTo("amqp-uri"));
        assertThat(env(worker, "TARGET_DB_PASSWORD")
                        .orElseThrow()
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getKey())
                .isEqualTo("recipients-password");
    }

    /** The example values of docs/OPERATIONS.md install as written. */
    @Test
    void operationsGuideExampleRenders(@TempDir Path dir) throws IOException {
        String guide = Files.readString(Repository.ROOT.resolve("docs/OPERATIONS.md"));
        Matcher example = Pattern.compile("```yaml\n(# fleet-values\\.yaml\n.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertThat(example.find())
                .as("a ```yaml block starting with # fleet-values.yaml")
                .isTrue();
        Path values = Files.writeString(dir.resolve("fleet-values.yaml"), example.group(1));

        Rendered rendered = Chart.render(values);

        assertThat(Chart.lint(values).isFailed()).isFalse();
        assertThat(rendered.kinds()).contains("ScaledObject", "ServiceMonitor").doesNotContain("Secret");
        assertThat(rendered.worker().getImage()).isEqualTo("registry.example.com/migration-fleet:0.1.0");
    }

    @Test
    void disruptionBudgetCoversTheWorkersOnly() {
        Rendered rendered = Chart.render(null);
        PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class);
        Map<String, String> podLabels =
                rendered.workers().getSpec().getTemplate().getMetadata().getLabels();

        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(podLabels)
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "worker");
    }
}
