package io.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The module's main Java sources, as its architecture tests read them (Maven runs tests in the module). */
public final class MainSources {

    private MainSources() {}

    /** Each main source file longer than {@code maxLines}, with its length. */
    public static List<String> longerThan(int maxLines) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > maxLines)
                    .map(f -> f + " (" + lines(f) + " lines)")
                    .toList();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
