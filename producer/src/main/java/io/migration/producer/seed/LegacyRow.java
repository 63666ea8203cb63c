package io.migration.producer.seed;

import java.util.Locale;

/**
 * The row being generated and the facts its columns read: one per table load (one thread), reused
 * from row to row so that tens of millions of rows allocate nothing of their own. {@link Rows}
 * positions it; a table's facts ({@link #recipient}, {@link #list}, …) fill in the rest.
 */
final class LegacyRow {

    static final long SECOND = 1_000_000L;
    static final long DAY = 86_400L * SECOND;
    /** 2016-01-01T00:00:00Z. */
    static final long BASE = 1_451_606_400L * SECOND;

    static final long SPAN = 8 * 365 * DAY;
    /** 2024-03-01T00:00:00Z: bulk updates ("batch imports") happen after every created_at. */
    private static final long BATCH_BASE = 1_709_251_200L * SECOND;

    // Streams of lookups that do not belong to one table's rows (never renumber them).
    private static final long S_ROW_BASE = 4;
    private static final long S_ROW_TIME = 5;
    private static final long S_PERSON = 6;
    private static final long S_BATCH = 14;

    private static final double SAME_LIST_TWICE = 0.02;
    private static final double MISSING_LIST = 0.015;
    private static final double FOREIGN_LIST = 0.015;
    private static final double DELETED_LIST = 0.08;
    private static final double ORPHAN_CHILD = 0.01;
    private static final double BATCH_UPDATED = 0.10;

    private static final String[] FIRST = WordPools.pool("first");
    private static final String[] FIRST_NON_ASCII = WordPools.pool("first-non-ascii");
    private static final String[] LAST = WordPools.pool("last");
    private static final String[] LAST_NON_ASCII = WordPools.pool("last-non-ascii");
    private static final String[] DOMAINS = WordPools.pool("domains");
    private static final String[] DOMAINS_NON_ASCII = WordPools.pool("domains-non-ascii");

    /** A person, the same in every company: p-th person of a company is "the same human" everywhere. */
    record Person(String first, String last, String email, String phone) {}

    final SeedPlan plan;
    private final long seed;
    /** The row's own stream: its values draw from it, in column order. */
    final Rng rng = new Rng();

    private final Rng aux = new Rng();
    private final Rng time = new Rng();

    long id;
    int company;
    /** The row's place among its company's rows (lists, list_recipients) or its parent's children. */
    int index;
    /** A child's list_recipients row. */
    long parent;
    /** The row's created_at, or its parent's for a child (its events happen after it). */
    long createdAt;

    // list_recipients and suppressions: whose row it is; again: the same person and list as the row before.
    Person person;
    boolean again;
    long listId;
    long updatedAt;
    long previousPerson;
    // lists
    boolean deleted;
    // list_recipient_fields and recipient_tags: the value, and the clean one before it under the same parent.
    String label;
    String previous;

    LegacyRow(SeedPlan plan) {
        this.plan = plan;
        this.seed = plan.seed();
    }

    /** Positions the row on {@code stream} at {@code key}. */
    void at(long stream, long key, long id, int company) {
        rng.reset(seed, stream, key);
        this.id = id;
        this.company = company;
    }

    Person person(long p) {
        aux.reset(seed, S_PERSON, p);
        boolean nonAscii = aux.chance(0.03);
        String first = nonAscii ? aux.pick(FIRST_NON_ASCII) : aux.pick(FIRST);
        String last = nonAscii ? aux.pick(LAST_NON_ASCII) : aux.pick(LAST);
        String domain = nonAscii && aux.chance(0.5) ? aux.pick(DOMAINS_NON_ASCII) : aux.pick(DOMAINS);
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '_') + p;
        String phone = aux.chance(0.6) ? "+1 555 " + (1_000_000 + aux.nextInt(9_000_000)) : null;
        return new Person(first, last, local + "@" + domain, phone);
    }

    /** created_at of list_recipients row {@code id}. */
    long recipientCreatedAt(long recipient) {
        time.reset(seed, S_ROW_TIME, recipient);
        return BASE + time.nextLong(SPAN / SECOND) * SECOND + time.nextInt(1000) * 1000L;
    }

    /** A time up to 500 days after the row's (parent's) created_at. */
    long eventTime() {
        return createdAt + rng.nextLong(500 * DAY / SECOND) * SECOND;
    }

    /** A child's list_recipient_id: its parent, or (rarely) a row that does not exist. */
    long parentId() {
        return rng.chance(ORPHAN_CHILD) ? plan.rows() + 1 + rng.nextLong(1_000_000) : parent;
    }

    /** A list: when it was made, and whether (never the company's first) it was soft-deleted. */
    void list() {
        createdAt = BASE + rng.nextLong(SPAN / 2);
        deleted = index > 0 && rng.chance(DELETED_LIST);
    }

    /**
     * A list_recipients row: its person (a few popular ones on many lists), its list (now and then
     * missing, another company's, or the same as the row before, with the same person), its times
     * (a tenth touched by a batch import after every created_at).
     */
    void recipient() {
        again = index > 0 && rng.chance(SAME_LIST_TWICE);
        long people = plan.people(company);
        Rng base = aux.reset(seed, S_ROW_BASE, again ? id - 1 : id);
        long p = base.chance(0.05) ? base.nextLong(Math.max(1, people / 50)) : base.nextLong(people);
        listId = plan.listStart(company) + base.nextInt(plan.listCount(company));
        double u = rng.nextDouble();
        int companies = plan.companies();
        if (u < MISSING_LIST) {
            listId = plan.totalLists() + 1 + rng.nextInt(100_000);
        } else if (u < MISSING_LIST + FOREIGN_LIST && companies > 1) {
            int other = 1 + (company + rng.nextInt(companies - 1)) % companies;
            listId = plan.listStart(other) + rng.nextInt(plan.listCount(other));
        }
        person = person(p);
        createdAt = recipientCreatedAt(id);
        double t = rng.nextDouble();
        if (t < BATCH_UPDATED) {
            updatedAt = BATCH_BASE
                    + aux.reset(seed, S_BATCH, company * 4L + rng.nextInt(3)).nextLong(90) * DAY;
        } else if (t < BATCH_UPDATED + 0.04) {
            updatedAt = createdAt;
        } else {
            updatedAt = createdAt + rng.nextLong(400 * DAY / SECOND) * SECOND;
        }
    }

    /** A suppression: a person of the company, sometimes the same as the row before (R11 keeps the earliest). */
    void suppression() {
        again = previousPerson >= 0 && rng.chance(0.1);
        long p = again ? previousPerson : rng.nextLong(plan.people(company));
        previousPerson = p;
        person = person(p);
    }

    /**
     * A field name or tag from {@code pool}: mostly clean, now and then blank, in odd case or padded,
     * and sometimes the one before again under the same parent, spelled differently (R6, R7 keep one).
     */
    void label(String[] pool, double again, double blank, double oddCase, double padded, boolean padAgain) {
        if (previous != null && rng.chance(again)) {
            if (padAgain) {
                label = rng.chance(0.5) ? DirtyValues.caseVariant(rng, previous) : DirtyValues.pad(rng, previous);
            } else {
                label = DirtyValues.caseVariant(rng, previous);
                if (rng.chance(0.2)) {
                    label = DirtyValues.pad(rng, label);
                }
            }
            return;
        }
        String clean = rng.pick(pool);
        double u = rng.nextDouble();
        label = u < blank
                ? rng.pick(DirtyValues.BLANKS)
                : u < oddCase ? DirtyValues.caseVariant(rng, clean) : u < padded ? DirtyValues.pad(rng, clean) : clean;
        previous = clean;
    }
}
