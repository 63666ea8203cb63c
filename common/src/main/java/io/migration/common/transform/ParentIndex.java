package io.migration.common.transform;

import java.util.Arrays;

/**
 * What children need to know of each list_recipients row of a shard (R7, R9, R10), by row id, in
 * primitive arrays: no boxed key or value per row. A row is accepted (it has a recipient) or
 * rejected ({@link #REJECTED}); either way it has the bucket its children's rejects are filed under.
 */
final class ParentIndex {

    static final int REJECTED = -1;
    private static final int NONE = -1;

    private long[] keys = new long[1024];
    private int[] slotOf = new int[1024];
    private int size;

    private long[] ids = new long[512];
    private int[] recipient = new int[512];
    private long[] listId = new long[512];
    private long[] updatedAt = new long[512];
    private int[] bucket = new int[512];

    ParentIndex() {
        Arrays.fill(slotOf, NONE);
    }

    void add(long id, int recipientIndex, long list, long updated, int rowBucket) {
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            recipient = Arrays.copyOf(recipient, capacity);
            listId = Arrays.copyOf(listId, capacity);
            updatedAt = Arrays.copyOf(updatedAt, capacity);
            bucket = Arrays.copyOf(bucket, capacity);
        }
        int slot = size++;
        ids[slot] = id;
        recipient[slot] = recipientIndex;
        listId[slot] = list;
        updatedAt[slot] = updated;
        bucket[slot] = rowBucket;
        insert(id, slot);
    }

    /** The row's slot, or -1 when the shard has no such row. */
    int find(long id) {
        int mask = keys.length - 1;
        for (int i = spread(id) & mask; slotOf[i] != NONE; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return slotOf[i];
            }
        }
        return NONE;
    }

    int size() {
        return size;
    }

    long id(int slot) {
        return ids[slot];
    }

    int recipient(int slot) {
        return recipient[slot];
    }

    long listId(int slot) {
        return listId[slot];
    }

    long updatedAt(int slot) {
        return updatedAt[slot];
    }

    int bucket(int slot) {
        return bucket[slot];
    }

    private void insert(long id, int slot) {
        int mask = keys.length - 1;
        int i = spread(id) & mask;
        while (slotOf[i] != NONE) {
            if (keys[i] == id) {
                throw new IllegalArgumentException("list_recipients row " + id + " appears twice in one shard");
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        slotOf[i] = slot;
    }

    private void rehash(int capacity) {
        keys = new long[capacity];
        slotOf = new int[capacity];
        Arrays.fill(slotOf, NONE);
        for (int slot = 0; slot < size; slot++) {
            insert(ids[slot], slot);
        }
    }

    /** Ids are often consecutive: spread them over the table (Fibonacci hashing). */
    private static int spread(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
