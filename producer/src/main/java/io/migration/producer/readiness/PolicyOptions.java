package io.migration.producer.readiness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The readiness thresholds as options: on {@code enqueue --mode dry-run} they set the policy the run
 * records (each option, else its environment variable, else the default); on {@code report} they
 * replace the recorded ones for exploration (migrate still judges by the recorded policy).
 */
public final class PolicyOptions {

    public static final String ENV_MAX_REJECT_PERCENT = "READINESS_MAX_REJECT_PERCENT";
    public static final String ENV_MAX_REJECTS = "READINESS_MAX_REJECTS";
    public static final String ENV_FAIL_ON_REASONS = "READINESS_FAIL_ON_REASONS";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--max-reject-percent",
            paramLabel = "PERCENT",
            description = "readiness: a company FAILs when more than PERCENT %% of the rows it read are rejected"
                    + " (default 0.5; env " + ENV_MAX_REJECT_PERCENT + ")")
    Double maxRejectPercent;

    @Option(
            names = "--max-rejects",
            paramLabel = "N",
            description = "readiness: a company FAILs with more than N rejected rows (default: no limit; env "
                    + ENV_MAX_REJECTS + ")")
    Long maxRejects;

    @Option(
            names = "--fail-on-reason",
            paramLabel = "REASON",
            description = "readiness: a company FAILs with any reject of REASON, e.g. invalid_email; repeatable"
                    + " (default: none; env " + ENV_FAIL_ON_REASONS + ", comma-separated)")
    List<String> failOnReasons;

    /** Whether any threshold was given on the command line. */
    public boolean given() {
        return maxRejectPercent != null || maxRejects != null || failOnReasons != null;
    }

    /** A new dry run's policy: the options, else the environment, else the defaults. */
    public ReadinessPolicy forNewDryRun(Map<String, String> environment) {
        ReadinessPolicy defaults = ReadinessPolicy.defaults();
        double percent = maxRejectPercent != null
                ? maxRejectPercent
                : number(environment, ENV_MAX_REJECT_PERCENT, defaults.maxRejectPercent());
        Long most = maxRejects != null ? maxRejects : wholeNumber(environment, ENV_MAX_REJECTS);
        List<String> reasons = failOnReasons != null ? failOnReasons : list(environment.get(ENV_FAIL_ON_REASONS));
        return policy(percent, most, reasons);
    }

    /** The recorded policy with the thresholds given here in its place. */
    public ReadinessPolicy over(ReadinessPolicy recorded) {
        return policy(
                maxRejectPercent != null ? maxRejectPercent : recorded.maxRejectPercent(),
                maxRejects != null ? maxRejects : recorded.maxRejects(),
                failOnReasons != null ? failOnReasons : new ArrayList<>(recorded.failOnReasons()));
    }

    private ReadinessPolicy policy(double percent, Long most, List<String> reasons) {
        try {
            return ReadinessPolicy.of(percent, most, reasons);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    private double number(Map<String, String> environment, String name, double fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw usage(name + " must be a number: " + value);
        }
    }

    private Long wholeNumber(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw usage(name + " must be a whole number: " + value);
        }
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
