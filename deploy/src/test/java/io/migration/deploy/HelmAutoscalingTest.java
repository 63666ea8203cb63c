package io.migration.deploy;

import static io.migration.deploy.Rendered.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workers scale by KEDA on the work queue or by an HPA, never both, or keep a fixed count. */
class HelmAutoscalingTest {

    @Test
    void withoutAutoscalerTheReplicaCountHolds() {
        Rendered rendered = Chart.render(null);

        assertThat(rendered.workers().getSpec().getReplicas()).isEqualTo(2);
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(rendered.custom("ScaledObject")).isEmpty();
    }

    @Test
    void kedaScalesOnTheWorkQueueFromZero() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/keda-values.yaml"));
        Deployment deployment = rendered.workers();
        GenericKubernetesResource scaledObject = rendered.custom("ScaledObject").get(0);
        GenericKubernetesResource authentication =
                rendered.custom("TriggerAuthentication").get(0);

        assertThat(deployment.getSpec().getReplicas())
                .as("replicas left to KEDA")
                .isNull();
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(at(scaledObject, "spec", "scaleTargetRef", "name"))
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(at(scaledObject, "spec", "minReplicaCount")).isEqualTo(0);
        assertThat(at(scaledObject, "spec", "triggers", "0", "type")).isEqualTo("rabbitmq");
        assertThat(at(scaledObject, "spec", "triggers", "0", "metadata"))
                .isEqualTo(Map.of(
                        "protocol",
                        "amqp",
                        "mode",
                        "QueueLength",
                        "queueName",
                        "migration.work",
                        "value",
                        "20",
                        "activationValue",
                        "0"));
        assertThat(at(scaledObject, "spec", "triggers", "0", "authenticationRef", "name"))
                .isEqualTo(authentication.getMetadata().getName());
        Secret secret = rendered.one(Secret.class);
        assertThat(at(authentication, "spec", "secretTargetRef", "0"))
                .isEqualTo(
                        Map.of("parameter", "host", "name", secret.getMetadata().getName(), "key", "AMQP_URI"));
        assertThat(secret.getData()).containsKey("AMQP_URI");
    }

    @Test
    void kedaWatchesTheQueueOfTheConfiguredFleet() {
        GenericKubernetesResource scaledObject = Chart.render(
                        Chart.DIRECTORY.resolve("ci/keda-values.yaml"), Map.of("config.FLEET_NAME", "blue"))
                .custom("ScaledObject")
                .get(0);

        assertThat(at(scaledObject, "spec", "triggers", "0", "metadata", "queueName"))
                .isEqualTo("blue.work");
    }

    @Test
    void kedaCanReadTheManagementApiInstead() {
        Rendered rendered = Chart.render(
                Chart.DIRECTORY.resolve("ci/keda-values.yaml"),
                Map.of(
                        "keda.rabbitmq.protocol", "http",
                        "keda.rabbitmq.managementUri", "http://user:secret@rabbitmq:15672/%2F"));

        assertThat(at(
                        rendered.custom("ScaledObject").get(0),
                        "spec",
                        "triggers",
                        "0",
                        "metadata",
                        "excludeUnacknowledged"))
                .isEqualTo("true");
        assertThat(at(rendered.custom("TriggerAuthentication").get(0), "spec", "secretTargetRef", "0", "key"))
                .isEqualTo("RABBITMQ_MANAGEMENT_URI");
        assertThat(rendered.one(Secret.class).getData()).containsKey("RABBITMQ_MANAGEMENT_URI");
    }

    @Test
    void hpaScalesTheDeployment() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/hpa-values.yaml"));
        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
        Deployment deployment = rendered.workers();

        assertThat(deployment.getSpec().getReplicas())
                .as("replicas left to the HPA")
                .isNull();
        assertThat(rendered.custom("ScaledObject")).isEmpty();
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
    }

    @Test
    void bothAutoscalersAreRefused() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("hpa.enabled", true, "keda.enabled", true)))
                .hasMessageContaining("hpa.enabled and keda.enabled are both true: choose one autoscaler");
    }
}
