package io.migration.common.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * The "tables" a task message may name: each is a group of legacy tables migrated together.
 * A message's table is looked up here and never reaches SQL as text.
 */
public enum TaskGroup {
    /** The company's {@code lists} rows. Always one shard. */
    LISTS("lists"),
    /** {@code list_recipients} with their fields, tags and the four event tables, sharded by email bucket. */
    RECIPIENTS("recipients"),
    /** {@code suppressions}, sharded by email bucket. */
    SUPPRESSIONS("suppressions"),
    /**
     * A whole small company in one task: its lists, recipients (every bucket) and suppressions. Its
     * rejects are filed under the three groups above, so a later run cut differently replaces them.
     */
    COMPANY("company");

    private final String wireName;

    TaskGroup(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TaskGroup> fromWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst();
    }
}
