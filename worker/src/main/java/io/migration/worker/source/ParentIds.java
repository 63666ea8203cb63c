package io.migration.worker.source;

import java.util.Arrays;

/**
 * The ids of a shard's list_recipients rows, and how its children are best fetched: one index
 * range scan over [min, max] when the ids are dense (the server reads each child once, at about a
 * fifth of the cost of a probe; children of other shards' rows are dropped on arrival), or one
 * index probe per id ({@code = ANY}) when other companies' or shards' rows would make the range
 * mostly waste.
 */
final class ParentIds {

    /**
     * A range at most this many times wider than the ids it holds is scanned whole. Measured on
     * PostgreSQL 15: a probe costs about 1.2 µs per id and table, shipping a child row about 0.3 µs
     * on each side, so at 3 children per parent spread over six tables the range wins up to several
     * times the width; 3 leaves room for children-heavy tables.
     */
    static final int MAX_RANGE_WIDTH_PER_ID = 3;

    private long[] ids = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        if (size > 0 && id < ids[size - 1]) {
            sorted = false;
        }
        ids[size++] = id;
    }

    int size() {
        return size;
    }

    /** The SQL condition on {@code list_recipient_id}; only numbers this code formats. */
    String condition() {
        sort();
        long min = ids[0];
        long max = ids[size - 1];
        if (rangeScan()) {
            return "BETWEEN " + min + " AND " + max;
        }
        StringBuilder any = new StringBuilder(size * 8 + 24).append("= ANY('{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                any.append(',');
            }
            any.append(ids[i]);
        }
        return any.append("}'::bigint[])").toString();
    }

    /** Whether the children come by range (and may include rows of other shards). */
    boolean rangeScan() {
        sort();
        double width = (double) ids[size - 1] - ids[0] + 1;
        return width <= (double) size * MAX_RANGE_WIDTH_PER_ID;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(ids, 0, size);
            sorted = true;
        }
    }
}
