package io.migration.common.transform;

import java.util.Arrays;
import java.util.Collection;

/** Lists by id for the row checks (R3): sorted ids and a binary search, no boxed key per row. */
final class ListIndex {

    private final long[] ids;
    private final SourceList[] lists;

    ListIndex(Collection<SourceList> all) {
        SourceList[] sorted = all.toArray(new SourceList[0]);
        Arrays.sort(sorted, (a, b) -> Long.compare(a.id(), b.id()));
        this.lists = sorted;
        this.ids = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ids[i] = sorted[i].id();
        }
    }

    /** The list, or null when there is none with this id. */
    SourceList find(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? null : lists[at];
    }
}
