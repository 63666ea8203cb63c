package io.migration.worker.verify;

import io.migration.common.message.TaskGroup;
import io.migration.common.transform.Activity;
import io.migration.common.transform.Attribute;
import io.migration.common.transform.Membership;
import io.migration.common.transform.Recipient;
import io.migration.common.transform.RecipientShardResult;
import io.migration.common.transform.Reject;
import io.migration.common.transform.Tag;
import java.util.List;
import java.util.Map;

/** The target rows a shard's transformed source rows must appear as, table by table. */
final class ExpectedImages {

    private ExpectedImages() {}

    static void recipients(Map<String, TableImage> images, RecipientShardResult result) {
        for (Recipient r : result.recipients()) {
            images.get("recipients")
                    .add(
                            "id=" + r.id(),
                            r.id(),
                            r.companyId(),
                            r.email(),
                            r.firstName(),
                            r.lastName(),
                            r.phone(),
                            r.createdAt(),
                            r.updatedAt());
        }
        for (Membership m : result.memberships()) {
            images.get("recipient_lists")
                    .add(
                            "recipient_id=" + m.recipientId() + " list_id=" + m.listId(),
                            m.recipientId(),
                            m.listId(),
                            m.companyId(),
                            m.status(),
                            m.source(),
                            m.joinedAt(),
                            m.updatedAt());
        }
        for (Attribute a : result.attributes()) {
            images.get("recipient_attributes")
                    .add(
                            "recipient_id=" + a.recipientId() + " name=" + a.name(),
                            a.recipientId(),
                            a.companyId(),
                            a.name(),
                            a.value());
        }
        for (Tag t : result.tags()) {
            images.get("recipient_tags")
                    .add(
                            "recipient_id=" + t.recipientId() + " tag=" + t.tag(),
                            t.recipientId(),
                            t.companyId(),
                            t.tag());
        }
        for (Activity a : result.activities()) {
            images.get("recipient_activity")
                    .add(
                            "id=" + a.id(),
                            a.id(),
                            a.recipientId(),
                            a.companyId(),
                            a.listId(),
                            a.kind(),
                            a.campaignId(),
                            a.occurredAt(),
                            CanonicalJson.of(a.detailJson()));
        }
        rejects(images.get(TargetTables.rejectsOf(TaskGroup.RECIPIENTS)), result.rejects());
    }

    static void rejects(TableImage image, List<Reject> rejects) {
        for (Reject r : rejects) {
            image.add(
                    r.sourceTable() + " id=" + r.sourceId(),
                    r.sourceTable(),
                    r.sourceId(),
                    r.companyId(),
                    r.reason().code());
        }
    }
}
