package io.migration.common.transform;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One unit of recipient work: some {@code list_recipients} rows of one company and their children.
 *
 * <p>Contract: all rows sharing a normalized email are in the same input (so the merge of R5 is
 * complete), and {@code listsById} holds every existing list the rows refer to, whatever its
 * company or deletion; a list id missing from it does not exist.
 */
public record RecipientShardInput(
        long companyId,
        Map<Long, SourceList> listsById,
        Collection<SourceListRecipient> rows,
        Collection<SourceField> fields,
        Collection<SourceTag> tags,
        Collection<SourceEvent> events) {

    public RecipientShardInput {
        listsById = Map.copyOf(listsById);
        rows = List.copyOf(rows);
        fields = List.copyOf(fields);
        tags = List.copyOf(tags);
        events = List.copyOf(events);
    }
}
