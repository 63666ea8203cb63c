package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the traffic knows of one company's legacy rows: a sample of its list_recipients ids and its
 * live lists, read once at start and kept up to date with the traffic's own inserts and deletes, so a
 * write picks an existing row without scanning the company. Shared by the threads: every method locks.
 * An id can be stale (a row deleted by another writer); a write to it then changes nothing.
 */
final class CompanyPool {

    /** Rows sampled per company at start; the traffic adds its own inserts to them. */
    static final int SAMPLE = 2_000;
    /** The pool keeps at most this many ids, dropping a random one to take a new one. */
    static final int MAX_ROWS = 20_000;

    private final long companyId;
    private final List<Long> rows;
    private final List<Long> lists;

    CompanyPool(long companyId, List<Long> rows, List<Long> lists) {
        this.companyId = companyId;
        this.rows = new ArrayList<>(rows);
        this.lists = new ArrayList<>(lists);
    }

    static CompanyPool load(Handle h, long companyId) {
        List<Long> rows = h.createQuery(SqlFiles.get("traffic/sample-recipients"))
                .bind("company", companyId)
                .bind("limit", SAMPLE)
                .mapTo(Long.class)
                .list();
        List<Long> lists = h.createQuery(SqlFiles.get("traffic/live-lists"))
                .bind("company", companyId)
                .mapTo(Long.class)
                .list();
        return new CompanyPool(companyId, rows, lists);
    }

    long companyId() {
        return companyId;
    }

    /** A list_recipients id of the company, or -1 when it has none. */
    synchronized long anyRow(Rng rng) {
        return rows.isEmpty() ? -1 : rows.get(rng.nextInt(rows.size()));
    }

    /** Up to {@code n} distinct ids of the company's rows. */
    synchronized List<Long> someRows(Rng rng, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n && !rows.isEmpty(); i++) {
            Long id = rows.get(rng.nextInt(rows.size()));
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    synchronized void addRow(Rng rng, long id) {
        if (rows.size() >= MAX_ROWS) {
            removeAt(rows, rng.nextInt(rows.size()));
        }
        rows.add(id);
    }

    synchronized void removeRow(long id) {
        int at = rows.indexOf(id);
        if (at >= 0) {
            removeAt(rows, at);
        }
    }

    /** A live list of the company, or -1 when it has none. */
    synchronized long anyList(Rng rng) {
        return lists.isEmpty() ? -1 : lists.get(rng.nextInt(lists.size()));
    }

    synchronized void addList(long id) {
        lists.add(id);
    }

    /** Takes a live list out to soft-delete it, keeping at least one; -1 when there is no other. */
    synchronized long takeListToDelete(Rng rng) {
        if (lists.size() < 2) {
            return -1;
        }
        return removeAt(lists, rng.nextInt(lists.size()));
    }

    synchronized int rowCount() {
        return rows.size();
    }

    /** Removes by swapping with the last element: order does not matter here. */
    private static long removeAt(List<Long> values, int at) {
        long removed = values.get(at);
        int last = values.size() - 1;
        values.set(at, values.get(last));
        values.remove(last);
        return removed;
    }
}
