package io.migration.common.transform;

/**
 * Children (fields, tags, events) whose {@code list_recipient_id} does not exist belong to no
 * company (R10): they are never migrated, only counted, with a null company.
 */
public final class Orphans {

    private Orphans() {}

    public static Reject reject(String sourceTable, long sourceId) {
        return new Reject(null, sourceTable, sourceId, RejectReason.ORPHAN_RECIPIENT);
    }
}
