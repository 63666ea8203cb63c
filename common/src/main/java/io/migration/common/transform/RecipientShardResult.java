package io.migration.common.transform;

import java.util.List;

/**
 * What {@link RecipientTransform} makes of one {@link RecipientShardInput}. Every list is sorted
 * by its target key (rejects by table and source id), so equal inputs give equal results.
 */
public record RecipientShardResult(
        List<Recipient> recipients,
        List<Membership> memberships,
        List<Attribute> attributes,
        List<Tag> tags,
        List<Activity> activities,
        List<Reject> rejects) {

    public RecipientShardResult {
        recipients = List.copyOf(recipients);
        memberships = List.copyOf(memberships);
        attributes = List.copyOf(attributes);
        tags = List.copyOf(tags);
        activities = List.copyOf(activities);
        rejects = List.copyOf(rejects);
    }
}
