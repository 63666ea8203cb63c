package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.Ids;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What the new service writes for a switched company, in the target's tables, inside the caller's
 * transaction: inserts, updates and deletes of recipients, their lists, attributes, tags and activity,
 * and of suppressions, so that a rollback has rows to report. Ids and buckets are the migration's
 * ({@link Ids}, {@link Buckets}); ids of new activity come from the source's app_ids, so they never
 * meet those of migrated events.
 */
final class ServiceWriter {

    private static final String[] NAMES = WordPools.pool("service.names");
    private static final String[] STATUSES = WordPools.pool("service.statuses");
    private static final String[] ATTRIBUTES = WordPools.pool("service.attributes");
    private static final String[] VALUES = WordPools.pool("service.values");
    private static final String[] TAGS = WordPools.pool("service.tags");

    private final Handle target;
    private final long company;
    private final Rng rng;

    ServiceWriter(Handle target, long company, Rng rng) {
        this.target = target;
        this.company = company;
        this.rng = rng;
    }

    void write(TrafficMix.Service op, long newId) {
        switch (op) {
            case INSERT -> insert(newId);
            case UPDATE -> update();
            case DELETE -> delete();
        }
    }

    /** A new recipient on one of the company's lists, with an attribute, a tag and an open; a suppression. */
    private void insert(long newId) {
        String email = "svc" + newId + "@example.com";
        UUID recipient = Ids.recipientId(company, email);
        target.createUpdate(SqlFiles.get("traffic/service-insert-recipient"))
                .bind("id", recipient)
                .bind("company", company)
                .bind("email", email)
                .bind("first", rng.pick(NAMES))
                .bind("last", (String) null)
                .bind("phone", (String) null)
                .bind("bucket", Buckets.of(email))
                .execute();
        update("service-insert-membership", recipient);
        target.createUpdate(SqlFiles.get("traffic/service-insert-attribute"))
                .bind("recipient", recipient)
                .bind("company", company)
                .bind("name", rng.pick(ATTRIBUTES))
                .bind("value", rng.pick(VALUES))
                .execute();
        target.createUpdate(SqlFiles.get("traffic/service-insert-tag"))
                .bind("recipient", recipient)
                .bind("company", company)
                .bind("tag", rng.pick(TAGS))
                .execute();
        target.createUpdate(SqlFiles.get("traffic/service-insert-activity"))
                .bind("id", Ids.activityId(ActivityKind.OPEN, newId))
                .bind("recipient", recipient)
                .bind("company", company)
                .bind("campaign", 1 + rng.nextInt(500))
                .bind("detail", "{\"user_agent\": \"new-service\"}")
                .execute();
        if (rng.chance(0.3)) {
            String suppressed = "svc-suppressed" + newId + "@example.com";
            target.createUpdate(SqlFiles.get("traffic/service-insert-suppression"))
                    .bind("company", company)
                    .bind("email", suppressed)
                    .bind("reason", "complaint")
                    .bind("bucket", Buckets.of(suppressed))
                    .execute();
        }
    }

    /** Changes a recipient, its memberships, attributes and a tag; an activity row and a suppression. */
    private void update() {
        anyRecipient().ifPresent(recipient -> {
            target.createUpdate(SqlFiles.get("traffic/service-update-recipient"))
                    .bind("recipient", recipient)
                    .bind("first", rng.pick(NAMES))
                    .execute();
            target.createUpdate(SqlFiles.get("traffic/service-update-memberships"))
                    .bind("recipient", recipient)
                    .bind("status", rng.pick(STATUSES))
                    .execute();
            target.createUpdate(SqlFiles.get("traffic/service-update-attributes"))
                    .bind("recipient", recipient)
                    .bind("value", rng.pick(VALUES))
                    .execute();
            target.createUpdate(SqlFiles.get("traffic/service-update-tag"))
                    .bind("recipient", recipient)
                    .bind("tag", rng.pick(TAGS) + "-" + rng.nextInt(100))
                    .execute();
        });
        target.createUpdate(SqlFiles.get("traffic/service-update-activity"))
                .bind("company", company)
                .bind("probe", randomUuid())
                .execute();
        target.createUpdate(SqlFiles.get("traffic/service-update-suppression"))
                .bind("company", company)
                .bind("probe", randomLetter())
                .bind("reason", "manual")
                .execute();
    }

    /** Deletes a tag, an attribute and a membership of a recipient (or the recipient with everything of it), an activity row and a suppression. */
    private void delete() {
        anyRecipient().ifPresent(recipient -> {
            if (rng.chance(0.3)) {
                update("service-delete-recipient", recipient);
            } else {
                update("service-delete-tag", recipient);
                update("service-delete-attribute", recipient);
                update("service-delete-membership", recipient);
            }
        });
        target.createUpdate(SqlFiles.get("traffic/service-delete-activity"))
                .bind("company", company)
                .bind("probe", randomUuid())
                .execute();
        target.createUpdate(SqlFiles.get("traffic/service-delete-suppression"))
                .bind("company", company)
                .bind("probe", randomLetter())
                .execute();
    }

    private Optional<UUID> anyRecipient() {
        Optional<UUID> found = target.createQuery(SqlFiles.get("traffic/service-pick-recipient"))
                .bind("company", company)
                .bind("probe", randomUuid())
                .mapTo(UUID.class)
                .findOne();
        return found.isPresent()
                ? found
                : target.createQuery(SqlFiles.get("traffic/service-first-recipient"))
                        .bind("company", company)
                        .mapTo(UUID.class)
                        .findOne();
    }

    private void update(String file, UUID recipient) {
        target.createUpdate(SqlFiles.get("traffic/" + file))
                .bind("recipient", recipient)
                .bind("company", company)
                .execute();
    }

    private UUID randomUuid() {
        return new UUID(rng.nextLong(), rng.nextLong());
    }

    private String randomLetter() {
        return String.valueOf((char) ('a' + rng.nextInt(26)));
    }
}
