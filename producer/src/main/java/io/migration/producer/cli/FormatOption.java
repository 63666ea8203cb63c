package io.migration.producer.cli;

import io.migration.producer.runs.OutputFormat;

/** {@code --format table|csv|json}: a wrong name is a usage error naming the known ones. */
final class FormatOption {

    private FormatOption() {}

    static OutputFormat parse(String name) {
        try {
            return OutputFormat.named(name);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }
}
