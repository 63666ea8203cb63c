package io.migration.worker.source;

import java.util.Arrays;

/**
 * The ids of a shard's list_recipients rows, and how a child table is best read for them: one
 * index range scan over [min, max] when the ids are dense (the server reads each child once;
 * children of other shards' rows are dropped on arrival), or one index probe per id
 * ({@code = ANY}) when other companies' or shards' rows would make the range mostly waste.
 *
 * <p>Measured on PostgreSQL 15: a probe costs about 1.2 µs per id, a child row in a range about
 * 0.3 µs to send and 0.15 µs to receive and drop. With {@code c} children per row in a table, the
 * range is cheaper while its width is below {@code 1 + 2.7 / c} times the number of ids: about 2.7
 * for opens, 28 for bounces.
 */
final class ParentIds {

    /** Cost of a probe over the cost of shipping and dropping a child row. */
    private static final double PROBE_PER_CHILD_ROW = 1.2 / 0.45;

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

    /**
     * The SQL condition on {@code list_recipient_id} for a table of {@code childrenPerRow}; only
     * numbers this code formats.
     */
    String condition(double childrenPerRow) {
        sort();
        if (rangeScan(childrenPerRow)) {
            return "BETWEEN " + ids[0] + " AND " + ids[size - 1];
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

    /** Whether a table of {@code childrenPerRow} is read by range (then it may bring rows of other shards). */
    boolean rangeScan(double childrenPerRow) {
        sort();
        double width = (double) ids[size - 1] - ids[0] + 1;
        double threshold = 1 + PROBE_PER_CHILD_ROW / Math.max(childrenPerRow, 0.01);
        return width <= size * threshold;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(ids, 0, size);
            sorted = true;
        }
    }
}
