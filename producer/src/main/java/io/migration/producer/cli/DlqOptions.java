package io.migration.producer.cli;

import io.migration.producer.dlq.DeadLetterFilter;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The filters every dlq subcommand takes (CLI.md), and the output format. */
final class DlqOptions {

    @Option(names = "--run-id", paramLabel = "ID", description = "only this run's dead letters")
    String runId;

    @Option(names = "--company", paramLabel = "N", description = "only this company's dead letters")
    Long company;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description =
                    "only this reason (the worker's, e.g. failed, malformed_message, or the broker's, e.g. delivery_limit)")
    String reason;

    @Option(names = "--limit", paramLabel = "N", description = "at most N dead letters")
    Integer limit;

    @Option(
            names = "--format",
            paramLabel = "table|json",
            defaultValue = "table",
            description = "table or json (default ${DEFAULT-VALUE})")
    String format;

    DeadLetterFilter filter(int defaultLimit) {
        if (limit != null && limit < 1) {
            throw new CommandFailure("--limit must be positive", OneLineErrors.USAGE, null);
        }
        if (company != null && company < 1) {
            throw new CommandFailure("--company must be a positive company id", OneLineErrors.USAGE, null);
        }
        return new DeadLetterFilter(runId, company, reason, limit != null ? limit : defaultLimit);
    }

    boolean json() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "table" -> false;
            default ->
                throw new CommandFailure(
                        "unknown --format " + format + " (expected table or json)", OneLineErrors.USAGE, null);
        };
    }
}
