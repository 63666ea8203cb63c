package io.migration.worker.source;

import io.migration.common.db.SqlFiles;
import java.util.HashMap;
import java.util.Map;

/**
 * The source's statements, from {@code source/*.sql}, with their {@code ${name}} parts filled in
 * ({@link SqlFiles#fill}). Shards are read with {@code COPY (...) TO STDOUT (FORMAT binary)}, which
 * takes no bind parameters: what is filled in is numbers this code formats and fragments of its own
 * SQL files. The bucket function lives once, in {@code source/bucket.sql}, as {@code ${bucket}}.
 */
final class SourceStatements {

    private static final String BUCKET = SqlFiles.get("source/bucket").strip();

    private SourceStatements() {}

    /** {@code file}'s statement with {@code ${bucket}} and the given parts filled in. */
    static String statement(String file, Map<String, String> parts) {
        Map<String, String> all = new HashMap<>(parts);
        all.put("bucket", BUCKET);
        return SqlFiles.fill(file, all);
    }

    /** The statement wrapped for a binary COPY out. */
    static String copyOut(String file, Map<String, String> parts) {
        return "COPY (" + statement(file, parts) + ") TO STDOUT (FORMAT binary)";
    }

    /** The bucket filter for {@code [lo, hi]}, or nothing when the range covers every bucket. */
    static String bucketFilter(int lo, int hi, int bucketCount) {
        if (lo == 0 && hi == bucketCount - 1) {
            return "";
        }
        return statement("source/bucket-filter", Map.of("lo", Integer.toString(lo), "hi", Integer.toString(hi)));
    }
}
