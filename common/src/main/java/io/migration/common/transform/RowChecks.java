package io.migration.common.transform;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on every list_recipients row of a shard (R3, R1, R4), kept so that children can
 * find their parent's verdict (R10). Rejects are appended to the shared list given.
 */
final class RowChecks {

    private final Map<Long, AcceptedRow> accepted = new HashMap<>();
    private final Map<Long, SourceListRecipient> rejected = new HashMap<>();
    private final List<Reject> rejects;

    RowChecks(long companyId, Map<Long, SourceList> listsById, Collection<SourceListRecipient> rows,
            List<Reject> rejects) {
        this.rejects = rejects;
        for (SourceListRecipient row : rows) {
            Guards.sameCompany(companyId, row.companyId(), SourceTables.LIST_RECIPIENTS, row.id());
            check(listsById, row);
        }
    }

    private void check(Map<Long, SourceList> listsById, SourceListRecipient row) {
        // The order of the checks is the spec's: orphan, deleted, email, status (R3).
        SourceList list = listsById.get(row.listId());
        String email = Emails.normalize(row.email());
        String status = Statuses.normalize(row.status());
        RejectReason reason;
        if (list == null || list.companyId() != row.companyId()) {
            reason = RejectReason.ORPHAN_LIST;
        } else if (list.deletedAt() != null) {
            reason = RejectReason.DELETED_LIST;
        } else if (!Emails.isValid(email)) {
            reason = RejectReason.INVALID_EMAIL;
        } else if (status == null) {
            reason = RejectReason.INVALID_STATUS;
        } else {
            accepted.put(row.id(), new AcceptedRow(row, email, status, Ids.recipientId(row.companyId(), email)));
            return;
        }
        rejected.put(row.id(), row);
        rejects.add(new Reject(row.companyId(), SourceTables.LIST_RECIPIENTS, row.id(), reason));
    }

    Collection<AcceptedRow> accepted() {
        return accepted.values();
    }

    /**
     * The accepted parent of a child row, or null after recording the child's reject: a missing
     * parent makes it an orphan of no company, a rejected one makes it parent_rejected (R10).
     */
    AcceptedRow parentOf(long listRecipientId, String sourceTable, long sourceId) {
        AcceptedRow parent = accepted.get(listRecipientId);
        if (parent != null) {
            return parent;
        }
        SourceListRecipient rejectedParent = rejected.get(listRecipientId);
        if (rejectedParent == null) {
            rejects.add(Orphans.reject(sourceTable, sourceId));
        } else {
            rejects.add(new Reject(rejectedParent.companyId(), sourceTable, sourceId, RejectReason.PARENT_REJECTED));
        }
        return null;
    }
}
