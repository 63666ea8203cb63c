package io.migration.common.transform;

import java.util.Arrays;

/**
 * What children need to know of each list_recipients row of a shard (R7, R9, R10), by row id, in
 * primitive arrays: no boxed key or value per row. A row is accepted (it has a recipient, whose id
 * is copied here so that children need not visit the recipient) or rejected ({@link #REJECTED});
 * either way it has the bucket its children's rejects are filed under.
 *
 * <p>Rows are only appended while they arrive. When the first child comes the index is built: a
 * plain array indexed by id - lowest id when the ids are dense (as a company's rows mostly are:
 * children then arrive in parent order and consecutive lookups touch consecutive memory), an
 * open-addressing hash table otherwise.
 */
final class ParentIndex {

    static final int REJECTED = -1;
    private static final int NONE = -1;
    /** The direct table may be this many times larger than the number of rows, no more. */
    private static final int DENSE_FACTOR = 4;

    private long[] keys;
    private int[] slotOf;
    private int size;
    private long minId = Long.MAX_VALUE;
    private long maxId = Long.MIN_VALUE;
    private int[] direct;
    private boolean sealed;

    private long[] ids = new long[512];
    private int[] recipient = new int[512];
    private long[] recipientHi = new long[512];
    private long[] recipientLo = new long[512];
    private long[] listId = new long[512];
    private long[] updatedAt = new long[512];
    private int[] bucket = new int[512];

    void add(long id, int recipientIndex, long idHi, long idLo, long list, long updated, int rowBucket) {
        if (sealed) {
            throw new IllegalStateException("list_recipients row " + id + " after the children started");
        }
        if (size == ids.length) {
            grow(size * 2);
        }
        int slot = size++;
        ids[slot] = id;
        recipient[slot] = recipientIndex;
        recipientHi[slot] = idHi;
        recipientLo[slot] = idLo;
        listId[slot] = list;
        updatedAt[slot] = updated;
        bucket[slot] = rowBucket;
        minId = Math.min(minId, id);
        maxId = Math.max(maxId, id);
    }

    /** The row's slot, or -1 when the shard has no such row. */
    int find(long id) {
        if (!sealed) {
            seal();
        }
        if (direct != null) {
            return id < minId || id > maxId ? NONE : direct[(int) (id - minId)];
        }
        if (keys == null) {
            return NONE;
        }
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

    int recipient(int slot) {
        return recipient[slot];
    }

    long recipientHi(int slot) {
        return recipientHi[slot];
    }

    long recipientLo(int slot) {
        return recipientLo[slot];
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

    /** The rows are all in: switch to the direct table when the ids are dense enough. */
    private void seal() {
        sealed = true;
        if (size == 0) {
            return;
        }
        long width = maxId - minId + 1;
        if (width <= (long) size * DENSE_FACTOR && width <= Integer.MAX_VALUE) {
            direct = new int[(int) width];
            Arrays.fill(direct, NONE);
            for (int slot = 0; slot < size; slot++) {
                int at = (int) (ids[slot] - minId);
                if (direct[at] != NONE) {
                    throw duplicate(ids[slot]);
                }
                direct[at] = slot;
            }
            return;
        }
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2) * 2;
        keys = new long[capacity];
        slotOf = new int[capacity];
        Arrays.fill(slotOf, NONE);
        for (int slot = 0; slot < size; slot++) {
            insert(ids[slot], slot);
        }
    }

    private void insert(long id, int slot) {
        int mask = keys.length - 1;
        int i = spread(id) & mask;
        while (slotOf[i] != NONE) {
            if (keys[i] == id) {
                throw duplicate(id);
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        slotOf[i] = slot;
    }

    private static IllegalArgumentException duplicate(long id) {
        return new IllegalArgumentException("list_recipients row " + id + " appears twice in one shard");
    }

    private void grow(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        recipient = Arrays.copyOf(recipient, capacity);
        recipientHi = Arrays.copyOf(recipientHi, capacity);
        recipientLo = Arrays.copyOf(recipientLo, capacity);
        listId = Arrays.copyOf(listId, capacity);
        updatedAt = Arrays.copyOf(updatedAt, capacity);
        bucket = Arrays.copyOf(bucket, capacity);
    }

    /** Ids are often consecutive: spread them over the table (Fibonacci hashing). */
    private static int spread(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
