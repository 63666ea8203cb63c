package io.migration.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one rendering of the chart produced. */
record Rendered(List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one " + type.getSimpleName() + ", rendered " + found.size() + ": " + kinds());
        }
        return found.get(0);
    }

    /** Objects of custom resource kinds (ServiceMonitor, ScaledObject, …), which fabric8 reads generically. */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()))
                .toList();
    }

    List<String> kinds() {
        return objects.stream().map(HasMetadata::getKind).toList();
    }

    /** The workers' Deployment (the chart may render an operator's CLI Deployment too). */
    Deployment workers() {
        List<Deployment> workers = all(Deployment.class).stream()
                .filter(d -> "worker".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .toList();
        if (workers.size() != 1) {
            throw new AssertionError("expected one worker Deployment, rendered " + workers.size() + ": " + kinds());
        }
        return workers.get(0);
    }

    Container worker() {
        return workers().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("worker"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named worker"));
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    /** A value inside a generic resource, by its path of keys. */
    @SuppressWarnings("unchecked")
    static Object at(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(key));
            } else if (node instanceof Map<?, ?> map) {
                node = ((Map<String, Object>) map).get(key);
            } else {
                throw new AssertionError("no " + String.join(".", path) + " in " + resource.getKind());
            }
        }
        return node;
    }
}
