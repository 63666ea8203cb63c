package io.migration.common.transform;

import java.util.Comparator;

/**
 * One source row that does not reach the target, with the one reason why (R12).
 * {@code companyId} is null only for children whose parent row does not exist (R10).
 */
public record Reject(Long companyId, String sourceTable, long sourceId, RejectReason reason) {

    /** (table, id) identifies a source row, so this order is total for distinct rows. */
    public static final Comparator<Reject> ORDER =
            Comparator.comparing(Reject::sourceTable).thenComparingLong(Reject::sourceId);
}
