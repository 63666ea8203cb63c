package io.migration.common.transform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rules R3–R10 for one shard of a company's list_recipients rows and their children. Pure: the
 * result depends only on the input's content, not on its order, so retries and re-runs agree.
 */
public final class RecipientTransform {

    private static final Comparator<Membership> MEMBERSHIP_ORDER =
            Comparator.comparing(Membership::recipientId).thenComparingLong(Membership::listId);

    private RecipientTransform() {
    }

    public static RecipientShardResult transform(RecipientShardInput in) {
        List<Reject> rejects = new ArrayList<>();
        RowChecks checks = new RowChecks(in.companyId(), in.listsById(), in.rows(), rejects);

        // TreeMap by email: recipients come out sorted by their unique key within the company.
        Map<String, List<AcceptedRow>> byEmail = new TreeMap<>();
        for (AcceptedRow row : checks.accepted()) {
            byEmail.computeIfAbsent(row.email(), e -> new ArrayList<>()).add(row);
        }
        List<Recipient> recipients = new ArrayList<>(byEmail.size());
        List<Membership> memberships = new ArrayList<>();
        for (List<AcceptedRow> rows : byEmail.values()) {
            // Sorting latest first lets each R5/R6 "from the latest row" pick the first match.
            rows.sort(AcceptedRow.BY_RECENCY.reversed());
            recipients.add(recipient(in.companyId(), rows));
            Map<Long, List<AcceptedRow>> byList = new TreeMap<>();
            for (AcceptedRow row : rows) {
                byList.computeIfAbsent(row.row().listId(), id -> new ArrayList<>()).add(row);
            }
            byList.forEach((listId, listRows) -> memberships.add(membership(in.companyId(), listId, listRows)));
        }
        memberships.sort(MEMBERSHIP_ORDER);

        List<Attribute> attributes = ChildTransforms.attributes(in.fields(), checks, rejects);
        List<Tag> tags = ChildTransforms.tags(in.tags(), checks, rejects);
        List<Activity> activities = ChildTransforms.activities(in.events(), checks, rejects);
        rejects.sort(Reject.ORDER);
        return new RecipientShardResult(recipients, memberships, attributes, tags, activities, rejects);
    }

    /** R5; {@code latestFirst} is non-empty and sorted latest first. */
    private static Recipient recipient(long companyId, List<AcceptedRow> latestFirst) {
        AcceptedRow any = latestFirst.get(0);
        return new Recipient(
                any.recipientId(),
                companyId,
                any.email(),
                latestNonBlank(latestFirst, SourceListRecipient::firstName),
                latestNonBlank(latestFirst, SourceListRecipient::lastName),
                latestNonBlank(latestFirst, SourceListRecipient::phone),
                leastCreatedAt(latestFirst),
                greatestUpdatedAt(latestFirst));
    }

    /** R6; {@code latestFirst} holds one recipient's rows on one list, latest first. */
    private static Membership membership(long companyId, long listId, List<AcceptedRow> latestFirst) {
        AcceptedRow latest = latestFirst.get(0);
        return new Membership(
                latest.recipientId(),
                listId,
                companyId,
                latest.status(),
                Text.trimToNull(latest.row().source()),
                leastCreatedAt(latestFirst),
                greatestUpdatedAt(latestFirst));
    }

    /** Each column independently: the trimmed value of the latest row where it is not blank. */
    private static String latestNonBlank(List<AcceptedRow> latestFirst, Function<SourceListRecipient, String> column) {
        for (AcceptedRow row : latestFirst) {
            String value = column.apply(row.row());
            if (!Text.isBlank(value)) {
                return Text.trim(value);
            }
        }
        return null;
    }

    private static Instant leastCreatedAt(List<AcceptedRow> rows) {
        return rows.stream().map(r -> r.row().createdAt()).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant greatestUpdatedAt(List<AcceptedRow> rows) {
        return rows.stream().map(r -> r.row().updatedAt()).max(Comparator.naturalOrder()).orElseThrow();
    }
}
