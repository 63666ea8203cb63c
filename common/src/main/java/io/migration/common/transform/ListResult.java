package io.migration.common.transform;

import java.util.List;

/** What {@link ListTransform} makes of a company's lists; both lists sorted by source id. */
public record ListResult(List<TargetList> lists, List<Reject> rejects) {

    public ListResult {
        lists = List.copyOf(lists);
        rejects = List.copyOf(rejects);
    }
}
