package io.migration.common.transform;

import java.util.Comparator;
import java.util.UUID;

/** A list_recipients row that passed R3/R1/R4, with what those checks computed. */
record AcceptedRow(SourceListRecipient row, String email, String status, UUID recipientId) {

    /** Latest = greatest (updated_at, id); ids are unique, so there are no ties. */
    static final Comparator<AcceptedRow> BY_RECENCY =
            Comparator.comparing((AcceptedRow a) -> a.row().updatedAt()).thenComparingLong(a -> a.row().id());
}
