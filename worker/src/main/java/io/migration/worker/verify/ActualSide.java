package io.migration.worker.verify;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the target holds for one shard, read back in one snapshot and imaged exactly like the
 * expected side: the company's rows whose email falls in the shard's buckets, the children of
 * those recipients and of the ones the source says should be there, and the shard's rejects.
 * Nothing here trusts the ledger or the writer's own bookkeeping but the rejects' bucket.
 */
final class ActualSide {

    private final Snapshot target;
    private final ShardScope scope;

    ActualSide(Snapshot target, ShardScope scope) {
        this.target = target;
        this.scope = scope;
    }

    /** {@code expectedRecipients}: ids the source says the shard holds; their children are read too. */
    Map<String, TableImage> images(Set<UUID> expectedRecipients) throws SQLException {
        Map<String, TableImage> images = TargetTables.images(scope);
        long company = scope.companyId();
        if (scope.covers(TaskGroup.LISTS)) {
            TableImage lists = images.get("lists");
            target.query(
                    SqlFiles.get("verify/target-lists"),
                    rs -> lists.add(
                            "id=" + rs.getLong(1),
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class)),
                    company);
            rejects(images, TaskGroup.LISTS);
        }
        if (scope.covers(TaskGroup.SUPPRESSIONS)) {
            TableImage suppressions = images.get("suppressions");
            target.query(
                    SqlFiles.get("verify/target-suppressions"),
                    rs -> {
                        if (scope.holdsEmail(rs.getString(2))) {
                            suppressions.add(
                                    "company_id=" + rs.getLong(1) + " email=" + rs.getString(2),
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getObject(4, OffsetDateTime.class));
                        }
                    },
                    company);
            rejects(images, TaskGroup.SUPPRESSIONS);
        }
        if (scope.covers(TaskGroup.RECIPIENTS)) {
            recipients(images, expectedRecipients);
            rejects(images, TaskGroup.RECIPIENTS);
        }
        return images;
    }

    private void recipients(Map<String, TableImage> images, Set<UUID> expectedRecipients) throws SQLException {
        long company = scope.companyId();
        Set<UUID> ids = new LinkedHashSet<>(expectedRecipients);
        TableImage recipients = images.get("recipients");
        target.query(
                SqlFiles.get("verify/target-recipients"),
                rs -> {
                    if (scope.holdsEmail(rs.getString(3))) {
                        UUID id = rs.getObject(1, UUID.class);
                        ids.add(id);
                        recipients.add(
                                "id=" + id,
                                id,
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class),
                                rs.getObject(8, OffsetDateTime.class));
                    }
                },
                company);
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> all = List.copyOf(ids);
        TableImage memberships = images.get("recipient_lists");
        target.query(
                SqlFiles.get("verify/target-memberships"),
                rs -> memberships.add(
                        "recipient_id=" + rs.getObject(1, UUID.class) + " list_id=" + rs.getLong(2),
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class)),
                company,
                all);
        TableImage attributes = images.get("recipient_attributes");
        target.query(
                SqlFiles.get("verify/target-attributes"),
                rs -> attributes.add(
                        "recipient_id=" + rs.getObject(1, UUID.class) + " name=" + rs.getString(3),
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4)),
                company,
                all);
        TableImage tags = images.get("recipient_tags");
        target.query(
                SqlFiles.get("verify/target-tags"),
                rs -> tags.add(
                        "recipient_id=" + rs.getObject(1, UUID.class) + " tag=" + rs.getString(3),
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3)),
                company,
                all);
        TableImage activity = images.get("recipient_activity");
        target.query(
                SqlFiles.get("verify/target-activity"),
                rs -> {
                    Long campaign = rs.getObject(6, Long.class);
                    activity.add(
                            "id=" + rs.getObject(1, UUID.class),
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getString(5),
                            campaign,
                            rs.getObject(7, OffsetDateTime.class),
                            CanonicalJson.of(rs.getString(8)));
                },
                all,
                company);
    }

    private void rejects(Map<String, TableImage> images, TaskGroup group) throws SQLException {
        TableImage rejects = images.get(TargetTables.rejectsOf(group));
        target.query(
                SqlFiles.get("verify/target-rejects"),
                rs -> {
                    Long companyId = rs.getObject(3, Long.class);
                    rejects.add(
                            rs.getString(1) + " id=" + rs.getLong(2),
                            rs.getString(1),
                            rs.getLong(2),
                            companyId,
                            rs.getString(4));
                },
                scope.companyId(),
                group.wireName(),
                scope.bucketLo(),
                scope.bucketHi());
    }
}
