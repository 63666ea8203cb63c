package io.migration.common.transform;

import io.migration.common.shard.Buckets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One recipient of a shard while its rows arrive (R5, R6) and then its children (R7, R8): every
 * rule is a running "latest / least / greatest", so rows are folded in as they come and none is
 * kept. Recency is (updated_at, id), both longs.
 */
final class RecipientAggregate {

    final String email;
    /** The recipient's position in its shard, which children's parents refer to. */
    final int index;

    final long idHi;
    final long idLo;
    final int bucket;

    private String firstName;
    private long firstAt = Long.MIN_VALUE;
    private long firstRow = Long.MIN_VALUE;
    private String lastName;
    private long lastAt = Long.MIN_VALUE;
    private long lastRow = Long.MIN_VALUE;
    private String phone;
    private long phoneAt = Long.MIN_VALUE;
    private long phoneRow = Long.MIN_VALUE;
    long createdAt = Long.MAX_VALUE;
    long updatedAt = Long.MIN_VALUE;

    private MembershipAggregate[] memberships = new MembershipAggregate[1];
    private int membershipCount;
    private List<AttributeCandidate> attributes;
    private List<String> tags;

    RecipientAggregate(long companyId, String email, int index) {
        this.email = email;
        this.index = index;
        UUID id = Ids.recipientId(companyId, email);
        this.idHi = id.getMostSignificantBits();
        this.idLo = id.getLeastSignificantBits();
        this.bucket = Buckets.of(email);
    }

    /** Folds in one accepted row (R5, R6). */
    void add(
            long rowId,
            long listId,
            String first,
            String last,
            String rowPhone,
            String status,
            String source,
            long rowCreated,
            long rowUpdated) {
        if (!Text.isBlank(first) && newer(rowUpdated, rowId, firstAt, firstRow)) {
            firstName = Text.trim(first);
            firstAt = rowUpdated;
            firstRow = rowId;
        }
        if (!Text.isBlank(last) && newer(rowUpdated, rowId, lastAt, lastRow)) {
            lastName = Text.trim(last);
            lastAt = rowUpdated;
            lastRow = rowId;
        }
        if (!Text.isBlank(rowPhone) && newer(rowUpdated, rowId, phoneAt, phoneRow)) {
            phone = Text.trim(rowPhone);
            phoneAt = rowUpdated;
            phoneRow = rowId;
        }
        createdAt = Math.min(createdAt, rowCreated);
        updatedAt = Math.max(updatedAt, rowUpdated);
        membership(listId).add(rowId, status, source, rowCreated, rowUpdated);
    }

    /** The recipient's membership of a list, created in list-id order (recipients have few lists). */
    private MembershipAggregate membership(long listId) {
        int at = 0;
        while (at < membershipCount && memberships[at].listId < listId) {
            at++;
        }
        if (at < membershipCount && memberships[at].listId == listId) {
            return memberships[at];
        }
        if (membershipCount == memberships.length) {
            memberships = Arrays.copyOf(memberships, membershipCount * 2);
        }
        System.arraycopy(memberships, at, memberships, at + 1, membershipCount - at);
        MembershipAggregate m = new MembershipAggregate(listId);
        memberships[at] = m;
        membershipCount++;
        return m;
    }

    /** R7: keeps the field whose parent is latest, ties (one parent) broken by the greater field id. */
    void attribute(String name, byte[] value, long parentUpdated, long parentId, long fieldId) {
        if (attributes == null) {
            attributes = new ArrayList<>(2);
        }
        // Kept sorted by name: recipients have a few attributes, and they are written in key order.
        int at = 0;
        while (at < attributes.size()) {
            int order = attributes.get(at).name.compareTo(name);
            if (order == 0) {
                attributes.get(at).offer(value, parentUpdated, parentId, fieldId);
                return;
            }
            if (order > 0) {
                break;
            }
            at++;
        }
        attributes.add(at, new AttributeCandidate(name, value, parentUpdated, parentId, fieldId));
    }

    /** R8: one tag per distinct normalized text. */
    void tag(String tag) {
        if (tags == null) {
            tags = new ArrayList<>(2);
        }
        // Kept sorted, like the attributes.
        int at = 0;
        while (at < tags.size()) {
            int order = tags.get(at).compareTo(tag);
            if (order == 0) {
                return;
            }
            if (order > 0) {
                break;
            }
            at++;
        }
        tags.add(at, tag);
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
    }

    String phone() {
        return phone;
    }

    /** The memberships, sorted by list id. */
    MembershipAggregate[] memberships() {
        return membershipCount == memberships.length ? memberships : Arrays.copyOf(memberships, membershipCount);
    }

    /** The attributes, sorted by name. */
    List<AttributeCandidate> attributes() {
        return attributes == null ? List.of() : attributes;
    }

    /** The tags, sorted. */
    List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    static boolean newer(long updated, long id, long thanUpdated, long thanId) {
        return updated > thanUpdated || (updated == thanUpdated && id > thanId);
    }

    /** R6 for one recipient on one list. */
    static final class MembershipAggregate {
        final long listId;
        String status;
        String source;
        long joinedAt = Long.MAX_VALUE;
        long updatedAt = Long.MIN_VALUE;
        private long latestRow = Long.MIN_VALUE;

        MembershipAggregate(long listId) {
            this.listId = listId;
        }

        void add(long rowId, String rowStatus, String rowSource, long rowCreated, long rowUpdated) {
            if (newer(rowUpdated, rowId, updatedAt, latestRow)) {
                // The latest row gives status and source (source NULL when blank there, DESIGN.md).
                status = rowStatus;
                source = Text.trimToNull(rowSource);
                latestRow = rowId;
            }
            joinedAt = Math.min(joinedAt, rowCreated);
            updatedAt = Math.max(updatedAt, rowUpdated);
        }
    }

    /** The winning field of one attribute name so far. */
    static final class AttributeCandidate {
        final String name;
        byte[] value;
        private long parentUpdated;
        private long parentId;
        private long fieldId;

        AttributeCandidate(String name, byte[] value, long parentUpdated, long parentId, long fieldId) {
            this.name = name;
            this.value = value;
            this.parentUpdated = parentUpdated;
            this.parentId = parentId;
            this.fieldId = fieldId;
        }

        void offer(byte[] otherValue, long otherParentUpdated, long otherParentId, long otherFieldId) {
            boolean wins = newer(otherParentUpdated, otherParentId, parentUpdated, parentId)
                    || (otherParentUpdated == parentUpdated && otherParentId == parentId && otherFieldId > fieldId);
            if (wins) {
                value = otherValue;
                parentUpdated = otherParentUpdated;
                parentId = otherParentId;
                fieldId = otherFieldId;
            }
        }
    }
}
