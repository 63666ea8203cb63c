package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The application's ids: sequence {@code app_ids} in the source, above every id of the ten legacy tables. */
final class AppIds {

    private AppIds() {}

    /** Creates the sequence when it is missing and moves it above the tables' greatest id. */
    static void prepare(Handle h) {
        h.execute(SqlFiles.get("traffic/create-ids"));
        h.createQuery(SqlFiles.get("traffic/raise-ids")).mapTo(Long.class).findOne();
    }

    /** {@code count} new ids (a sequence is outside transactions: a rollback leaves a gap, as in production). */
    static long[] next(Handle h, int count) {
        List<Long> ids = h.createQuery(SqlFiles.get("traffic/next-ids"))
                .bind("count", count)
                .mapTo(Long.class)
                .list();
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
