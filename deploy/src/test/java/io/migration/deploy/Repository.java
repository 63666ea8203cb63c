package io.migration.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the test's working directory (a module folder under Maven). */
final class Repository {

    static final Path ROOT = find();

    private Repository() {}

    private static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("helm"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root (with mvnw and helm/) above " + Path.of("").toAbsolutePath());
    }
}
