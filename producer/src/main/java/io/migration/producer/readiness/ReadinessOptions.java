package io.migration.producer.readiness;

import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.RunMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code enqueue}'s options for the customer's test run: a dry run's thresholds, and the readiness
 * check of a migrate run (its maximum age and its override).
 */
public final class ReadinessOptions {

    public static final String ENV_MAX_AGE_DAYS = "READINESS_MAX_AGE_DAYS";
    public static final int DEFAULT_MAX_AGE_DAYS = 14;

    @Mixin
    PolicyOptions policy;

    @Option(
            names = "--readiness-max-age",
            paramLabel = "DAYS",
            description = "migrate: refuse a company whose latest passing dry run is older than DAYS days"
                    + " (default 14, the customers' notice period; env " + ENV_MAX_AGE_DAYS + ")")
    Integer maxAgeDays;

    @Option(
            names = "--skip-readiness-check",
            description = "migrate: proceed without a recent passing dry run on the same schema; the run records"
                    + " the override and the companies it would have refused")
    boolean skipReadinessCheck;

    /** Refuses options that do not apply to the mode, before anything connects anywhere. */
    public void validate(RunMode mode) {
        if (mode != RunMode.DRY_RUN && policy.given()) {
            throw policy.usage("--max-reject-percent, --max-rejects and --fail-on-reason apply to --mode dry-run");
        }
        if (mode != RunMode.MIGRATE && (maxAgeDays != null || skipReadinessCheck)) {
            throw policy.usage("--readiness-max-age and --skip-readiness-check apply to --mode migrate");
        }
        if (maxAgeDays != null && maxAgeDays < 0) {
            throw policy.usage("--readiness-max-age must not be negative");
        }
    }

    /**
     * Checks a planned run before it is recorded and says what to record with it; a migrate run
     * whose companies are not ready is refused here (see {@link RunAdmission}).
     */
    public RunAdmission admit(
            String runId,
            RunMode mode,
            boolean allCompanies,
            List<PlannedTask> tasks,
            Jdbi source,
            Jdbi target,
            Map<String, String> environment) {
        ReadinessPolicy dryRunPolicy = mode == RunMode.DRY_RUN ? policy.forNewDryRun(environment) : null;
        return RunAdmission.admit(
                new RunAdmission.Request(
                        runId, mode, allCompanies, tasks, dryRunPolicy, maxAge(environment), skipReadinessCheck),
                source,
                target,
                Clock.systemUTC(),
                policy.command.commandLine().getErr());
    }

    private Duration maxAge(Map<String, String> environment) {
        if (maxAgeDays != null) {
            return Duration.ofDays(maxAgeDays);
        }
        String value = environment.get(ENV_MAX_AGE_DAYS);
        if (value == null || value.isBlank()) {
            return Duration.ofDays(DEFAULT_MAX_AGE_DAYS);
        }
        try {
            long days = Long.parseLong(value.strip());
            if (days < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw policy.usage(ENV_MAX_AGE_DAYS + " must be a whole number of days: " + value);
        }
    }
}
