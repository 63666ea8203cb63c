package io.migration.common.transform;

import io.migration.common.shard.Buckets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules R1-R10 for one shard of a company's list_recipients rows and their children, fed row by row
 * as they are read: first every {@link #row}, then the children ({@link #field}, {@link #tag},
 * {@link #event}) in any order. Rows are folded into their recipient as they come (every merge rule
 * is a running latest / least / greatest), so memory grows with recipients and outputs, never with
 * a copy of the input. Outputs come back through visitors, each table in its target index's order.
 * Pure: the result depends only on the rows given, not on their order.
 *
 * <p>Contract: all rows sharing a normalized email are fed to the same shard (R5 is complete), and
 * {@code lists} holds at least the company's own lists (a list id not among them is missing or
 * another company's: {@code orphan_list}). Timestamps are microseconds since 1970 UTC.
 */
public final class RecipientShard {

    private final long companyId;
    private final ListIndex lists;
    private final Map<String, RecipientAggregate> byEmail = new HashMap<>();
    private final List<RecipientAggregate> recipients = new ArrayList<>();
    private final ParentIndex parents = new ParentIndex();
    private final ActivityBuffer activities = new ActivityBuffer();
    private final RejectBuffer rejects = new RejectBuffer();
    private final NormalizedNames normalized = new NormalizedNames();

    private final Contributions contributed = new Contributions();
    private RecipientAggregate[] byId;
    private final long[] activityId = new long[2];

    public RecipientShard(long companyId, Map<Long, SourceList> lists) {
        this.companyId = companyId;
        this.lists = new ListIndex(lists.values());
    }

    public long companyId() {
        return companyId;
    }

    /** One list_recipients row: R3, R1 and R4, then R5 and R6 when it is accepted. */
    public void row(
            long id,
            long rowCompanyId,
            long listId,
            String email,
            String firstName,
            String lastName,
            String phone,
            String status,
            String source,
            long createdAt,
            long updatedAt) {
        Guards.sameCompany(companyId, rowCompanyId, SourceTables.LIST_RECIPIENTS, id);
        String normalizedEmail = Emails.normalize(email);
        RejectReason reason = verdict(listId, normalizedEmail);
        String validStatus = reason == null ? Statuses.normalize(status) : null;
        if (reason == null && validStatus == null) {
            reason = RejectReason.INVALID_STATUS;
        }
        if (reason != null) {
            reject(id, listId, updatedAt, normalizedEmail, reason);
            return;
        }
        RecipientAggregate recipient = byEmail.get(normalizedEmail);
        if (recipient == null) {
            recipient = newRecipient(normalizedEmail);
        }
        recipient.add(id, listId, firstName, lastName, phone, validStatus, source, createdAt, updatedAt);
        parents.add(id, recipient.index, recipient.idHi, recipient.idLo, listId, updatedAt, recipient.bucket);
        contributed.row();
    }

    /** R3 then R1, in the spec's order (orphan, deleted, email; the status comes last): null when it passes. */
    private RejectReason verdict(long listId, String normalizedEmail) {
        SourceList list = lists.find(listId);
        if (list == null || list.companyId() != companyId) {
            return RejectReason.ORPHAN_LIST;
        }
        if (list.deletedAt() != null) {
            return RejectReason.DELETED_LIST;
        }
        return Emails.isValid(normalizedEmail) ? null : RejectReason.INVALID_EMAIL;
    }

    private void reject(long id, long listId, long updatedAt, String normalizedEmail, RejectReason reason) {
        int bucket = Buckets.of(normalizedEmail);
        rejects.add(SourceTables.LIST_RECIPIENTS, id, reason, bucket);
        parents.add(id, ParentIndex.REJECTED, 0, 0, listId, updatedAt, bucket);
    }

    private RecipientAggregate newRecipient(String normalizedEmail) {
        RecipientAggregate recipient = new RecipientAggregate(companyId, normalizedEmail, recipients.size());
        byEmail.put(normalizedEmail, recipient);
        recipients.add(recipient);
        return recipient;
    }

    /** Whether the shard holds this list_recipients row (accepted or rejected). */
    public boolean hasRow(long listRecipientId) {
        return parents.find(listRecipientId) >= 0;
    }

    /** R7 for one list_recipient_fields row; its value as the UTF-8 bytes stored (kept exactly). */
    public void field(long id, long parentId, String name, byte[] value) {
        int parent = parentOf(parentId, SourceTables.FIELDS, id);
        if (parent < 0) {
            return;
        }
        String key = normalized.of(name);
        RejectReason reason =
                Text.isBlank(key) ? RejectReason.BLANK_FIELD_NAME : value == null ? RejectReason.NULL_VALUE : null;
        if (reason != null) {
            rejects.add(SourceTables.FIELDS, id, reason, parents.bucket(parent));
            return;
        }
        recipients.get(parents.recipient(parent)).attribute(key, value, parents.updatedAt(parent), parentId, id);
        contributed.field();
    }

    /** R8 for one recipient_tags row: duplicates after normalization merge into one tag. */
    public void tag(long id, long parentId, String tag) {
        int parent = parentOf(parentId, SourceTables.TAGS, id);
        if (parent < 0) {
            return;
        }
        String key = normalized.of(tag);
        if (Text.isBlank(key)) {
            rejects.add(SourceTables.TAGS, id, RejectReason.BLANK_TAG, parents.bucket(parent));
            return;
        }
        recipients.get(parents.recipient(parent)).tag(key);
        contributed.tag();
    }

    /**
     * R9 for one event row; {@code first} and {@code second} are its detail values
     * ({@link ActivityDetails#members}). Its id derives from the row, so replays overwrite.
     */
    public void event(
            ActivityKind kind,
            long id,
            long parentId,
            boolean hasCampaign,
            long campaignId,
            long occurredAt,
            byte[] first,
            byte[] second) {
        int parent = parentOf(parentId, kind.sourceTable(), id);
        if (parent < 0) {
            return;
        }
        Ids.activityId(kind, id, activityId);
        activities.add(
                activityId[0],
                activityId[1],
                parents.recipientHi(parent),
                parents.recipientLo(parent),
                parents.listId(parent),
                kind,
                hasCampaign,
                campaignId,
                occurredAt,
                first,
                second);
        contributed.event(kind);
    }

    /**
     * The accepted parent's slot, or -1 after recording the child's reject (R10): a missing parent
     * makes it an orphan of no company, a rejected one makes it parent_rejected.
     */
    private int parentOf(long parentId, String sourceTable, long id) {
        int slot = parents.find(parentId);
        if (slot < 0) {
            rejects.addOrphan(sourceTable, id);
            return -1;
        }
        if (parents.recipient(slot) == ParentIndex.REJECTED) {
            rejects.add(sourceTable, id, RejectReason.PARENT_REJECTED, parents.bucket(slot));
            return -1;
        }
        return slot;
    }

    /** Recipients (R5) by email (approximately: {@link UuidOrder}), the (company_id, email) index's order. */
    public <X extends Exception> void recipients(ShardRows.RecipientVisitor<X> visitor) throws X {
        long[] keys = new long[recipients.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = UuidOrder.textKey(recipients.get(i).email);
        }
        for (int i : UuidOrder.order(keys, keys.length)) {
            RecipientAggregate r = recipients.get(i);
            visitor.visit(
                    r.idHi,
                    r.idLo,
                    r.email,
                    r.firstName(),
                    r.lastName(),
                    r.phone(),
                    r.createdAt,
                    r.updatedAt,
                    r.bucket);
        }
    }

    /** Memberships (R6) by (recipient id, list id): the primary key's order. */
    public <X extends Exception> void memberships(ShardRows.MembershipVisitor<X> visitor) throws X {
        for (RecipientAggregate r : byId()) {
            for (RecipientAggregate.MembershipAggregate m : r.memberships()) {
                visitor.visit(r.idHi, r.idLo, m.listId, m.status, m.source, m.joinedAt, m.updatedAt);
            }
        }
    }

    /** Attributes (R7) by (recipient id, name). */
    public <X extends Exception> void attributes(ShardRows.AttributeVisitor<X> visitor) throws X {
        for (RecipientAggregate r : byId()) {
            for (RecipientAggregate.AttributeCandidate a : r.attributes()) {
                visitor.visit(r.idHi, r.idLo, a.name, a.value);
            }
        }
    }

    /** Tags (R8) by (recipient id, tag). */
    public <X extends Exception> void tags(ShardRows.TagVisitor<X> visitor) throws X {
        for (RecipientAggregate r : byId()) {
            for (String tag : r.tags()) {
                visitor.visit(r.idHi, r.idLo, tag);
            }
        }
    }

    /** Activities (R9) by id, as PostgreSQL orders uuids. */
    public <X extends Exception> void activities(ShardRows.ActivityVisitor<X> visitor) throws X {
        activities.<X>forEachInOrder((rows, at, details) -> {
            long flags = rows[at + ActivityBuffer.FLAGS];
            long first = rows[at + ActivityBuffer.FIRST];
            long second = rows[at + ActivityBuffer.SECOND];
            visitor.visit(
                    rows[at + ActivityBuffer.ID_HI],
                    rows[at + ActivityBuffer.ID_LO],
                    rows[at + ActivityBuffer.RECIPIENT_HI],
                    rows[at + ActivityBuffer.RECIPIENT_LO],
                    rows[at + ActivityBuffer.LIST_ID],
                    ActivityBuffer.kind(flags),
                    ActivityBuffer.hasCampaign(flags),
                    rows[at + ActivityBuffer.CAMPAIGN_ID],
                    rows[at + ActivityBuffer.OCCURRED_AT],
                    details,
                    ActivityBuffer.offset(first),
                    ActivityBuffer.length(first),
                    ActivityBuffer.offset(second),
                    ActivityBuffer.length(second));
        });
    }

    public int recipientCount() {
        return recipients.size();
    }

    public int activityCount() {
        return activities.size();
    }

    /** Rows that did not contribute, with their reason and bucket (R12). */
    public RejectBuffer rejects() {
        return rejects;
    }

    /** Source rows that contributed to the target, by legacy table (R12; {@link Contributions}). */
    public Map<String, Long> contributedByTable() {
        return contributed.byTable();
    }

    /** The recipients in their id's order (approximately), which leads the children's primary keys. */
    private RecipientAggregate[] byId() {
        if (byId == null) {
            long[] keys = new long[recipients.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = recipients.get(i).idHi;
            }
            int[] order = UuidOrder.order(keys, keys.length);
            byId = new RecipientAggregate[order.length];
            for (int i = 0; i < order.length; i++) {
                byId[i] = recipients.get(order[i]);
            }
        }
        return byId;
    }
}
