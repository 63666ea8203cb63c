package io.migration.producer.runs;

import java.util.Locale;

/** How a report is printed (CLI.md {@code --format}). */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    /** The format named by an option value; an unknown name is an error naming the known ones. */
    public static OutputFormat named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --format " + name + " (expected table, csv or json)", e);
        }
    }
}
