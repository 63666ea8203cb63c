package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.OTHER_COMPANY;
import static io.migration.common.transform.Fixtures.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of one company's dirty source: every kind of dirt MIGRATION.md lists
 * ("What the source really holds") that matters to the pure rules, drawn from small pools so
 * that collisions (same person, same list, same timestamps, same field name) are frequent.
 */
record DirtyData(
        List<SourceList> lists,
        List<SourceListRecipient> rows,
        List<SourceField> fields,
        List<SourceTag> tags,
        List<SourceEvent> events) {

    private static final String[] EMAILS = {
        "ann@x.io", "Bob@Y.org", "élodie@exämple.org", "Élodie@exämple.org", "😀@x.io", "cara.d+news@mail.example.com"
    };
    private static final String[] BAD_EMAILS = {"no-at-sign", "a@b..co", "a b@c.co", "@x.io", "a@x", "a@@x.io"};
    private static final String[] PADDING = {"", " ", "\t", "\u000B", "\f", "\r\n", " \f "};
    private static final String[] STATUSES = {
        "subscribed", " SUBSCRIBED ", "Pending\f", "\u000Bbounced", "unsubscribed", "active", "", "sub scribed"
    };
    private static final String[] NAMES = {"Ann", " Ann ", "ANN", " ", "\u000B\f", null, "Zoë", ""};
    private static final String[] SOURCES = {"web", " import ", null, " ", "API"};
    private static final String[] FIELD_NAMES = {"City", " city ", "CITY", "zip", "\u000BZip", " ", "", "Émoji"};
    private static final String[] FIELD_VALUES = {"x", null, "", " y ", "Paris"};
    private static final String[] TAGS = {"VIP", " vip", "Vip\f", "", " \t ", "Éte", "éte", "new"};

    static DirtyData generate(long seed, int rowCount) {
        Random random = new Random(seed);
        List<SourceList> lists = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            lists.add(new SourceList(id, COMPANY, "L" + id, t(0), random.nextInt(5) == 0 ? t(1) : null));
        }
        lists.add(new SourceList(7, OTHER_COMPANY, "theirs", t(0), null));
        lists.add(new SourceList(8, OTHER_COMPANY, "theirs, deleted", t(0), t(1)));
        // List ids 9 and 10 do not exist.

        List<SourceListRecipient> rows = new ArrayList<>();
        for (long id = 1; id <= rowCount; id++) {
            rows.add(new SourceListRecipient(
                    id,
                    COMPANY,
                    1 + random.nextInt(10),
                    email(random),
                    pick(random, NAMES),
                    pick(random, NAMES),
                    pick(random, NAMES),
                    pick(random, STATUSES),
                    pick(random, SOURCES),
                    t(random.nextInt(4)),
                    t(4 + random.nextInt(4))));
        }
        // Parent ids beyond rowCount do not exist: those children are orphans.
        long parentBound = rowCount + rowCount / 10 + 1;
        List<SourceField> fields = new ArrayList<>();
        List<SourceTag> tags = new ArrayList<>();
        List<SourceEvent> events = new ArrayList<>();
        for (long id = 1; id <= rowCount * 2L; id++) {
            fields.add(new SourceField(
                    id, 1 + random.nextLong(parentBound), pick(random, FIELD_NAMES), pick(random, FIELD_VALUES)));
            tags.add(new SourceTag(id, 1 + random.nextLong(parentBound), pick(random, TAGS)));
            ActivityKind kind = ActivityKind.values()[random.nextInt(4)];
            events.add(new SourceEvent(
                    kind,
                    id,
                    1 + random.nextLong(parentBound),
                    random.nextBoolean() ? null : (long) random.nextInt(5),
                    t(random.nextInt(100)),
                    pick(random, NAMES),
                    "https://x.io/" + id,
                    random.nextBoolean() ? "hard" : "soft",
                    pick(random, SOURCES)));
        }
        return new DirtyData(lists, rows, fields, tags, events);
    }

    RecipientShardInput input() {
        return Fixtures.input(lists, rows, fields, tags, events);
    }

    private static String email(Random random) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return null;
        }
        if (roll == 1) {
            return pick(random, BAD_EMAILS);
        }
        StringBuilder email = new StringBuilder(pick(random, EMAILS));
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c >= 'a' && c <= 'z' && random.nextInt(4) == 0) {
                email.setCharAt(i, (char) (c - 32));
            }
        }
        return pick(random, PADDING) + email + pick(random, PADDING);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
