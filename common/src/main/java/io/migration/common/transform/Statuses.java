package io.migration.common.transform;

import java.util.Set;

/** Rule R4: the four statuses a membership may have. */
public final class Statuses {

    private static final Set<String> VALID = Set.of("subscribed", "unsubscribed", "bounced", "pending");

    private Statuses() {
    }

    /** lower(trim(status)) when it is one of the four valid statuses, else null (invalid). */
    public static String normalize(String status) {
        String normalized = Text.lower(Text.trim(status));
        return normalized != null && VALID.contains(normalized) ? normalized : null;
    }
}
