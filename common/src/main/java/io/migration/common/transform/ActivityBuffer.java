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
    private long[] recipientHi = new long[256];
    private long[] recipientLo = new long[256];
    private long[] listId = new long[256];
    private long[] campaignId = new long[256];
    private boolean[] hasCampaign = new boolean[256];
    private long[] occurredAt = new long[256];
    private byte[] kind = new byte[256];
    private String[] first = new String[256];
    private String[] second = new String[256];

    void add(long hi, long lo, long rHi, long rLo, long list, ActivityKind activityKind, boolean withCampaign,
            long campaign, long occurred, String firstDetail, String secondDetail) {
        if (size == idHi.length) {
            grow();
        }
        int i = size++;
        idHi[i] = hi;
        idLo[i] = lo;
        recipientHi[i] = rHi;
        recipientLo[i] = rLo;
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

    /** Row indexes in uuid order, as PostgreSQL compares (approximately: {@link UuidOrder#order}). */
    int[] order() {
        return UuidOrder.order(idHi, size);
    }

    long idHi(int i) {
        return idHi[i];
    }

    long idLo(int i) {
        return idLo[i];
    }

    long recipientHi(int i) {
        return recipientHi[i];
    }

    long recipientLo(int i) {
        return recipientLo[i];
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
        recipientHi = Arrays.copyOf(recipientHi, capacity);
        recipientLo = Arrays.copyOf(recipientLo, capacity);
        listId = Arrays.copyOf(listId, capacity);
        campaignId = Arrays.copyOf(campaignId, capacity);
        hasCampaign = Arrays.copyOf(hasCampaign, capacity);
        occurredAt = Arrays.copyOf(occurredAt, capacity);
        kind = Arrays.copyOf(kind, capacity);
        first = Arrays.copyOf(first, capacity);
        second = Arrays.copyOf(second, capacity);
    }
}
