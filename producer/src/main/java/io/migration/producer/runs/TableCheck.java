package io.migration.producer.runs;

import java.util.List;

/**
 * One target table of one company in a verify run, over its shards: the rows the source says it
 * must hold against the rows it holds, the shards whose order-independent checksums differ, the
 * differing rows by kind, and a bounded sample of their keys.
 */
public record TableCheck(
        String table,
        int shards,
        long expectedRows,
        long actualRows,
        int checksumMismatches,
        long missing,
        long unexpected,
        long changed,
        List<SampleKey> sample) {

    public TableCheck {
        sample = List.copyOf(sample);
    }

    /** A differing row's key and how it differs: {@code missing}, {@code unexpected} or {@code changed}. */
    public record SampleKey(String kind, String key) {}

    public boolean matches() {
        return expectedRows == actualRows && checksumMismatches == 0 && missing == 0 && unexpected == 0 && changed == 0;
    }

    /** e.g. {@code recipients: 1000 expected, 998 held, 2 missing, 1 changed, checksums differ in 1 of 4 shards}. */
    public String describe() {
        StringBuilder s = new StringBuilder(table)
                .append(": ")
                .append(expectedRows)
                .append(" expected, ")
                .append(actualRows)
                .append(" held");
        if (missing > 0) {
            s.append(", ").append(missing).append(" missing");
        }
        if (unexpected > 0) {
            s.append(", ").append(unexpected).append(" unexpected");
        }
        if (changed > 0) {
            s.append(", ").append(changed).append(" changed");
        }
        if (checksumMismatches > 0) {
            s.append(", checksums differ in ")
                    .append(checksumMismatches)
                    .append(" of ")
                    .append(shards)
                    .append(" shard(s)");
        }
        if (!sample.isEmpty()) {
            s.append(" (e.g. ")
                    .append(String.join(
                            ", ",
                            sample.stream().map(k -> k.kind() + " " + k.key()).toList()))
                    .append(')');
        }
        return s.toString();
    }
}
