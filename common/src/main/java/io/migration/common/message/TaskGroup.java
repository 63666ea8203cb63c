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
    COMPANY("company"),
    /**
     * A dry run over all companies only: the rows of no company (R10 {@code orphan_recipient}), counted
     * per table once for the whole source. Always company {@link #ORPHANS_COMPANY_ID} and one shard.
     */
    ORPHANS("orphans");

    /** The company id of the {@link #ORPHANS} task: no company's, as no source company has id 0. */
    public static final long ORPHANS_COMPANY_ID = 0;

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
