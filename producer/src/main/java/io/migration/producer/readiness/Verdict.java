package io.migration.producer.readiness;

import java.util.List;

/** A company's readiness after a dry run: PASS, or FAIL with every reason. */
public record Verdict(boolean passed, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public String label() {
        return passed ? "PASS" : "FAIL";
    }
}
