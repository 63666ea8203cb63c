package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The monolith's edits and deletes of one company's legacy rows, inside the caller's transaction.
 * A row another writer deleted meanwhile is simply not changed.
 */
final class LegacyEdits {

    private final Handle h;
    private final CompanyPool pool;
    private final TrafficValues v;
    private final Rng rng;

    LegacyEdits(Handle h, CompanyPool pool, TrafficValues v) {
        this.h = h;
        this.pool = pool;
        this.v = v;
        this.rng = v.rng();
    }

    void names(long row) {
        h.createUpdate(SqlFiles.get("traffic/update-names"))
                .bind("id", row)
                .bind("company", pool.companyId())
                .bind("first", v.firstName())
                .bind("last", v.lastName())
                .execute();
    }

    /** A new status, often in odd case or padding, now and then not valid at all. */
    void status(long row) {
        h.createUpdate(SqlFiles.get("traffic/update-status"))
                .bind("id", row)
                .bind("company", pool.companyId())
                .bind("status", v.oddStatus())
                .execute();
    }

    /** A new address for the row (a new person, or an invalid one now and then). */
    void newEmail(long row) {
        setEmail(row, v.newEmail(AppIds.next(h, 1)[0]));
    }

    /**
     * The row takes the email of another row of the company, often spelled otherwise: two recipients
     * become one, across their lists.
     */
    void mergeInto(long row, long other) {
        Optional<String> email = emailOf(other);
        if (email.isPresent() && other != row) {
            setEmail(row, rng.chance(0.5) ? v.respelled(email.get()) : email.get());
        }
    }

    /** The same address in another case (the same recipient after normalization). */
    void emailCase(long row) {
        emailOf(row).ifPresent(email -> setEmail(row, v.respelled(email)));
    }

    /** Deletes the row and leaves its fields, tags and events behind, as the monolith does. */
    void delete(long row) {
        h.createUpdate(SqlFiles.get("traffic/delete-list-recipient"))
                .bind("id", row)
                .bind("company", pool.companyId())
                .execute();
        pool.removeRow(row);
    }

    /** Soft-deletes one of the company's lists (keeping at least one): its rows become deleted_list rejects. */
    void deleteList() {
        long list = pool.takeListToDelete(rng);
        if (list >= 0) {
            h.createUpdate(SqlFiles.get("traffic/soft-delete-list"))
                    .bind("id", list)
                    .bind("company", pool.companyId())
                    .execute();
        }
    }

    /** Changes a field of the row (its value, sometimes its name's spelling), or adds one when it has none. */
    void field(long row, LegacyInserts inserts) {
        String name = rng.chance(0.2) ? v.fieldName() : null;
        int changed = h.createUpdate(SqlFiles.get("traffic/update-field"))
                .bind("parent", row)
                .bind("value", v.fieldValue())
                .bind("name", name)
                .execute();
        if (changed == 0) {
            inserts.field(AppIds.next(h, 1)[0], row);
        }
    }

    void deleteField(long row) {
        h.createUpdate(SqlFiles.get("traffic/delete-field")).bind("parent", row).execute();
    }

    /** Renames a tag of the row, or adds one when it has none. */
    void tag(long row, LegacyInserts inserts) {
        String tag = v.tag();
        int changed = h.createUpdate(SqlFiles.get("traffic/update-tag"))
                .bind("parent", row)
                .bind("tag", tag == null ? "" : tag)
                .execute();
        if (changed == 0) {
            inserts.tag(AppIds.next(h, 1)[0], row);
        }
    }

    void deleteTag(long row) {
        h.createUpdate(SqlFiles.get("traffic/delete-tag")).bind("parent", row).execute();
    }

    private Optional<String> emailOf(long row) {
        return h.createQuery(SqlFiles.get("traffic/email-of"))
                .bind("id", row)
                .bind("company", pool.companyId())
                .mapTo(String.class)
                .findOne();
    }

    private void setEmail(long row, String email) {
        h.createUpdate(SqlFiles.get("traffic/update-email"))
                .bind("id", row)
                .bind("company", pool.companyId())
                .bind("email", email)
                .execute();
    }
}
