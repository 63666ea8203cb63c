package io.migration.common.transform;

import io.migration.common.copy.PgTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Rules R3–R10 for one shard of a company's list_recipients rows and their children, as whole
 * lists in and out: {@link RecipientShard} fed from a {@link RecipientShardInput}. Pure: the result
 * depends only on the input's content, not on its order, so retries and re-runs agree.
 */
public final class RecipientTransform {

    private static final Comparator<Membership> MEMBERSHIP_ORDER =
            Comparator.comparing(Membership::recipientId).thenComparingLong(Membership::listId);
    private static final Comparator<Attribute> ATTRIBUTE_ORDER =
            Comparator.comparing(Attribute::recipientId).thenComparing(Attribute::name);
    private static final Comparator<Tag> TAG_ORDER =
            Comparator.comparing(Tag::recipientId).thenComparing(Tag::tag);

    private RecipientTransform() {}

    public static RecipientShardResult transform(RecipientShardInput in) {
        RecipientShard shard = new RecipientShard(in.companyId(), in.listsById());
        for (SourceListRecipient r : in.rows()) {
            shard.row(
                    r.id(),
                    r.companyId(),
                    r.listId(),
                    r.email(),
                    r.firstName(),
                    r.lastName(),
                    r.phone(),
                    r.status(),
                    r.source(),
                    PgTime.micros(r.createdAt()),
                    PgTime.micros(r.updatedAt()));
        }
        for (SourceField f : in.fields()) {
            shard.field(f.id(), f.listRecipientId(), f.name(), utf8(f.value()));
        }
        for (SourceTag t : in.tags()) {
            shard.tag(t.id(), t.listRecipientId(), t.tag());
        }
        for (SourceEvent e : in.events()) {
            shard.event(
                    e.kind(),
                    e.id(),
                    e.listRecipientId(),
                    e.campaignId() != null,
                    e.campaignId() == null ? 0 : e.campaignId(),
                    PgTime.micros(e.occurredAt()),
                    ActivityDetails.first(e),
                    ActivityDetails.second(e));
        }
        return collect(shard);
    }

    /** The shard's outputs as records, each list sorted by its target key (rejects by table and id). */
    static RecipientShardResult collect(RecipientShard shard) {
        long company = shard.companyId();
        List<Recipient> recipients = new ArrayList<>();
        shard.recipients((hi, lo, email, first, last, phone, created, updated, bucket) -> recipients.add(new Recipient(
                new UUID(hi, lo), company, email, first, last, phone, instant(created), instant(updated))));
        recipients.sort(Comparator.comparing(Recipient::email));
        List<Membership> memberships = new ArrayList<>();
        shard.memberships((hi, lo, listId, status, source, joined, updated) -> memberships.add(
                new Membership(new UUID(hi, lo), listId, company, status, source, instant(joined), instant(updated))));
        memberships.sort(MEMBERSHIP_ORDER);
        List<Attribute> attributes = new ArrayList<>();
        shard.attributes((hi, lo, name, value) -> attributes.add(
                new Attribute(new UUID(hi, lo), company, name, new String(value, StandardCharsets.UTF_8))));
        attributes.sort(ATTRIBUTE_ORDER);
        List<Tag> tags = new ArrayList<>();
        shard.tags((hi, lo, tag) -> tags.add(new Tag(new UUID(hi, lo), company, tag)));
        tags.sort(TAG_ORDER);
        List<Activity> activities = new ArrayList<>();
        shard.activities(
                (hi,
                        lo,
                        rHi,
                        rLo,
                        listId,
                        kind,
                        hasCampaign,
                        campaign,
                        occurred,
                        details,
                        firstAt,
                        firstLength,
                        secondAt,
                        secondLength) -> activities.add(new Activity(
                        new UUID(hi, lo),
                        new UUID(rHi, rLo),
                        company,
                        listId,
                        kind.label(),
                        hasCampaign ? campaign : null,
                        instant(occurred),
                        ActivityDetails.of(
                                kind, slice(details, firstAt, firstLength), slice(details, secondAt, secondLength)))));
        activities.sort(Comparator.comparing(Activity::id));
        RejectBuffer buffer = shard.rejects();
        List<Reject> rejects = new ArrayList<>(buffer.size());
        for (int i = 0; i < buffer.size(); i++) {
            rejects.add(new Reject(
                    buffer.ofNoCompany(i) ? null : company,
                    buffer.sourceTable(i),
                    buffer.sourceId(i),
                    buffer.reason(i)));
        }
        rejects.sort(Reject.ORDER);
        return new RecipientShardResult(recipients, memberships, attributes, tags, activities, rejects);
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        return length < 0 ? null : Arrays.copyOfRange(bytes, offset, offset + length);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant instant(long micros) {
        return PgTime.instant(micros);
    }
}
