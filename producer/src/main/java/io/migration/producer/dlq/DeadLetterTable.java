package io.migration.producer.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Prints dead letters as an aligned table (errors cut to fit) or as a JSON array (errors whole). */
public final class DeadLetterTable {

    private static final int ERROR_WIDTH = 80;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Column(String title, Function<DeadLetter, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("RUN", DeadLetter::runId),
            new Column("COMPANY", DeadLetter::companyId),
            new Column("TABLE", DeadLetter::table),
            new Column("SHARD", DeadLetter::shard),
            new Column("REASON", DeadLetter::reason),
            new Column("ERROR CLASS", DeadLetter::errorClass),
            new Column("ATTEMPTS", DeadLetter::attempts),
            new Column("WORKER", DeadLetter::worker),
            new Column("FAILED AT", DeadLetter::failedAt),
            new Column("BY", DeadLetter::deadLetteredBy),
            new Column("ERROR", d -> cut(d.error())));

    private DeadLetterTable() {}

    public static void table(List<DeadLetter> letters, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(Column::title).toList());
        for (DeadLetter d : letters) {
            rows.add(COLUMNS.stream()
                    .map(c -> Objects.toString(c.value().apply(d), "-"))
                    .toList());
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    public static void json(List<DeadLetter> letters, PrintWriter out) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (DeadLetter d : letters) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("runId", d.runId());
            item.put("companyId", d.companyId());
            item.put("table", d.table());
            item.put("shard", d.shard());
            item.put("task", d.task());
            item.put("reason", d.reason());
            item.put("errorClass", d.errorClass());
            item.put("error", d.error());
            item.put("attempts", d.attempts());
            item.put("worker", d.worker());
            item.put("failedAt", d.failedAt());
            item.put("deadLetteredBy", d.deadLetteredBy());
            items.add(item);
        }
        try {
            out.println(JSON.writeValueAsString(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static String cut(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > ERROR_WIDTH ? error.substring(0, ERROR_WIDTH - 1) + "…" : error;
    }
}
