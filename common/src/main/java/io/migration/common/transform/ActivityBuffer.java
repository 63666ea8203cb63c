package io.migration.common.transform;

import java.util.Arrays;

/**
 * A shard's activities (R9), the bulk of its output, kept so they can be written in PostgreSQL's
 * uuid order (the primary key then fills pages in order) without touching memory at random: rows
 * are partitioned as they arrive by the top byte of their id, each partition holding its rows as
 * ten longs and its detail values' bytes in one array of its own. A partition is sorted on its own
 * (its rows fit in a cache), and partitions are written one after the other. No object per row.
 */
final class ActivityBuffer {

    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final int PARTITIONS = 256;
    static final int STRIDE = 10;
    static final int ID_HI = 0;
    static final int ID_LO = 1;
    static final int RECIPIENT_HI = 2;
    static final int RECIPIENT_LO = 3;
    static final int LIST_ID = 4;
    static final int CAMPAIGN_ID = 5;
    static final int OCCURRED_AT = 6;
    /** The kind's ordinal, plus 256 when the campaign is known. */
    static final int FLAGS = 7;
    /** Where a detail value's bytes are in the partition's array: offset << 32 | length + 1 (0: NULL). */
    static final int FIRST = 8;

    static final int SECOND = 9;

    private final Partition[] partitions = new Partition[PARTITIONS];
    private int size;

    void add(
            long hi,
            long lo,
            long rHi,
            long rLo,
            long list,
            ActivityKind kind,
            boolean withCampaign,
            long campaign,
            long occurred,
            byte[] first,
            byte[] second) {
        int p = (int) (hi >>> 56);
        Partition partition = partitions[p];
        if (partition == null) {
            partition = new Partition();
            partitions[p] = partition;
        }
        partition.add(
                hi, lo, rHi, rLo, list, kind.ordinal() | (withCampaign ? 256 : 0), campaign, occurred, first, second);
        size++;
    }

    int size() {
        return size;
    }

    /** Visits every row in uuid order (unsigned, as PostgreSQL compares; ties in 40 bits in any order). */
    <X extends Exception> void forEachInOrder(RowVisitor<X> visitor) throws X {
        for (Partition partition : partitions) {
            if (partition == null) {
                continue;
            }
            long[] keys = new long[partition.count];
            for (int i = 0; i < partition.count; i++) {
                keys[i] = partition.rows[i * STRIDE + ID_HI];
            }
            for (int i : UuidOrder.order(keys, partition.count)) {
                visitor.visit(partition.rows, i * STRIDE, partition.details);
            }
        }
    }

    /** One row: its ten longs from {@code rows[at]}, its detail values in {@code details}. */
    @FunctionalInterface
    interface RowVisitor<X extends Exception> {
        void visit(long[] rows, int at, byte[] details) throws X;
    }

    static ActivityKind kind(long flags) {
        return KINDS[(int) (flags & 255)];
    }

    static boolean hasCampaign(long flags) {
        return (flags & 256) != 0;
    }

    /** A detail value's offset in the partition's bytes, from its reference. */
    static int offset(long ref) {
        return (int) (ref >>> 32);
    }

    /** A detail value's length, or -1 for NULL. */
    static int length(long ref) {
        return (int) ref - 1;
    }

    private static final class Partition {
        private long[] rows = new long[16 * STRIDE];
        private byte[] details = new byte[512];
        private int count;
        private int used;

        void add(
                long hi,
                long lo,
                long rHi,
                long rLo,
                long list,
                long flags,
                long campaign,
                long occurred,
                byte[] first,
                byte[] second) {
            if ((count + 1) * STRIDE > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            int at = count * STRIDE;
            rows[at + ID_HI] = hi;
            rows[at + ID_LO] = lo;
            rows[at + RECIPIENT_HI] = rHi;
            rows[at + RECIPIENT_LO] = rLo;
            rows[at + LIST_ID] = list;
            rows[at + CAMPAIGN_ID] = campaign;
            rows[at + OCCURRED_AT] = occurred;
            rows[at + FLAGS] = flags;
            rows[at + FIRST] = keep(first);
            rows[at + SECOND] = keep(second);
            count++;
        }

        private long keep(byte[] value) {
            if (value == null) {
                return 0;
            }
            if (used + value.length > details.length) {
                details = Arrays.copyOf(details, Math.max(details.length * 2, used + value.length));
            }
            System.arraycopy(value, 0, details, used, value.length);
            long ref = (long) used << 32 | (value.length + 1L);
            used += value.length;
            return ref;
        }
    }
}
