package io.migration.producer.seed;

import java.sql.SQLException;

/**
 * Which rows a legacy table has, in id order: each positions the {@link LegacyRow} (its id, company,
 * parent and random stream) and hands it on. Every row's stream is keyed by (seed, stream, key), so a
 * table can be written alone, in any order, and the same seed gives the same rows.
 */
interface Rows {

    /** What is done with each row. */
    interface Action {
        void run() throws SQLException;
    }

    void each(LegacyRow row, Action action) throws SQLException;

    /** One row per company, ids 1..N. */
    static Rows perCompany(long stream) {
        return (row, action) -> {
            for (int c = 1; c <= row.plan.companies(); c++) {
                row.at(stream, c, c, c);
                action.run();
            }
        };
    }

    /** Each company's lists, ids grouped by company; the index is the list's place in its company. */
    static Rows perList(long stream) {
        return (row, action) -> {
            for (int c = 1; c <= row.plan.companies(); c++) {
                for (int j = 0; j < row.plan.listCount(c); j++) {
                    long id = row.plan.listStart(c) + j;
                    row.at(stream, id, id, c);
                    row.index = j;
                    action.run();
                }
            }
        };
    }

    /** list_recipients: each company's rows, ids contiguous by company. */
    static Rows perRecipient(long stream) {
        return (row, action) -> {
            for (int c = 1; c <= row.plan.companies(); c++) {
                long first = row.plan.rowStart(c);
                long end = first + row.plan.rowsOf(c);
                for (long id = first; id < end; id++) {
                    row.at(stream, id, id, c);
                    row.index = (int) Math.min(Integer.MAX_VALUE, id - first);
                    action.run();
                }
            }
        };
    }

    /**
     * Children of each list_recipients row, as many as drawn from the cumulative probabilities
     * {@code counts}; ids 1.. in order. The row knows its parent and the parent's created_at.
     */
    static Rows children(long stream, double[] counts) {
        return (row, action) -> {
            long id = 0;
            for (long parent = 1; parent <= row.plan.rows(); parent++) {
                row.at(stream, parent, id, 0);
                int count = row.rng.draw(counts);
                if (count == 0) {
                    continue;
                }
                row.parent = parent;
                row.createdAt = row.recipientCreatedAt(parent);
                row.previous = null;
                for (int j = 0; j < count; j++) {
                    row.id = ++id;
                    row.index = j;
                    action.run();
                }
            }
        };
    }

    /** Each company's suppressions, ids 1.. in order, each row on its own stream. */
    static Rows perSuppression(long stream) {
        return (row, action) -> {
            long id = 0;
            for (int c = 1; c <= row.plan.companies(); c++) {
                row.previousPerson = -1;
                for (int i = 0; i < row.plan.suppressionCount(c); i++) {
                    id++;
                    row.at(stream, id, id, c);
                    row.index = i;
                    action.run();
                }
            }
        };
    }
}
