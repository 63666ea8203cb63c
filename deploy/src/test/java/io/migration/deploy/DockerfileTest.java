package io.migration.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dockerfile cannot be built here (no Docker engine): this holds it to what the chart and compose expect. */
class DockerfileTest {

    private static List<String> runtimeStage;
    private static List<String> all;

    @BeforeAll
    static void read() throws IOException {
        // One instruction a line: continuation lines joined, comments and blank lines dropped.
        String text = Files.readString(Repository.ROOT.resolve("Dockerfile")).replaceAll("\\\\\\n", " ");
        all = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        runtimeStage = all.subList(lastFrom, all.size());
    }

    @Test
    void runtimeIsAJreOrDistrolessJava17() {
        assertThat(runtimeStage.get(0)).matches("FROM (eclipse-temurin:17-jre\\S*|gcr\\.io/distroless/java17\\S*)");
    }

    @Test
    void runsAsTheChartsNonRootUser() {
        Object chartUser = ((Map<?, ?>) Chart.defaultValues().get("podSecurityContext")).get("runAsUser");

        assertThat(instruction("USER")).singleElement().satisfies(user -> {
            assertThat(user).matches("\\d+(:\\d+)?");
            assertThat(user.split(":")[0]).isEqualTo(String.valueOf(chartUser)).isNotEqualTo("0");
        });
    }

    @Test
    void jvmIsPid1AndStartsTheWorkerAsTheChartDoes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> entrypoint =
                List.of(json.readValue(instruction("ENTRYPOINT").get(0), String[].class));
        List<String> command = List.of(json.readValue(instruction("CMD").get(0), String[].class));
        Deployment deployment = Chart.render(null).workers();
        var worker =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(entrypoint).isEqualTo(worker.getCommand());
        assertThat(command).isEqualTo(worker.getArgs());
        assertThat(String.join(" ", instruction("ENV")))
                .contains("-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=", "-XX:+UseParallelGC");
    }

    @Test
    void imageHoldsTheJarsAndConfigurationTheChartRuns() {
        Job job = Chart.render(Chart.DIRECTORY.resolve("ci/producer-job-values.yaml"))
                .one(Job.class);
        List<String> chartPaths = new ArrayList<>(Chart.render(null).worker().getArgs());
        chartPaths.addAll(
                job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        List<String> copied = instruction("COPY").stream()
                .filter(c -> c.startsWith("--from=build"))
                .flatMap(c -> {
                    String[] parts = c.split("\\s+");
                    String dir = parts[parts.length - 1];
                    return Stream.of(parts)
                            .skip(1)
                            .limit(parts.length - 2L)
                            .map(source -> dir + Path.of(source).getFileName());
                })
                .toList();

        assertThat(copied)
                .containsAll(
                        chartPaths.stream().filter(p -> p.startsWith("/app/")).toList())
                .contains("/app/worker.jar", "/app/producer.jar", "/app/worker.yml");
    }

    @Test
    void producerCommandRunsTheProducerJar() {
        assertThat(instruction("RUN"))
                .anySatisfy(run -> assertThat(run)
                        .contains(
                                "exec java -jar /app/producer.jar \"$@\"",
                                "> /usr/local/bin/producer",
                                "chmod 755 /usr/local/bin/producer"));
    }

    @Test
    void exposesTheChartsPorts() {
        Map<?, ?> ports = (Map<?, ?>) Chart.defaultValues().get("ports");

        assertThat(String.join(" ", instruction("EXPOSE")).split("\\s+"))
                .containsExactlyInAnyOrder(
                        ports.get("http").toString(), ports.get("admin").toString());
    }

    @Test
    void buildStageCopiesEveryModule() throws IOException {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(Repository.ROOT.resolve("pom.xml")));
        List<String> buildCopies = all.subList(0, all.indexOf(runtimeStage.get(0))).stream()
                .filter(l -> l.startsWith("COPY "))
                .toList();
        while (modules.find()) {
            assertThat(buildCopies).contains("COPY " + modules.group(1) + "/ " + modules.group(1) + "/");
        }
    }

    /** .dockerignore must not hide sources: folders named target exist inside src (FIELD-NOTES of .gitignore). */
    @Test
    void dockerignoreKeepsEverySource() throws IOException {
        List<PathMatcher> ignored = Files.readAllLines(Repository.ROOT.resolve(".dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                .map(l -> l.endsWith("/") ? l.substring(0, l.length() - 1) : l)
                .flatMap(p -> Stream.of(p, p + "/**"))
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
                .toList();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("common", "producer", "worker")) {
            try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(module + "/src"))) {
                files.filter(Files::isRegularFile)
                        .map(Repository.ROOT::relativize)
                        .forEach(sources::add);
            }
        }

        assertThat(sources)
                .isNotEmpty()
                .noneMatch(source -> ignored.stream().anyMatch(matcher -> matcher.matches(source)));
    }

    private static List<String> instruction(String name) {
        return runtimeStage.stream()
                .filter(l -> l.startsWith(name + " "))
                .map(l -> l.substring(name.length() + 1).strip())
                .toList();
    }
}
