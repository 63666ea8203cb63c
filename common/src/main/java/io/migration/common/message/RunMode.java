package io.migration.common.message;

import java.util.Arrays;
import java.util.Optional;

/** What a run does with each shard (CLI.md {@code enqueue --mode}). */
public enum RunMode {
    DRY_RUN("dry-run"),
    MIGRATE("migrate"),
    VERIFY("verify");

    private final String wireName;

    RunMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RunMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
