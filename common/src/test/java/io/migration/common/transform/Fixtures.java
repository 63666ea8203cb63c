package io.migration.common.transform;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small builders that keep the rule tests readable. */
final class Fixtures {

    static final long COMPANY = 42;
    static final long OTHER_COMPANY = 43;
    private static final Instant BASE = Instant.parse("2020-01-01T00:00:00Z");

    private Fixtures() {}

    /** An instant {@code n} minutes after a fixed base, so tests can say "t(3) is after t(2)". */
    static Instant t(int n) {
        return BASE.plusSeconds(60L * n);
    }

    static SourceList list(long id) {
        return new SourceList(id, COMPANY, "List " + id, t(0), null);
    }

    static SourceListRecipient row(long id, long listId, String email, Instant createdAt, Instant updatedAt) {
        return new SourceListRecipient(
                id, COMPANY, listId, email, null, null, null, "subscribed", null, createdAt, updatedAt);
    }

    static SourceListRecipient row(
            long id,
            long listId,
            String email,
            String first,
            String last,
            String phone,
            String status,
            String source,
            Instant createdAt,
            Instant updatedAt) {
        return new SourceListRecipient(
                id, COMPANY, listId, email, first, last, phone, status, source, createdAt, updatedAt);
    }

    static SourceEvent open(long id, long parent, String userAgent) {
        return new SourceEvent(ActivityKind.OPEN, id, parent, 7L, t(9), userAgent, null, null, null);
    }

    static Map<Long, SourceList> byId(Collection<SourceList> lists) {
        return lists.stream().collect(Collectors.toMap(SourceList::id, Function.identity()));
    }

    static RecipientShardInput input(
            List<SourceList> lists,
            List<SourceListRecipient> rows,
            List<SourceField> fields,
            List<SourceTag> tags,
            List<SourceEvent> events) {
        return new RecipientShardInput(COMPANY, byId(lists), rows, fields, tags, events);
    }

    static RecipientShardResult transform(
            List<SourceList> lists,
            List<SourceListRecipient> rows,
            List<SourceField> fields,
            List<SourceTag> tags,
            List<SourceEvent> events) {
        return RecipientTransform.transform(input(lists, rows, fields, tags, events));
    }

    static RecipientShardResult transformRows(List<SourceList> lists, SourceListRecipient... rows) {
        return transform(lists, List.of(rows), List.of(), List.of(), List.of());
    }

    static Reject reject(String table, long id, RejectReason reason) {
        return new Reject(COMPANY, table, id, reason);
    }
}
