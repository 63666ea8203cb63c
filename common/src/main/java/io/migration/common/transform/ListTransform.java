package io.migration.common.transform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Rule R3 for the {@code lists} table itself. */
public final class ListTransform {

    private ListTransform() {}

    /**
     * A live list is migrated as is (its name untouched: the spec normalizes no list column);
     * a deleted one is rejected {@code deleted_list}.
     *
     * @throws IllegalArgumentException when a list belongs to another company: that is a caller bug,
     *     and silently migrating or rejecting it would file it under the wrong company
     */
    public static ListResult transform(long companyId, Collection<SourceList> lists) {
        List<TargetList> migrated = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (SourceList list : lists) {
            Guards.sameCompany(companyId, list.companyId(), SourceTables.LISTS, list.id());
            if (list.deletedAt() != null) {
                rejects.add(new Reject(companyId, SourceTables.LISTS, list.id(), RejectReason.DELETED_LIST));
            } else {
                migrated.add(new TargetList(list.id(), companyId, list.name(), list.createdAt()));
            }
        }
        migrated.sort(Comparator.comparingLong(TargetList::id));
        rejects.sort(Reject.ORDER);
        return new ListResult(migrated, rejects);
    }
}
