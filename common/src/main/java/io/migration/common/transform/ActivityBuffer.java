package io.migration.common.transform;

import java.util.Arrays;

/**
 * A shard's activities (R9), the bulk of its output, as rows of eight longs in one array (one cache
 * line per activity, no object per row), written in PostgreSQL's uuid order so the primary key fills
 * pages in order. Their detail values stay the UTF-8 bytes the source sent.
 */
final class ActivityBuffer {

    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final int STRIDE = 8;
    private static final int ID_HI = 0;
    private static final int ID_LO = 1;
    private static final int RECIPIENT_HI = 2;
    private static final int RECIPIENT_LO = 3;
    private static final int LIST_ID = 4;
    private static final int CAMPAIGN_ID = 5;
    private static final int OCCURRED_AT = 6;
    /** The kind's ordinal, plus 256 when the campaign is known. */
    private static final int FLAGS = 7;

    private int size;
    private long[] rows = new long[256 * STRIDE];
    private byte[][] first = new byte[256][];
    private byte[][] second = new byte[256][];

    void add(long hi, long lo, long rHi, long rLo, long list, ActivityKind kind, boolean withCampaign,
            long campaign, long occurred, byte[] firstDetail, byte[] secondDetail) {
        if (size == first.length) {
            int capacity = size * 2;
            rows = Arrays.copyOf(rows, capacity * STRIDE);
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
        }
        int at = size * STRIDE;
        rows[at + ID_HI] = hi;
        rows[at + ID_LO] = lo;
        rows[at + RECIPIENT_HI] = rHi;
        rows[at + RECIPIENT_LO] = rLo;
        rows[at + LIST_ID] = list;
        rows[at + CAMPAIGN_ID] = campaign;
        rows[at + OCCURRED_AT] = occurred;
        rows[at + FLAGS] = kind.ordinal() | (withCampaign ? 256 : 0);
        first[size] = firstDetail;
        second[size] = secondDetail;
        size++;
    }

    int size() {
        return size;
    }

    /** Row indexes in uuid order, as PostgreSQL compares (approximately: {@link UuidOrder#order}). */
    int[] order() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = rows[i * STRIDE + ID_HI];
        }
        return UuidOrder.order(keys, size);
    }

    long idHi(int i) {
        return rows[i * STRIDE + ID_HI];
    }

    long idLo(int i) {
        return rows[i * STRIDE + ID_LO];
    }

    long recipientHi(int i) {
        return rows[i * STRIDE + RECIPIENT_HI];
    }

    long recipientLo(int i) {
        return rows[i * STRIDE + RECIPIENT_LO];
    }

    long listId(int i) {
        return rows[i * STRIDE + LIST_ID];
    }

    ActivityKind kind(int i) {
        return KINDS[(int) (rows[i * STRIDE + FLAGS] & 255)];
    }

    boolean hasCampaign(int i) {
        return (rows[i * STRIDE + FLAGS] & 256) != 0;
    }

    long campaignId(int i) {
        return rows[i * STRIDE + CAMPAIGN_ID];
    }

    long occurredAt(int i) {
        return rows[i * STRIDE + OCCURRED_AT];
    }

    byte[] first(int i) {
        return first[i];
    }

    byte[] second(int i) {
        return second[i];
    }
}
