package io.migration.common.transform;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rejects of a shard (R12) in columns: a dirty company rejects a fifth of its rows, so one
 * object per reject would weigh. Each carries the bucket it is filed under, so that a later run of
 * the same buckets, cut any way, replaces exactly these (R13).
 */
public final class RejectBuffer {

    private static final RejectReason[] REASONS = RejectReason.values();

    private int size;
    private String[] table = new String[256];
    private long[] sourceId = new long[256];
    private byte[] reason = new byte[256];
    private int[] bucket = new int[256];
    private boolean[] ofNoCompany = new boolean[256];

    /** A reject of the shard's company; {@code sourceTable} is one of the {@link SourceTables} names. */
    public void add(String sourceTable, long id, RejectReason why, int rowBucket) {
        add(sourceTable, id, why, rowBucket, false);
    }

    /** A child whose parent row does not exist: it belongs to no company (R10). */
    void addOrphan(String sourceTable, long id) {
        add(sourceTable, id, RejectReason.ORPHAN_RECIPIENT, 0, true);
    }

    private void add(String sourceTable, long id, RejectReason why, int rowBucket, boolean orphan) {
        if (size == sourceId.length) {
            int capacity = size * 2;
            table = Arrays.copyOf(table, capacity);
            sourceId = Arrays.copyOf(sourceId, capacity);
            reason = Arrays.copyOf(reason, capacity);
            bucket = Arrays.copyOf(bucket, capacity);
            ofNoCompany = Arrays.copyOf(ofNoCompany, capacity);
        }
        table[size] = sourceTable;
        sourceId[size] = id;
        reason[size] = (byte) why.ordinal();
        bucket[size] = rowBucket;
        ofNoCompany[size] = orphan;
        size++;
    }

    public int size() {
        return size;
    }

    public String sourceTable(int i) {
        return table[i];
    }

    public long sourceId(int i) {
        return sourceId[i];
    }

    public RejectReason reason(int i) {
        return REASONS[reason[i]];
    }

    public int bucket(int i) {
        return bucket[i];
    }

    /** True for a child of a missing row (R10): its company_id is NULL. */
    public boolean ofNoCompany(int i) {
        return ofNoCompany[i];
    }

    /** Rejects by legacy table, for the task's accounting. */
    public Map<String, Long> countByTable() {
        // The table names are a handful of constants: count runs of equal references.
        Map<String, Long> counts = new TreeMap<>();
        int i = 0;
        while (i < size) {
            String name = table[i];
            int run = i;
            while (run < size && table[run] == name) {
                run++;
            }
            counts.merge(name, (long) (run - i), Long::sum);
            i = run;
        }
        return counts;
    }

    /** Rejects by legacy table, then by reason code: what the worker's metrics count. */
    public Map<String, Map<String, Long>> countByTableAndReason() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            counts.computeIfAbsent(table[i], t -> new TreeMap<>())
                    .merge(reason(i).code(), 1L, Long::sum);
        }
        return counts;
    }
}
