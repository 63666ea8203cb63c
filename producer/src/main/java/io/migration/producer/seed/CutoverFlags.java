package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The application's side of the switch: table {@code app_cutover_flags} in the source database, one
 * row per company, which the reference hooks (scripts/hooks/) set and every write of the traffic reads
 * first. No row means neither frozen nor switched.
 */
public final class CutoverFlags {

    /** A company's flag. */
    public record Flag(boolean frozen, boolean switched) {
        public static final Flag LEGACY = new Flag(false, false);
    }

    private final Jdbi source;

    public CutoverFlags(Jdbi source) {
        this.source = source;
    }

    /** Creates the flag table when it is missing. */
    public void create() {
        source.useHandle(h -> h.execute(SqlFiles.get("traffic/create-flags")));
    }

    public Flag read(long companyId) {
        return source.withHandle(h -> read(h, companyId));
    }

    /** Sets a company's flag as the hooks do (tests and demos use this instead of a script). */
    public void set(long companyId, Flag flag) {
        source.useHandle(h -> h.createUpdate(SqlFiles.get("traffic/set-flag"))
                .bind("company", companyId)
                .bind("frozen", flag.frozen())
                .bind("switched", flag.switched())
                .execute());
    }

    /** Reads the flag inside the caller's transaction, without a lock. */
    static Flag read(Handle h, long companyId) {
        Optional<Flag> flag = h.createQuery(SqlFiles.get("traffic/read-flag"))
                .bind("company", companyId)
                .map((rs, ctx) -> new Flag(rs.getBoolean("frozen"), rs.getBoolean("switched")))
                .findOne();
        return flag.orElse(Flag.LEGACY);
    }
}
