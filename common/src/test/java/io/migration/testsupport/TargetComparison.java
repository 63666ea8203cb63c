package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Compares the target with what the contract makes of the source ({@link ExpectedResults} vs
 * {@link ActualResults}), table by table, as multisets of canonical rows. A mismatch shows, per
 * table, the counts and the first {@value #SHOWN_ROWS} missing and unexpected rows, never the
 * whole table.
 */
public final class TargetComparison {

    public static final int SHOWN_ROWS = 20;

    private TargetComparison() {}

    /** One table's difference: rows expected but absent, rows present but not expected (multisets). */
    public record TableDiff(
            String table, int expectedRows, int actualRows, List<String> missing, List<String> unexpected) {

        public boolean matches() {
            return missing.isEmpty() && unexpected.isEmpty();
        }

        public String describe(int limit) {
            StringBuilder out = new StringBuilder();
            out.append('\n')
                    .append(table)
                    .append(": expected ")
                    .append(expectedRows)
                    .append(" rows, target has ")
                    .append(actualRows)
                    .append(" rows; ")
                    .append(missing.size())
                    .append(" missing, ")
                    .append(unexpected.size())
                    .append(" unexpected");
            section(out, "missing (expected, not in target)", missing, limit);
            section(out, "unexpected (in target, not expected)", unexpected, limit);
            return out.toString();
        }

        private static void section(StringBuilder out, String title, List<String> rows, int limit) {
            if (rows.isEmpty()) {
                return;
            }
            out.append("\n  ").append(title).append(':');
            rows.stream().limit(limit).forEach(r -> out.append("\n    - ").append(r));
            if (rows.size() > limit) {
                out.append("\n    ... and ").append(rows.size() - limit).append(" more");
            }
        }
    }

    /** The multiset difference of two row lists (each is sorted first; the inputs are not changed). */
    public static TableDiff diff(String table, List<String> expected, List<String> actual) {
        List<String> e = new ArrayList<>(expected);
        List<String> a = new ArrayList<>(actual);
        e.sort(null);
        a.sort(null);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < e.size() || j < a.size()) {
            int cmp = i == e.size() ? 1 : j == a.size() ? -1 : e.get(i).compareTo(a.get(j));
            if (cmp == 0) {
                i++;
                j++;
            } else if (cmp < 0) {
                missing.add(e.get(i++));
            } else {
                unexpected.add(a.get(j++));
            }
        }
        return new TableDiff(table, e.size(), a.size(), List.copyOf(missing), List.copyOf(unexpected));
    }

    /** Table-by-table differences, for every table named in {@code expected}. */
    public static List<TableDiff> compare(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<TableDiff> diffs = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            diffs.add(diff(entry.getKey(), entry.getValue(), actual.getOrDefault(entry.getKey(), List.of())));
        }
        return diffs;
    }

    /**
     * Source oracle vs target for these companies: every contract table, and the rejects recorded by
     * {@code runId} (or by all runs when null) vs the expected rejects.
     */
    public static List<TableDiff> compare(
            DatabaseSettings source, DatabaseSettings target, Collection<Long> companyIds, String runId) {
        return compare(ExpectedResults.compute(source, companyIds), ActualResults.read(target, companyIds, runId));
    }

    /** Fails (AssertJ, all tables reported together) unless the target holds exactly what the source makes. */
    public static void assertTargetMatchesSource(
            DatabaseSettings source, DatabaseSettings target, Collection<Long> companyIds, String runId) {
        assertMatches(compare(source, target, companyIds, runId));
    }

    public static void assertMatches(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertMatches(compare(expected, actual));
    }

    public static void assertMatches(List<TableDiff> diffs) {
        SoftAssertions softly = new SoftAssertions();
        for (TableDiff d : diffs) {
            softly.assertThat(d.matches())
                    .withFailMessage("%s", d.describe(SHOWN_ROWS))
                    .isTrue();
        }
        softly.assertAll();
    }
}
