package io.migration.producer.dlq;

import java.util.ArrayList;
import java.util.List;

/** CLI.md's filters: run, company, reason (null: any), and at most {@code limit} messages. */
public record DeadLetterFilter(String runId, Long companyId, String reason, int limit) {

    public boolean matches(DeadLetter d) {
        return (runId == null || runId.equals(d.runId()))
                && (companyId == null || companyId.equals(d.companyId()))
                && (reason == null || reason.equalsIgnoreCase(d.reason()));
    }

    /** For messages: "matching --run-id r1 --reason failed", or "" without filters. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (runId != null) {
            parts.add("--run-id " + runId);
        }
        if (companyId != null) {
            parts.add("--company " + companyId);
        }
        if (reason != null) {
            parts.add("--reason " + reason);
        }
        return parts.isEmpty() ? "" : " matching " + String.join(" ", parts);
    }
}
