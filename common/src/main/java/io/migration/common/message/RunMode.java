package io.migration.common.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a run does with each shard (CLI.md {@code enqueue --mode}), and what a cutover run's tasks do:
 * a cutover run ({@link #CUTOVER}) is made of catch-up copies ({@link #CATCH_UP}) and verifications
 * ({@link #VERIFY}), each task carrying its own mode.
 */
public enum RunMode {
    DRY_RUN("dry-run"),
    MIGRATE("migrate"),
    VERIFY("verify"),
    /** A run of `producer cutover`: never a task's mode. */
    CUTOVER("cutover"),
    /** A cutover run's copy: the migrate path, recording per bucket what it read (source checksums). */
    CATCH_UP("catch-up");

    private final String wireName;

    RunMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The modes `producer enqueue` plans runs of. */
    public boolean enqueued() {
        return this == DRY_RUN || this == MIGRATE || this == VERIFY;
    }

    public static Optional<RunMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
