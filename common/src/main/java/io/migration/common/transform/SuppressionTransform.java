package io.migration.common.transform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rule R11: one suppression per company and normalized email. */
public final class SuppressionTransform {

    /** Earliest = least (created_at, id). */
    private static final Comparator<SourceSuppression> EARLIEST =
            Comparator.comparing(SourceSuppression::createdAt).thenComparingLong(SourceSuppression::id);

    private SuppressionTransform() {}

    /**
     * Rows with an invalid email are rejected {@code invalid_email}; the others are merged per
     * normalized email, taking created_at and reason from the earliest row. The reason is kept
     * exactly as stored (not trimmed): R11 says "from the earliest row" and, unlike R6's source,
     * names no normalization for it. Rows of a duplicate email that lose to the earliest one still
     * contribute (they are merged into it), so they are not rejects.
     *
     * @throws IllegalArgumentException when a row belongs to another company (caller bug)
     */
    public static SuppressionResult transform(long companyId, Collection<SourceSuppression> rows) {
        Map<String, SourceSuppression> earliestByEmail = new TreeMap<>();
        List<Reject> rejects = new ArrayList<>();
        for (SourceSuppression row : rows) {
            Guards.sameCompany(companyId, row.companyId(), SourceTables.SUPPRESSIONS, row.id());
            String email = Emails.normalize(row.email());
            if (!Emails.isValid(email)) {
                rejects.add(new Reject(companyId, SourceTables.SUPPRESSIONS, row.id(), RejectReason.INVALID_EMAIL));
                continue;
            }
            earliestByEmail.merge(email, row, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
        List<Suppression> suppressions = new ArrayList<>(earliestByEmail.size());
        earliestByEmail.forEach(
                (email, row) -> suppressions.add(new Suppression(companyId, email, row.reason(), row.createdAt())));
        rejects.sort(Reject.ORDER);
        return new SuppressionResult(suppressions, rejects);
    }
}
