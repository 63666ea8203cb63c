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
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTables;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.SuppressionTransform;
import io.migration.worker.pace.Pacer;
import io.migration.worker.source.SourceSnapshot;
import io.migration.worker.write.ShardWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task's groups from one source snapshot, applies the rules and replaces the groups' rows and
 * rejects. A recipients or suppressions range is emptied once, then read, transformed and written
 * in {@code parts} consecutive bucket ranges: only one part's rows are in memory at a time, so the
 * worker's heap is bounded by its own setting whatever shard a message names.
 */
final class ShardApplication {

    private final ShardWriter writer;
    private final Connection conn;
    private final TaskMessage task;
    private final Pacer pacer;
    private final int parts;
    private final ShardOutcome outcome = new ShardOutcome();

    ShardApplication(ShardWriter writer, Connection conn, TaskMessage task, Pacer pacer, int parts) {
        this.writer = writer;
        this.conn = conn;
        this.task = task;
        this.pacer = pacer;
        this.parts = parts;
    }

    ShardOutcome apply(SourceSnapshot source) throws SQLException, InterruptedException {
        long company = task.companyId();
        TaskGroup group = task.group();
        boolean whole = group == TaskGroup.COMPANY;
        int lo = whole ? 0 : task.bucketLo();
        int hi = whole ? Buckets.COUNT - 1 : task.bucketHi();
        List<SourceList> lists = null;
        if (group == TaskGroup.LISTS || whole) {
            lists = source.lists(company, true);
            ListResult result = ListTransform.transform(company, lists);
            outcome.written("lists", writer.replaceLists(conn, company, result));
            outcome.contributed(SourceTables.LISTS, result.lists().size());
            writer.deleteRejects(conn, company, TaskGroup.LISTS, 0, Buckets.COUNT - 1);
            rejects(TaskGroup.LISTS, buffer(result.rejects(), Map.of()));
        }
        if (group == TaskGroup.RECIPIENTS || whole) {
            List<SourceList> reference = lists != null ? lists : source.lists(company, false);
            writer.deleteRecipients(conn, company, lo, hi);
            writer.deleteRejects(conn, company, TaskGroup.RECIPIENTS, lo, hi);
            for (int[] part : split(lo, hi)) {
                RecipientShard shard = source.recipients(company, reference, part[0], part[1]);
                writer.copyRecipients(conn, shard, pacer).forEach(outcome::written);
                shard.contributedByTable().forEach(outcome::contributed);
                rejects(TaskGroup.RECIPIENTS, shard.rejects());
            }
        }
        if (group == TaskGroup.SUPPRESSIONS || whole) {
            writer.deleteSuppressions(conn, company, lo, hi);
            writer.deleteRejects(conn, company, TaskGroup.SUPPRESSIONS, lo, hi);
            for (int[] part : split(lo, hi)) {
                suppressions(source.suppressions(company, part[0], part[1]));
            }
        }
        return outcome;
    }

    private void suppressions(List<SourceSuppression> rows) throws SQLException, InterruptedException {
        SuppressionResult result = SuppressionTransform.transform(task.companyId(), rows);
        outcome.written("suppressions", writer.copySuppressions(conn, result, pacer));
        outcome.contributed(
                SourceTables.SUPPRESSIONS, rows.size() - result.rejects().size());
        rejects(TaskGroup.SUPPRESSIONS, buffer(result.rejects(), rejectedEmails(rows, result.rejects())));
    }

    private void rejects(TaskGroup group, RejectBuffer rejects) throws SQLException, InterruptedException {
        writer.copyRejects(conn, task.runId(), task.companyId(), group, rejects, pacer);
        outcome.rejected(rejects);
    }

    /** {@code [lo, hi]} in {@code parts} contiguous ranges (fewer when it has fewer buckets). */
    private List<int[]> split(int lo, int hi) {
        int n = Math.min(parts, hi - lo + 1);
        List<int[]> ranges = new ArrayList<>(n);
        long width = hi - lo + 1L;
        for (int i = 0; i < n; i++) {
            ranges.add(new int[] {lo + (int) (width * i / n), lo + (int) (width * (i + 1) / n) - 1});
        }
        return ranges;
    }

    /** The rejects of a small table, each filed under the bucket of its row's email (none: bucket 0). */
    private static RejectBuffer buffer(List<Reject> rejects, Map<Long, String> emails) {
        RejectBuffer buffer = new RejectBuffer();
        for (Reject r : rejects) {
            int bucket = Buckets.of(Emails.normalize(emails.get(r.sourceId())));
            buffer.add(r.sourceTable(), r.sourceId(), r.reason(), bucket);
        }
        return buffer;
    }

    private static Map<Long, String> rejectedEmails(List<SourceSuppression> rows, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return Map.of();
        }
        Set<Long> ids = new HashSet<>();
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
