package io.migration.common.transform;

import java.util.Arrays;

/**
 * A shard's activities (R9), the bulk of its output, in columns of primitives rather than one
 * object per row, and written in PostgreSQL's uuid order so the primary key fills pages in order.
 */
final class ActivityBuffer {

    private static final ActivityKind[] KINDS = ActivityKind.values();

    private int size;
    private long[] idHi = new long[256];
    private long[] idLo = new long[256];
    private int[] recipient = new int[256];
    private long[] listId = new long[256];
    private long[] campaignId = new long[256];
    private boolean[] hasCampaign = new boolean[256];
    private long[] occurredAt = new long[256];
    private byte[] kind = new byte[256];
    private String[] first = new String[256];
    private String[] second = new String[256];

    void add(long hi, long lo, int recipientIndex, long list, ActivityKind activityKind, boolean withCampaign,
            long campaign, long occurred, String firstDetail, String secondDetail) {
        if (size == idHi.length) {
            grow();
        }
        int i = size++;
        idHi[i] = hi;
        idLo[i] = lo;
        recipient[i] = recipientIndex;
        listId[i] = list;
        kind[i] = (byte) activityKind.ordinal();
        hasCampaign[i] = withCampaign;
        campaignId[i] = campaign;
        occurredAt[i] = occurred;
        first[i] = firstDetail;
        second[i] = secondDetail;
    }

    int size() {
        return size;
    }

    /**
     * Row indexes in uuid order (unsigned, as PostgreSQL compares). Sorted on the top 40 bits of
     * the id with the index in the low 24: a primitive sort, no comparator; ids agreeing on 40
     * random bits are so rare that their relative order does not matter (order is only for speed).
     */
    int[] order() {
        int[] order = new int[size];
        if (size >= 1 << 24) {
            Integer[] boxed = new Integer[size];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, (a, b) -> UuidOrder.compare(idHi[a], idLo[a], idHi[b], idLo[b]));
            Arrays.setAll(order, i -> boxed[i]);
            return order;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((idHi[i] >>> 24) << 24 | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys);
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & 0xFFFFFF);
        }
        return order;
    }

    long idHi(int i) {
        return idHi[i];
    }

    long idLo(int i) {
        return idLo[i];
    }

    int recipient(int i) {
        return recipient[i];
    }

    long listId(int i) {
        return listId[i];
    }

    ActivityKind kind(int i) {
        return KINDS[kind[i]];
    }

    boolean hasCampaign(int i) {
        return hasCampaign[i];
    }

    long campaignId(int i) {
        return campaignId[i];
    }

    long occurredAt(int i) {
        return occurredAt[i];
    }

    String first(int i) {
        return first[i];
    }

    String second(int i) {
        return second[i];
    }

    private void grow() {
        int capacity = idHi.length * 2;
        idHi = Arrays.copyOf(idHi, capacity);
        idLo = Arrays.copyOf(idLo, capacity);
        recipient = Arrays.copyOf(recipient, capacity);
        listId = Arrays.copyOf(listId, capacity);
        campaignId = Arrays.copyOf(campaignId, capacity);
        hasCampaign = Arrays.copyOf(hasCampaign, capacity);
        occurredAt = Arrays.copyOf(occurredAt, capacity);
        kind = Arrays.copyOf(kind, capacity);
        first = Arrays.copyOf(first, capacity);
        second = Arrays.copyOf(second, capacity);
    }
}
