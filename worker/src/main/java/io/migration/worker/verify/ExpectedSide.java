package io.migration.worker.verify;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.ListTransform;
import io.migration.common.transform.RecipientShardInput;
import io.migration.common.transform.RecipientShardResult;
import io.migration.common.transform.RecipientTransform;
import io.migration.common.transform.SourceEvent;
import io.migration.common.transform.SourceField;
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceListRecipient;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTag;
import io.migration.common.transform.Suppression;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.SuppressionTransform;
import io.migration.common.transform.TargetList;
import io.migration.worker.pace.Pacer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the source says the target must hold for one shard, now: the shard's source rows read in
 * one snapshot with queries of verify's own, put through the rules (the pure transforms), and
 * imaged table by table. Source rows read per legacy table are counted on the way.
 */
final class ExpectedSide {

    private final Snapshot source;
    private final ShardScope scope;
    private final Pacer pacer;
    private final Map<String, Long> read = new TreeMap<>();
    private final Set<UUID> recipientIds = new HashSet<>();

    ExpectedSide(Snapshot source, ShardScope scope, Pacer pacer) {
        this.source = source;
        this.scope = scope;
        this.pacer = pacer;
    }

    Map<String, Long> rowsRead() {
        return read;
    }

    /** The recipients the source says the shard holds (known once {@link #images()} ran). */
    Set<UUID> recipientIds() {
        return recipientIds;
    }

    Map<String, TableImage> images() throws SQLException, InterruptedException {
        Map<String, TableImage> images = TargetTables.images(scope);
        if (scope.covers(TaskGroup.LISTS)) {
            List<SourceList> lists = new ArrayList<>();
            query("verify/source-lists", "lists", rs -> lists.add(list(rs)), scope.companyId());
            ListResult result = ListTransform.transform(scope.companyId(), lists);
            for (TargetList l : result.lists()) {
                images.get("lists").add("id=" + l.id(), l.id(), l.companyId(), l.name(), l.createdAt());
            }
            ExpectedImages.rejects(images.get(TargetTables.rejectsOf(TaskGroup.LISTS)), result.rejects());
        }
        if (scope.covers(TaskGroup.SUPPRESSIONS)) {
            List<SourceSuppression> rows = new ArrayList<>();
            query(
                    "verify/source-suppressions",
                    null,
                    rs -> {
                        SourceSuppression s = new SourceSuppression(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, 5));
                        if (scope.holdsEmail(s.email())) {
                            rows.add(s);
                        }
                    },
                    scope.companyId());
            count("suppressions", rows.size());
            SuppressionResult result = SuppressionTransform.transform(scope.companyId(), rows);
            for (Suppression s : result.suppressions()) {
                images.get("suppressions")
                        .add(
                                "company_id=" + s.companyId() + " email=" + s.email(),
                                s.companyId(),
                                s.email(),
                                s.reason(),
                                s.createdAt());
            }
            ExpectedImages.rejects(images.get(TargetTables.rejectsOf(TaskGroup.SUPPRESSIONS)), result.rejects());
        }
        if (scope.covers(TaskGroup.RECIPIENTS)) {
            RecipientShardResult result = RecipientTransform.transform(recipientInput());
            result.recipients().forEach(r -> recipientIds.add(r.id()));
            ExpectedImages.recipients(images, result);
        }
        return images;
    }

    private RecipientShardInput recipientInput() throws SQLException, InterruptedException {
        List<SourceListRecipient> rows = new ArrayList<>();
        query(
                "verify/source-list-recipients",
                null,
                rs -> {
                    String email = rs.getString(4);
                    if (scope.holdsEmail(email)) {
                        rows.add(new SourceListRecipient(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                email,
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                instant(rs, 10),
                                instant(rs, 11)));
                    }
                },
                scope.companyId());
        count("list_recipients", rows.size());
        List<Long> parents = rows.stream().map(SourceListRecipient::id).toList();
        Set<Long> listIds = rows.stream().map(SourceListRecipient::listId).collect(Collectors.toSet());
        Map<Long, SourceList> lists = new HashMap<>();
        if (!listIds.isEmpty()) {
            source.query(
                    SqlFiles.get("verify/source-lists-by-id"),
                    rs -> {
                        SourceList l = list(rs);
                        lists.put(l.id(), l);
                    },
                    List.copyOf(listIds));
        }
        List<SourceField> fields = new ArrayList<>();
        List<SourceTag> tags = new ArrayList<>();
        List<SourceEvent> events = new ArrayList<>();
        if (!parents.isEmpty()) {
            query(
                    "verify/source-fields",
                    "list_recipient_fields",
                    rs -> fields.add(new SourceField(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))),
                    parents);
            query(
                    "verify/source-tags",
                    "recipient_tags",
                    rs -> tags.add(new SourceTag(rs.getLong(1), rs.getLong(2), rs.getString(3))),
                    parents);
            query(
                    "verify/source-opens",
                    "recipient_opens",
                    rs -> events.add(new SourceEvent(
                            ActivityKind.OPEN,
                            rs.getLong(1),
                            rs.getLong(2),
                            nullableLong(rs, 3),
                            instant(rs, 4),
                            rs.getString(5),
                            null,
                            null,
                            null)),
                    parents);
            query(
                    "verify/source-clicks",
                    "recipient_clicks",
                    rs -> events.add(new SourceEvent(
                            ActivityKind.CLICK,
                            rs.getLong(1),
                            rs.getLong(2),
                            nullableLong(rs, 3),
                            instant(rs, 4),
                            null,
                            rs.getString(5),
                            null,
                            null)),
                    parents);
            query(
                    "verify/source-bounces",
                    "recipient_bounces",
                    rs -> events.add(new SourceEvent(
                            ActivityKind.BOUNCE,
                            rs.getLong(1),
                            rs.getLong(2),
                            nullableLong(rs, 3),
                            instant(rs, 4),
                            null,
                            null,
                            rs.getString(5),
                            rs.getString(6))),
                    parents);
            query(
                    "verify/source-unsubscribes",
                    "recipient_unsubscribes",
                    rs -> events.add(new SourceEvent(
                            ActivityKind.UNSUBSCRIBE,
                            rs.getLong(1),
                            rs.getLong(2),
                            nullableLong(rs, 3),
                            instant(rs, 4),
                            null,
                            null,
                            null,
                            rs.getString(5))),
                    parents);
        }
        return new RecipientShardInput(scope.companyId(), lists, rows, fields, tags, events);
    }

    private void query(String sql, String table, Snapshot.RowHandler handler, Object... params)
            throws SQLException, InterruptedException {
        long[] rows = {0};
        source.query(
                SqlFiles.get(sql),
                rs -> {
                    handler.row(rs);
                    rows[0]++;
                },
                params);
        if (table != null) {
            count(table, rows[0]);
        }
    }

    private void count(String table, long rows) throws InterruptedException {
        read.merge(table, rows, Long::sum);
        for (long left = rows; left > 0; left -= 1_000) {
            pacer.acquire((int) Math.min(1_000, left));
        }
    }

    private static SourceList list(ResultSet rs) throws SQLException {
        return new SourceList(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
