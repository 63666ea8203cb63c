package io.migration.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart sets every variable worker/worker.yml reads, with the worker's own defaults. */
class WorkerSettingsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    /** Each ${NAME:-default} of worker.yml: name to default ("" when it has none). */
    static Map<String, String> workerYamlDefaults() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(Repository.ROOT.resolve("worker/worker.yml")));
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
        return variables;
    }

    @Test
    void chartProvidesEveryVariableOfWorkerYaml() throws IOException {
        Container worker = Chart.render(null).worker();
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) Chart.defaultValues().get("config");
        Set<String> provided = new HashSet<>(config.keySet());
        worker.getEnv().stream().map(EnvVar::getName).forEach(provided::add);

        assertThat(workerYamlDefaults()).isNotEmpty();
        assertThat(provided)
                .as("config keys and env of the chart's worker")
                .containsAll(workerYamlDefaults().keySet());
    }

    /** The chart's probes ask for ?type=ready and ?type=alive: worker.yml must define checks of both types. */
    @Test
    void workerDefinesTheHealthCheckTypesTheProbesAskFor() {
        Map<String, Object> workerYaml = Chart.readYaml(Repository.ROOT.resolve("worker/worker.yml"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks =
                (List<Map<String, Object>>) ((Map<String, Object>) workerYaml.get("health")).get("healthChecks");
        var worker = Chart.render(null).worker();
        for (String path : List.of(
                worker.getReadinessProbe().getHttpGet().getPath(),
                worker.getLivenessProbe().getHttpGet().getPath())) {
            String type = path.replaceAll("^/health-check\\?type=", "");
            assertThat(checks).as(path).anyMatch(check -> type.equals(check.get("type")));
        }
    }

    @Test
    void chartDefaultsAreTheWorkersDefaults() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) Chart.defaultValues().get("config");
        Map<String, String> workerDefaults = workerYamlDefaults();
        int compared = 0;
        for (Map.Entry<String, Object> setting : config.entrySet()) {
            String name = setting.getKey();
            String chartValue = String.valueOf(setting.getValue());
            boolean connection = name.endsWith("_URL") || name.endsWith("_USER");
            if (workerDefaults.containsKey(name) && !chartValue.isEmpty() && !connection) {
                assertThat(chartValue)
                        .as(name + " in values.yaml and worker.yml")
                        .isEqualTo(workerDefaults.get(name));
                compared++;
            }
        }
        assertThat(compared).as("settings compared").isGreaterThan(10);
    }
}
