package io.migration.common.transform;

import java.util.List;

/** What {@link SuppressionTransform} makes of a company's suppressions, sorted by email / source id. */
public record SuppressionResult(List<Suppression> suppressions, List<Reject> rejects) {

    public SuppressionResult {
        suppressions = List.copyOf(suppressions);
        rejects = List.copyOf(rejects);
    }
}
