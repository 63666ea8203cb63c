package io.migration.common.ledger;

import io.migration.common.message.RunMode;
import java.util.List;

/**
 * A run as `producer enqueue` records it. {@code selectionIds}: the selected company ids, null for
 * every company (a repeated enqueue is compared with them); {@code fleet}: the FLEET_NAME it is
 * published to.
 */
public record NewRun(
        String runId, RunMode mode, String selection, List<Long> selectionIds, int shardRows, String fleet) {

    public NewRun {
        selectionIds = selectionIds == null ? null : List.copyOf(selectionIds);
    }
}
