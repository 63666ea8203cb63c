package io.migration.producer.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * A company's outcome in a verify run: VERIFIED when every one of its verify tasks succeeded and
 * recorded results, and every target table holds what the source says (same counts, same
 * checksums, nothing missing, unexpected or changed); NOT VERIFIED otherwise, with every reason.
 */
public record Verification(long companyId, boolean verified, List<String> reasons, List<TableCheck> tables) {

    public Verification {
        reasons = List.copyOf(reasons);
        tables = List.copyOf(tables);
    }

    public String label() {
        return verified ? "VERIFIED" : "NOT VERIFIED";
    }

    public static Verification judge(CompanyFigures tasks, int tasksWithoutResults, List<TableCheck> tables) {
        List<String> reasons = new ArrayList<>();
        if (tasks.failed() > 0) {
            reasons.add(tasks.failed() + " of " + tasks.tasks() + " verify task(s) dead-lettered or failed"
                    + (tasks.firstError() == null
                            ? ""
                            : " (" + tasks.firstError().replaceAll("\\s+", " ") + ")"));
        }
        if (tasks.unfinished() > 0) {
            reasons.add("incomplete: " + tasks.unfinished() + " of " + tasks.tasks() + " verify task(s) not finished");
        }
        if (tasksWithoutResults > 0) {
            reasons.add(tasksWithoutResults + " succeeded verify task(s) recorded no result");
        }
        if (tasks.finished() && tables.isEmpty()) {
            reasons.add("no verify result recorded");
        }
        tables.stream().filter(t -> !t.matches()).forEach(t -> reasons.add(t.describe()));
        return new Verification(tasks.companyId(), reasons.isEmpty(), reasons, tables);
    }
}
