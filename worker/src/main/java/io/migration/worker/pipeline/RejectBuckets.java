package io.migration.worker.pipeline;

import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import io.migration.common.transform.RecipientShardInput;
import io.migration.common.transform.Reject;
import io.migration.common.transform.SourceEvent;
import io.migration.common.transform.SourceField;
import io.migration.common.transform.SourceListRecipient;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SourceTables;
import io.migration.common.transform.SourceTag;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The email bucket of each rejected source row (a child's is its parent's), so that a later run
 * of the same buckets replaces exactly these rejects.
 */
final class RejectBuckets {

    private RejectBuckets() {
    }

    static ToIntFunction<Reject> forSuppressions(Collection<SourceSuppression> rows) {
        Map<Long, Integer> buckets = new HashMap<>();
        rows.forEach(s -> buckets.put(s.id(), Buckets.of(Emails.normalize(s.email()))));
        return r -> buckets.getOrDefault(r.sourceId(), 0);
    }

    static ToIntFunction<Reject> forRecipients(RecipientShardInput in) {
        Map<Long, Integer> rowBuckets = new HashMap<>();
        for (SourceListRecipient row : in.rows()) {
            rowBuckets.put(row.id(), Buckets.of(Emails.normalize(row.email())));
        }
        Map<String, Map<Long, Long>> parents = new HashMap<>();
        for (SourceField f : in.fields()) {
            parents.computeIfAbsent(SourceTables.FIELDS, k -> new HashMap<>()).put(f.id(), f.listRecipientId());
        }
        for (SourceTag t : in.tags()) {
            parents.computeIfAbsent(SourceTables.TAGS, k -> new HashMap<>()).put(t.id(), t.listRecipientId());
        }
        for (SourceEvent e : in.events()) {
            parents.computeIfAbsent(e.sourceTable(), k -> new HashMap<>()).put(e.id(), e.listRecipientId());
        }
        return r -> {
            if (SourceTables.LIST_RECIPIENTS.equals(r.sourceTable())) {
                return rowBuckets.getOrDefault(r.sourceId(), 0);
            }
            Long parent = parents.getOrDefault(r.sourceTable(), Map.of()).get(r.sourceId());
            return parent == null ? 0 : rowBuckets.getOrDefault(parent, 0);
        };
    }
}
