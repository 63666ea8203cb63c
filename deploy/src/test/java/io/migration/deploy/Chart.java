package io.migration.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's Helm chart, rendered and linted by helm itself (helm-java runs helm's Go code
 * in-process) and read back as Kubernetes objects.
 */
final class Chart {

    static final String RELEASE = "fleet";
    static final String NAMESPACE = "migration";
    static final Path DIRECTORY = Repository.ROOT.resolve("helm/migration-fleet");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {}

    /** Every {@code ci/*-values.yaml}: one per optional part of the chart. */
    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(DIRECTORY.resolve("ci"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart's own values.yaml as a tree. */
    static Map<String, Object> defaultValues() {
        return readYaml(DIRECTORY.resolve("values.yaml"));
    }

    /** Renders with the chart's defaults, then the given values file (may be null), then {@code --set} pairs. */
    static Rendered render(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand template =
                new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return new Rendered(parse(template.call()));
    }

    static Rendered render(Path valuesFile) {
        return render(valuesFile, Map.of());
    }

    /**
     * Lints the chart as installed with the given values file (null: defaults alone). helm-java's lint
     * takes no values file, so a copy of the chart gets the merged values as its values.yaml.
     */
    static LintResult lint(Path valuesFile) {
        if (valuesFile == null) {
            return new Helm(DIRECTORY).lint().strict().call();
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("chart-lint").resolve(DIRECTORY.getFileName());
            copyTree(DIRECTORY, copy);
            Map<String, Object> merged = merge(defaultValues(), readYaml(valuesFile));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                deleteTree(copy.getParent());
            }
        }
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = YAML.readValue(file.toFile(), LinkedHashMap.class);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(HasMetadata.class).<HasMetadata>readValues(manifests)) {
            while (documents.hasNext()) {
                HasMetadata object = documents.next();
                if (object != null) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm rendered YAML that does not parse:\n" + manifests, e);
        }
        return objects;
    }

    /** Helm's coalescing for what values files hold: maps merge key by key, anything else replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(
                key,
                value,
                (left, right) -> left instanceof Map && right instanceof Map
                        ? merge((Map<String, Object>) left, (Map<String, Object>) right)
                        : right));
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper yaml() {
        return YAML;
    }
}
