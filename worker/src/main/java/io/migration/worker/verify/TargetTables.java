package io.migration.worker.verify;

import io.migration.common.message.TaskGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The target tables each task group fills, migration_rejects included (R12, R13). */
final class TargetTables {

    static final String REJECTS = "migration_rejects";

    private TargetTables() {}

    static List<String> of(TaskGroup group) {
        return switch (group) {
            case LISTS -> List.of("lists", REJECTS);
            case RECIPIENTS ->
                List.of(
                        "recipients",
                        "recipient_lists",
                        "recipient_attributes",
                        "recipient_tags",
                        "recipient_activity",
                        REJECTS);
            case SUPPRESSIONS -> List.of("suppressions", REJECTS);
            default -> List.of();
        };
    }

    /** An empty image per table of the scope, in a stable order; rejects once per group. */
    static Map<String, TableImage> images(ShardScope scope) {
        Map<String, TableImage> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (TaskGroup group : scope.groups()) {
            for (String table : of(group)) {
                String name = table.equals(REJECTS) ? REJECTS + ":" + group.wireName() : table;
                names.add(name);
            }
        }
        names.forEach(n -> out.put(n, new TableImage(n)));
        return out;
    }

    static String rejectsOf(TaskGroup group) {
        return REJECTS + ":" + group.wireName();
    }
}
