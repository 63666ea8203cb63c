package io.migration.worker.pipeline;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.ListTransform;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.Reject;
import io.migration.common.transform.RejectBuffer;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTables;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.SuppressionTransform;
import io.migration.worker.resilience.Pacer;
import io.migration.worker.source.ShardReader.SourceShard;
import io.migration.worker.write.ShardWriter;
import io.migration.worker.write.ShardWriter.GroupRejects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the rules to what a task read and writes the result: each group's rows first, then all
 * its rejects in one COPY, each filed under its own group and bucket.
 */
final class ShardApplication {

    private final ShardWriter writer;
    private final Connection conn;
    private final TaskMessage task;
    private final Pacer pacer;
    private final ShardOutcome outcome = new ShardOutcome();
    private final List<GroupRejects> rejects = new ArrayList<>();

    ShardApplication(ShardWriter writer, Connection conn, TaskMessage task, Pacer pacer) {
        this.writer = writer;
        this.conn = conn;
        this.task = task;
        this.pacer = pacer;
    }

    ShardOutcome apply(SourceShard read) throws SQLException, InterruptedException {
        long company = task.companyId();
        boolean whole = task.group() == TaskGroup.COMPANY;
        int lo = whole ? 0 : task.bucketLo();
        int hi = whole ? Buckets.COUNT - 1 : task.bucketHi();
        if (read.lists() != null) {
            ListResult lists = ListTransform.transform(company, read.lists());
            outcome.written("lists", writer.replaceLists(conn, company, lists));
            outcome.contributed(SourceTables.LISTS, lists.lists().size());
            rejects.add(new GroupRejects(TaskGroup.LISTS, 0, Buckets.COUNT - 1, buffer(lists.rejects(), Map.of())));
        }
        if (read.recipients() != null) {
            RecipientShard shard = read.recipients();
            writer.replaceRecipients(conn, lo, hi, shard, pacer).forEach(outcome::written);
            shard.contributedByTable().forEach(outcome::contributed);
            rejects.add(new GroupRejects(TaskGroup.RECIPIENTS, lo, hi, shard.rejects()));
        }
        if (read.suppressions() != null) {
            SuppressionResult result = SuppressionTransform.transform(company, read.suppressions());
            outcome.written("suppressions", writer.replaceSuppressions(conn, company, lo, hi, result, pacer));
            outcome.contributed(SourceTables.SUPPRESSIONS, read.suppressions().size() - result.rejects().size());
            rejects.add(new GroupRejects(TaskGroup.SUPPRESSIONS, lo, hi,
                    buffer(result.rejects(), rejectedEmails(read.suppressions(), result.rejects()))));
        }
        writer.replaceRejects(conn, task.runId(), company, rejects, pacer);
        rejects.forEach(g -> outcome.rejected(g.rejects()));
        return outcome;
    }

    /** The rejects of a small table, each filed under the bucket of its row's email (none: bucket 0). */
    private static RejectBuffer buffer(List<Reject> rejects, Map<Long, String> emails) {
        RejectBuffer buffer = new RejectBuffer();
        for (Reject r : rejects) {
            buffer.add(r.sourceTable(), r.sourceId(), r.reason(), Buckets.of(Emails.normalize(emails.get(r.sourceId()))));
        }
        return buffer;
    }

    private static Map<Long, String> rejectedEmails(List<SourceSuppression> rows, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return Map.of();
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        rejects.forEach(r -> ids.add(r.sourceId()));
        Map<Long, String> emails = new HashMap<>();
        for (SourceSuppression s : rows) {
            if (ids.contains(s.id())) {
                emails.put(s.id(), s.email());
            }
        }
        return emails;
    }
}
