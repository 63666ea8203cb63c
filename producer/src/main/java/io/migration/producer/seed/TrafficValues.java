package io.migration.producer.seed;

import java.util.Locale;

/**
 * The values the monolith writes: mostly clean, with the dirt MIGRATION.md describes at a small rate
 * (invalid or padded emails in odd case, blank names, odd and invalid statuses, blank field names and
 * tags, NULL field values). One instance per thread: it draws from that thread's {@link Rng}.
 */
final class TrafficValues {

    /** Share of dirty values among the values of each kind. */
    static final double DIRT = 0.04;

    private static final String[] FIRST = WordPools.pool("traffic.first");
    private static final String[] LAST = WordPools.pool("traffic.last");
    private static final String[] BLANKS = WordPools.pool("traffic.blanks");
    private static final String[] DOMAINS = WordPools.pool("traffic.domains");
    /** Invalid under R1 whatever the number put in. */
    private static final String[] INVALID_EMAILS = WordPools.pool("traffic.invalid-emails");

    private static final String[] STATUSES = WordPools.pool("traffic.statuses");
    private static final String[] ODD_STATUSES = WordPools.pool("traffic.odd-statuses");
    private static final String[] INVALID_STATUSES = WordPools.pool("traffic.invalid-statuses");
    private static final String[] SOURCES = WordPools.pool("traffic.sources");
    private static final String[] LIST_NAMES = WordPools.pool("traffic.list-names");
    private static final String[] FIELD_NAMES = WordPools.pool("traffic.field-names");
    private static final String[] FIELD_VALUES = WordPools.pool("traffic.field-values");
    private static final String[] TAGS = WordPools.pool("traffic.tags");
    private static final String[] USER_AGENTS = WordPools.pool("traffic.user-agents");
    private static final String[] URLS = WordPools.pool("traffic.urls");
    private static final String[] BOUNCE_KINDS = WordPools.pool("traffic.bounce-kinds");
    private static final String[] REASONS = WordPools.pool("traffic.reasons");
    private static final String[] SUPPRESSION_REASONS = WordPools.pool("traffic.suppression-reasons");

    private final Rng rng;

    TrafficValues(Rng rng) {
        this.rng = rng;
    }

    Rng rng() {
        return rng;
    }

    /** A new person's email, unique through {@code id}: sometimes in odd case or padded, sometimes invalid or NULL. */
    String newEmail(long id) {
        if (rng.chance(DIRT)) {
            return rng.chance(0.2) ? null : String.format(Locale.ROOT, rng.pick(INVALID_EMAILS), id);
        }
        String email =
                (rng.pick(FIRST) + "." + rng.pick(LAST)).replace(' ', '_').toLowerCase(Locale.ROOT) + ".app" + id + "@"
                        + rng.pick(DOMAINS);
        return rng.chance(0.1) ? flipCase(email, 0.3) : rng.chance(0.05) ? " " + email + "\t" : email;
    }

    /** The same address as another spelling would give it: its case changed, sometimes padded. */
    String respelled(String email) {
        String other = flipCase(email, 0.3);
        if (other.equals(email)) {
            other = flipCase(email, 1);
        }
        return rng.chance(0.2) ? " " + other : other;
    }

    String firstName() {
        return rng.chance(DIRT) ? blank() : rng.pick(FIRST);
    }

    String lastName() {
        return rng.chance(DIRT) ? blank() : rng.chance(0.05) ? "  " + rng.pick(LAST) + " " : rng.pick(LAST);
    }

    String phone() {
        return rng.chance(0.5) ? null : "+1 555 " + (1_000_000 + rng.nextInt(9_000_000));
    }

    String status() {
        double u = rng.nextDouble();
        return u < DIRT / 2 ? rng.pick(INVALID_STATUSES) : u < 0.15 ? rng.pick(ODD_STATUSES) : rng.pick(STATUSES);
    }

    /** A status in odd case or padding, or not valid at all: an edit of the status gives one of these often. */
    String oddStatus() {
        return rng.chance(0.5) ? status() : rng.chance(0.8) ? rng.pick(ODD_STATUSES) : rng.pick(INVALID_STATUSES);
    }

    String source() {
        return rng.chance(0.1) ? null : rng.pick(SOURCES);
    }

    String listName(long id) {
        return rng.pick(LIST_NAMES) + " " + id;
    }

    String fieldName() {
        return rng.chance(DIRT) ? blank() : rng.pick(FIELD_NAMES);
    }

    /** NULL now and then (rejected as null_value). */
    String fieldValue() {
        return rng.chance(DIRT) ? null : rng.pick(FIELD_VALUES);
    }

    String tag() {
        return rng.chance(DIRT) ? blank() : rng.pick(TAGS);
    }

    String userAgent() {
        return rng.chance(0.2) ? null : rng.pick(USER_AGENTS);
    }

    String url() {
        return rng.pick(URLS);
    }

    String bounceKind() {
        return rng.pick(BOUNCE_KINDS);
    }

    String reason() {
        return rng.chance(0.3) ? null : rng.pick(REASONS);
    }

    String suppressionReason() {
        return rng.pick(SUPPRESSION_REASONS);
    }

    long campaignId() {
        return 1 + rng.nextInt(500);
    }

    /** How many children of one kind a new row gets: 0 to {@code max}, fewer more often. */
    int children(int max) {
        int n = 0;
        while (n < max && rng.chance(0.5)) {
            n++;
        }
        return n;
    }

    private String blank() {
        return rng.chance(0.3) ? null : rng.pick(BLANKS);
    }

    /** Each ASCII letter's case flipped with probability {@code p}, nothing else (R1's lower() undoes it). */
    private String flipCase(String s, double p) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            out.append(letter && (p >= 1 || rng.chance(p)) ? (char) (c ^ 0x20) : c);
        }
        return out.toString();
    }
}
