package io.migration.producer.enqueue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Says why a cohort file cannot be read, before anything else is done with it. */
public final class CohortFiles {

    private CohortFiles() {}

    /** Throws {@link IllegalArgumentException} with one line giving the reason. */
    public static void checkReadable(Path file) {
        String why = null;
        if (!Files.exists(file)) {
            why = "no such file";
        } else if (Files.isDirectory(file)) {
            why = "it is a directory";
        } else if (!Files.isReadable(file)) {
            why = "permission denied";
        }
        if (why != null) {
            throw new IllegalArgumentException("cannot read cohort file " + file + ": " + why);
        }
    }
}
