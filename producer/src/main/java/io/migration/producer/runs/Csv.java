package io.migration.producer.runs;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 lines: a field with a comma, quote or line break is quoted, its quotes doubled. */
public final class Csv {

    private Csv() {}

    public static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(","));
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
