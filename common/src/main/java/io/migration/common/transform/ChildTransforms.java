package io.migration.common.transform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Rules R7–R10: the children of list_recipients rows (fields, tags, events). */
final class ChildTransforms {

    private static final Comparator<Attribute> ATTRIBUTE_ORDER =
            Comparator.comparing(Attribute::recipientId).thenComparing(Attribute::name);
    private static final Comparator<Tag> TAG_ORDER =
            Comparator.comparing(Tag::recipientId).thenComparing(Tag::tag);

    /** Winner of a name: the field whose parent is latest, ties (same parent) by greater field id. */
    private static final Comparator<FieldCandidate> FIELD_PRIORITY =
            Comparator.comparing(FieldCandidate::parent, AcceptedRow.BY_RECENCY)
                    .thenComparingLong(c -> c.field().id());

    private record FieldCandidate(AcceptedRow parent, SourceField field) {
    }

    private record Key(UUID recipientId, String name) {
    }

    private ChildTransforms() {
    }

    /**
     * R7. A field that passes its checks but loses to another field of the same name still
     * contributes (it is merged away, like a duplicate list_recipients row), so it is no reject.
     * Fields rejected null_value take no part in the choice: an older non-NULL value wins over a
     * newer NULL one.
     */
    static List<Attribute> attributes(Collection<SourceField> fields, RowChecks checks, List<Reject> rejects) {
        Map<Key, FieldCandidate> winners = new HashMap<>();
        for (SourceField field : fields) {
            AcceptedRow parent = checks.parentOf(field.listRecipientId(), SourceTables.FIELDS, field.id());
            if (parent == null) {
                continue;
            }
            String name = Text.lower(Text.trim(field.name()));
            RejectReason reason = Text.isBlank(name) ? RejectReason.BLANK_FIELD_NAME
                    : field.value() == null ? RejectReason.NULL_VALUE
                    : null;
            if (reason != null) {
                rejects.add(new Reject(parent.row().companyId(), SourceTables.FIELDS, field.id(), reason));
                continue;
            }
            winners.merge(new Key(parent.recipientId(), name), new FieldCandidate(parent, field),
                    (a, b) -> FIELD_PRIORITY.compare(a, b) >= 0 ? a : b);
        }
        List<Attribute> attributes = new ArrayList<>(winners.size());
        winners.forEach((key, winner) -> attributes.add(new Attribute(
                key.recipientId(), winner.parent().row().companyId(), key.name(), winner.field().value())));
        attributes.sort(ATTRIBUTE_ORDER);
        return attributes;
    }

    /** R8: duplicates after normalization (e.g. "VIP" and " vip") merge into one tag. */
    static List<Tag> tags(Collection<SourceTag> sourceTags, RowChecks checks, List<Reject> rejects) {
        Set<Tag> tags = new HashSet<>();
        for (SourceTag sourceTag : sourceTags) {
            AcceptedRow parent = checks.parentOf(sourceTag.listRecipientId(), SourceTables.TAGS, sourceTag.id());
            if (parent == null) {
                continue;
            }
            String tag = Text.lower(Text.trim(sourceTag.tag()));
            if (Text.isBlank(tag)) {
                rejects.add(new Reject(parent.row().companyId(), SourceTables.TAGS, sourceTag.id(),
                        RejectReason.BLANK_TAG));
                continue;
            }
            tags.add(new Tag(parent.recipientId(), parent.row().companyId(), tag));
        }
        List<Tag> sorted = new ArrayList<>(tags);
        sorted.sort(TAG_ORDER);
        return sorted;
    }

    /** R9: one activity per event row; its id derives from the row, so replays overwrite. */
    static List<Activity> activities(Collection<SourceEvent> events, RowChecks checks, List<Reject> rejects) {
        List<Activity> activities = new ArrayList<>(events.size());
        for (SourceEvent event : events) {
            AcceptedRow parent = checks.parentOf(event.listRecipientId(), event.sourceTable(), event.id());
            if (parent == null) {
                continue;
            }
            activities.add(new Activity(
                    Ids.activityId(event.kind(), event.id()),
                    parent.recipientId(),
                    parent.row().companyId(),
                    parent.row().listId(),
                    event.kind().label(),
                    event.campaignId(),
                    event.occurredAt(),
                    ActivityDetails.of(event)));
        }
        activities.sort(Comparator.comparing(Activity::id));
        return activities;
    }
}
