package io.migration.producer.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a company stands in its migration, set by the latest run that has a task of it (see
 * {@link CompanyLifecycle}). The names are what {@code companies --state} takes.
 */
public enum CompanyState {
    /** No run has a task of the company. */
    NEVER_TRIED("never-tried"),
    /** Its latest run is a dry run still in progress. */
    DRY_RUN_RUNNING("dry-run-running"),
    /** Its latest run is a finished dry run that PASSes by the policy it recorded: it may be scheduled. */
    DRY_RUN_PASSED("dry-run-passed"),
    /** Its latest run is a dry run that FAILs (a task given up on, or rejects beyond the policy). */
    DRY_RUN_FAILED("dry-run-failed"),
    /** It has a switch window to come (schedule), or its latest migrate run has not started a task of it. */
    SCHEDULED("scheduled"),
    /** A migrate run has started some of its tasks and not finished all. */
    MIGRATING("migrating"),
    /** Its latest migrate run's tasks of the company all succeeded. */
    MIGRATED("migrated"),
    /** Its latest run is a verify run still in progress. */
    VERIFYING("verifying"),
    /** Its latest run is a verify run that VERIFIED it. */
    VERIFIED("verified"),
    /** Its latest cutover is under way: catching up, or frozen (since when, in the detail). */
    SWITCHING("switching"),
    /** Its latest cutover switched it: the new service serves it. */
    SWITCHED("switched"),
    /** Switched, then given back to the legacy tables. */
    ROLLED_BACK("rolled-back"),
    /**
     * Its latest migrate or verify run gave up on a task, or the verify run did not verify it, or its
     * latest cutover failed (it needs a new switch window).
     */
    FAILED("failed");

    private final String wireName;

    CompanyState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts {@code dry-run-passed}, {@code dry_run_passed} or {@code "dry run passed"}, in any case. */
    public static Optional<CompanyState> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wanted)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(CompanyState::wireName).collect(Collectors.joining(", "));
    }
}
