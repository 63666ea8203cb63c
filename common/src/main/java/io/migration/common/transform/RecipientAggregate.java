package io.migration.common.transform;

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
        this.bucket = io.migration.common.shard.Buckets.of(email);
    }

    /** Folds in one accepted row (R5, R6). */
    void add(long rowId, long listId, String first, String last, String rowPhone, String status, String source,
            long rowCreated, long rowUpdated) {
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

    private MembershipAggregate membership(long listId) {
        for (int i = 0; i < membershipCount; i++) {
            if (memberships[i].listId == listId) {
                return memberships[i];
            }
        }
        if (membershipCount == memberships.length) {
            memberships = Arrays.copyOf(memberships, membershipCount * 2);
        }
        MembershipAggregate m = new MembershipAggregate(listId);
        memberships[membershipCount++] = m;
        return m;
    }

    /** R7: keeps the field whose parent is latest, ties (one parent) broken by the greater field id. */
    void attribute(String name, String value, long parentUpdated, long parentId, long fieldId) {
        if (attributes == null) {
            attributes = new ArrayList<>(2);
        }
        for (AttributeCandidate a : attributes) {
            if (a.name.equals(name)) {
                a.offer(value, parentUpdated, parentId, fieldId);
                return;
            }
        }
        attributes.add(new AttributeCandidate(name, value, parentUpdated, parentId, fieldId));
    }

    /** R8: one tag per distinct normalized text. */
    void tag(String tag) {
        if (tags == null) {
            tags = new ArrayList<>(2);
        } else if (tags.contains(tag)) {
            return;
        }
        tags.add(tag);
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

    /** The memberships sorted by list id. */
    MembershipAggregate[] memberships() {
        MembershipAggregate[] sorted = Arrays.copyOf(memberships, membershipCount);
        if (sorted.length > 1) {
            Arrays.sort(sorted, (a, b) -> Long.compare(a.listId, b.listId));
        }
        return sorted;
    }

    /** The attributes sorted by name. */
    List<AttributeCandidate> attributes() {
        if (attributes == null) {
            return List.of();
        }
        attributes.sort((a, b) -> a.name.compareTo(b.name));
        return attributes;
    }

    /** The tags sorted. */
    List<String> tags() {
        if (tags == null) {
            return List.of();
        }
        tags.sort(null);
        return tags;
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
        String value;
        private long parentUpdated;
        private long parentId;
        private long fieldId;

        AttributeCandidate(String name, String value, long parentUpdated, long parentId, long fieldId) {
            this.name = name;
            this.value = value;
            this.parentUpdated = parentUpdated;
            this.parentId = parentId;
            this.fieldId = fieldId;
        }

        void offer(String otherValue, long otherParentUpdated, long otherParentId, long otherFieldId) {
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
