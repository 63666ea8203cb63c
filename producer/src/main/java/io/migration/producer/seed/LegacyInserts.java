package io.migration.producer.seed;

import io.migration.common.db.SqlFiles;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The monolith's inserts into its legacy tables for one company, inside the caller's transaction:
 * new list_recipients rows with their children, lists, suppressions and events.
 */
final class LegacyInserts {

    private final Handle h;
    private final CompanyPool pool;
    private final TrafficValues v;
    private final Rng rng;

    LegacyInserts(Handle h, CompanyPool pool, TrafficValues v) {
        this.h = h;
        this.pool = pool;
        this.v = v;
        this.rng = v.rng();
    }

    /**
     * A new list_recipients row with fields, tags, opens, clicks and now and then a bounce or an
     * unsubscribe. One in ten is a person the company has on another list already (same email).
     */
    void recipient() {
        int fields = v.children(3);
        int tags = v.children(2);
        int opens = v.children(3);
        int clicks = v.children(2);
        int bounces = rng.chance(0.05) ? 1 : 0;
        int unsubscribes = rng.chance(0.03) ? 1 : 0;
        long[] ids = AppIds.next(h, 2 + fields + tags + opens + clicks + bounces + unsubscribes);
        int next = 0;
        long id = ids[next++];
        long list = pool.anyList(rng);
        if (list < 0) {
            list = newList(ids[next++]);
        } else {
            next++;
        }
        String email = null;
        long known = rng.chance(0.1) ? pool.anyRow(rng) : -1;
        if (known >= 0) {
            email = h.createQuery(SqlFiles.get("traffic/email-of"))
                    .bind("id", known)
                    .bind("company", pool.companyId())
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
        }
        h.createUpdate(SqlFiles.get("traffic/insert-list-recipient"))
                .bind("id", id)
                .bind("company", pool.companyId())
                .bind("list", list)
                .bind("email", email != null ? email : v.newEmail(id))
                .bind("first", v.firstName())
                .bind("last", v.lastName())
                .bind("phone", v.phone())
                .bind("status", v.status())
                .bind("source", v.source())
                .execute();
        pool.addRow(rng, id);
        for (int i = 0; i < fields; i++) {
            field(ids[next++], id);
        }
        for (int i = 0; i < tags; i++) {
            tag(ids[next++], id);
        }
        for (int i = 0; i < opens; i++) {
            open(ids[next++], id);
        }
        for (int i = 0; i < clicks; i++) {
            click(ids[next++], id);
        }
        for (int i = 0; i < bounces; i++) {
            bounce(ids[next++], id);
        }
        for (int i = 0; i < unsubscribes; i++) {
            unsubscribe(ids[next++], id);
        }
    }

    /** A new list of the company; returns its id. */
    long newList() {
        return newList(AppIds.next(h, 1)[0]);
    }

    /** A new list, and a few of the company's rows moved to it. */
    void moveToNewList() {
        long list = newList();
        List<Long> rows = pool.someRows(rng, 1 + rng.nextInt(5));
        h.createUpdate(SqlFiles.get("traffic/move-to-list"))
                .bind("list", list)
                .bind("ids", rows.toArray(new Long[0]))
                .bind("company", pool.companyId())
                .execute();
    }

    /** A suppression: of a known row's email (often spelled otherwise), or of a new address. */
    void suppression() {
        long id = AppIds.next(h, 1)[0];
        long row = rng.chance(0.7) ? pool.anyRow(rng) : -1;
        String email = row < 0
                ? null
                : h.createQuery(SqlFiles.get("traffic/email-of"))
                        .bind("id", row)
                        .bind("company", pool.companyId())
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null);
        if (email != null && rng.chance(0.5)) {
            email = v.respelled(email);
        }
        if (email == null) {
            email = v.newEmail(id);
        }
        // suppressions.email is NOT NULL: an address the application could not parse is kept as typed.
        h.createUpdate(SqlFiles.get("traffic/insert-suppression"))
                .bind("id", id)
                .bind("company", pool.companyId())
                .bind("email", email == null ? "unknown" + id : email)
                .bind("reason", v.suppressionReason())
                .execute();
    }

    /** One event of a known row: an open, a click, a bounce or an unsubscribe. */
    void activity(long parent) {
        long id = AppIds.next(h, 1)[0];
        double u = rng.nextDouble();
        if (u < 0.6) {
            open(id, parent);
        } else if (u < 0.85) {
            click(id, parent);
        } else if (u < 0.95) {
            bounce(id, parent);
        } else {
            unsubscribe(id, parent);
        }
    }

    void field(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-field"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("name", nonNull(v.fieldName()))
                .bind("value", v.fieldValue())
                .execute();
    }

    void tag(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-tag"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("tag", nonNull(v.tag()))
                .execute();
    }

    private long newList(long id) {
        h.createUpdate(SqlFiles.get("traffic/insert-list"))
                .bind("id", id)
                .bind("company", pool.companyId())
                .bind("name", v.listName(id))
                .execute();
        pool.addList(id);
        return id;
    }

    private void open(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-open"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("campaign", v.campaignId())
                .bind("userAgent", v.userAgent())
                .execute();
    }

    private void click(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-click"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("campaign", v.campaignId())
                .bind("url", v.url())
                .execute();
    }

    private void bounce(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-bounce"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("campaign", v.campaignId())
                .bind("kind", v.bounceKind())
                .bind("reason", v.reason())
                .execute();
    }

    private void unsubscribe(long id, long parent) {
        h.createUpdate(SqlFiles.get("traffic/insert-unsubscribe"))
                .bind("id", id)
                .bind("parent", parent)
                .bind("campaign", v.campaignId())
                .bind("reason", v.reason())
                .execute();
    }

    /** Field names and tags are NOT NULL in the legacy schema: a blank one is an empty string there. */
    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
