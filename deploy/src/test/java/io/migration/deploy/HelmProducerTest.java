package io.migration.deploy;

import static io.migration.deploy.Rendered.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer in the cluster: enqueue as a Job (one run id per Job) and an operator's pod for the
 * other commands, both off by default and with the workers' environment.
 */
class HelmProducerTest {

    @Test
    void noJobNorCliByDefault() {
        Rendered rendered = Chart.render(null);

        assertThat(rendered.all(Job.class)).isEmpty();
        assertThat(rendered.all(Deployment.class)).singleElement().isEqualTo(rendered.workers());
    }

    @Test
    void cliPodHasTheWorkersEnvironmentAndIsNoWorker() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/cli-values.yaml"));
        Deployment cli = rendered.all(Deployment.class).stream()
                .filter(d -> d != rendered.workers())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CLI Deployment"));
        Container container =
                cli.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container worker = rendered.worker();
        Map<String, String> cliLabels =
                cli.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(container.getCommand()).containsExactly("sleep", "infinity");
        assertThat(container.getEnvFrom()).isEqualTo(worker.getEnvFrom());
        for (String credential : new String[] {"AMQP_URI", "SOURCE_DB_PASSWORD", "TARGET_DB_PASSWORD"}) {
            assertThat(env(container, credential)).isEqualTo(env(worker, credential));
        }
        assertThat(cliLabels).doesNotContainEntry("app.kubernetes.io/component", "worker");
        assertThat(rendered.one(Service.class).getSpec().getSelector())
                .containsEntry("app.kubernetes.io/component", "worker");
        assertThat(rendered.one(PodDisruptionBudget.class)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "worker");
    }

    @Test
    void jobMigratesTheSchemaThenEnqueuesTheCohort() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/producer-job-values.yaml"));
        Job job = rendered.one(Job.class);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container enqueue = pod.getContainers().get(0);
        Container worker = rendered.worker();

        assertThat(job.getMetadata().getName()).isEqualTo("fleet-migration-fleet-enqueue-rehearsal-2024-06-01");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getInitContainers())
                .singleElement()
                .satisfies(init ->
                        assertThat(init.getArgs()).containsExactly("-jar", "/app/producer.jar", "migrate-schema"));
        assertThat(enqueue.getArgs())
                .containsExactly(
                        "-jar",
                        "/app/producer.jar",
                        "enqueue",
                        "--mode",
                        "dry-run",
                        "--cohort",
                        "/cohort/cohort.txt",
                        "--run-id",
                        "rehearsal-2024-06-01");
        String cohortConfigMap = pod.getVolumes().stream()
                .filter(v -> v.getName().equals("cohort"))
                .findFirst()
                .orElseThrow()
                .getConfigMap()
                .getName();
        ConfigMap cohort = rendered.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(cohortConfigMap))
                .findFirst()
                .orElseThrow();
        assertThat(cohort.getData().get("cohort.txt").lines()).containsExactly("101", "102", "103");
        assertThat(enqueue.getEnvFrom()).isEqualTo(worker.getEnvFrom());
        for (String credential : new String[] {"AMQP_URI", "SOURCE_DB_PASSWORD", "TARGET_DB_PASSWORD"}) {
            assertThat(env(enqueue, credential)).isEqualTo(env(worker, credential));
        }
    }

    @Test
    void jobCanEnqueueEveryCompanyOrAList(@TempDir Path dir) throws IOException {
        Job all = Chart.render(
                        null,
                        Map.of(
                                "producerJob.enabled",
                                true,
                                "producerJob.runId",
                                "Run_7",
                                "producerJob.all",
                                true,
                                "producerJob.mode",
                                "migrate"))
                .one(Job.class);
        Path companies = Files.writeString(
                dir.resolve("companies.yaml"),
                "producerJob: {enabled: true, runId: run-8, mode: verify, companies: [4, 5]}\n");
        Job listed = Chart.render(companies).one(Job.class);

        assertThat(all.getMetadata().getName()).isEqualTo("fleet-migration-fleet-enqueue-run-7");
        assertThat(all.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsSequence("--mode", "migrate", "--all", "--run-id", "Run_7");
        assertThat(listed.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsSequence("--mode", "verify", "--companies", "4,5", "--run-id", "run-8");
    }

    /** Helm keeps hooks out of the release's manifest; lint (HelmChartTest) renders them and checks them. */
    @Test
    void hookJobIsNotARegularResourceOfTheRelease() {
        assertThat(Chart.render(Chart.DIRECTORY.resolve("ci/producer-hook-values.yaml"))
                        .all(Job.class))
                .isEmpty();
    }

    @Test
    void jobWithoutRunIdOrWithTwoSelectionsIsRefused() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("producerJob.enabled", true, "producerJob.all", true)))
                .hasMessageContaining("producerJob.runId must be set");
        assertThatThrownBy(() -> Chart.render(
                        null,
                        Map.of(
                                "producerJob.enabled",
                                true,
                                "producerJob.runId",
                                "r",
                                "producerJob.all",
                                true,
                                "producerJob.companies",
                                "{1}")))
                .hasMessageContaining("producerJob needs exactly one of all: true, companies: [ids] or cohort: [ids]");
        assertThatThrownBy(() -> Chart.render(
                        null,
                        Map.of(
                                "producerJob.enabled",
                                true,
                                "producerJob.runId",
                                "r",
                                "producerJob.all",
                                true,
                                "producerJob.mode",
                                "fast")))
                .hasMessageContaining("producerJob.mode must be dry-run, migrate or verify");
    }
}
