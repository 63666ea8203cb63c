package io.migration.producer.cutover;

import io.migration.common.db.SqlFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A company's target rows by key as hashes (md5 of the key and of the row's text: no email or name
 * is kept), recorded at the switch so that a rollback can count what the new service inserted,
 * changed and deleted since.
 */
final class TargetImage {

    /** Each target table and the text of its key (fragments of this code, filled into the SQL). */
    static final Map<String, String> KEYS = keys();

    private TargetImage() {}

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("lists", "t.id::text");
        keys.put("recipients", "t.id::text");
        keys.put("recipient_lists", "t.recipient_id::text || ':' || t.list_id");
        keys.put("recipient_attributes", "t.recipient_id::text || ':' || t.name");
        keys.put("recipient_tags", "t.recipient_id::text || ':' || t.tag");
        keys.put("recipient_activity", "t.id::text");
        keys.put("suppressions", "t.email");
        return keys;
    }

    /** In the caller's transaction (its snapshot: the target as it was before the switch hook). */
    static void record(Handle h, String runId, long companyId) {
        KEYS.forEach((table, key) -> h.createUpdate(SqlFiles.fill("cutover/record-image", parts(table, key)))
                .bind("runId", runId)
                .bind("companyId", companyId)
                .execute());
    }

    /** Per table: {@code [inserted, changed, deleted]} since the image. */
    static Map<String, long[]> diff(Handle h, String runId, long companyId) {
        Map<String, long[]> out = new LinkedHashMap<>();
        KEYS.forEach((table, key) -> out.put(
                table,
                h.createQuery(SqlFiles.fill("cutover/image-diff", parts(table, key)))
                        .bind("runId", runId)
                        .bind("companyId", companyId)
                        .map((rs, ctx) ->
                                new long[] {rs.getLong("inserted"), rs.getLong("changed"), rs.getLong("deleted")})
                        .one()));
        return out;
    }

    private static Map<String, String> parts(String table, String key) {
        return Map.of("table", table, "key", key);
    }
}
