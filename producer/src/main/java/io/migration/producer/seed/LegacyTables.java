package io.migration.producer.seed;

import io.migration.common.copy.BinaryCopyWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Generates the rows of the ten legacy tables for a {@link SeedPlan}, dirty the way
 * MIGRATION.md ("What the source really holds") says production is. Every value of a row comes
 * from an {@link Rng} stream keyed by (seed, table, row), so each table can be written on its own,
 * in any order or in parallel, and the same seed always gives the same rows.
 *
 * <p>The fields of each row are written in the column order of that table's {@link LegacyCopyTables}
 * description, which the shared binary writer checks value by value.
 */
final class LegacyTables {

    /** One table's generator: writes every row and returns how many. */
    interface Generator {
        long write(BinaryCopyWriter out) throws SQLException;
    }

    /** A table to load, with a rough cost used to start the most expensive loads first. */
    record Load(String table, double cost, Generator generator) {}

    // Random streams, one per kind of row (never renumber them: the data of a seed would change).
    private static final long S_COMPANY = 1;
    private static final long S_LIST = 2;
    private static final long S_ROW = 3;
    private static final long S_ROW_BASE = 4;
    private static final long S_ROW_TIME = 5;
    private static final long S_PERSON = 6;
    private static final long S_FIELD = 7;
    private static final long S_TAG = 8;
    private static final long S_OPEN = 9;
    private static final long S_CLICK = 10;
    private static final long S_BOUNCE = 11;
    private static final long S_UNSUBSCRIBE = 12;
    private static final long S_SUPPRESSION = 13;
    private static final long S_BATCH = 14;

    private static final long SECOND = 1_000_000L;
    private static final long DAY = 86_400L * SECOND;
    /** 2016-01-01T00:00:00Z. */
    private static final long BASE = 1_451_606_400L * SECOND;

    private static final long SPAN = 8 * 365 * DAY;
    /** 2024-03-01T00:00:00Z: bulk updates ("batch imports") happen after every created_at. */
    private static final long BATCH_BASE = 1_709_251_200L * SECOND;

    // Share of dirt (each a few per cent, as MIGRATION.md asks).
    private static final double NULL_EMAIL = 0.02;
    private static final double INVALID_EMAIL = 0.035;
    private static final double EMAIL_CASE = 0.10;
    private static final double EMAIL_PADDING = 0.06;
    private static final double SAME_LIST_TWICE = 0.02;
    private static final double MISSING_LIST = 0.015;
    private static final double FOREIGN_LIST = 0.015;
    private static final double DELETED_LIST = 0.08;
    private static final double ORPHAN_CHILD = 0.01;
    private static final double BATCH_UPDATED = 0.10;
    /** Children per list_recipients row: cumulative probabilities of 0, 1, 2, ... children. */
    private static final double[] FIELDS = {0.35, 0.70, 0.90, 1.0};

    private static final double[] TAGS = {0.52, 0.89, 0.97, 1.0};
    private static final double[] OPENS = {0.30, 0.55, 0.75, 0.87, 0.95, 1.0};
    private static final double[] CLICKS = {0.65, 0.90, 0.97, 1.0};
    private static final double[] BOUNCES = {0.91, 0.99, 1.0};
    private static final double[] UNSUBSCRIBES = {0.955, 0.995, 1.0};

    private static final String[] WHITE_SPACE = {" ", "\t", "\n", "\u000B", "\f", "\r"};
    private static final String[] BLANKS = {"", " ", "  ", "\t", " \n ", "\r\n", "\u000B", "\f "};
    private static final String[] FIRST = {
        "Anna",
        "Ben",
        "Carla",
        "David",
        "Emma",
        "Felix",
        "Grace",
        "Hugo",
        "Ida",
        "Jonas",
        "Kate",
        "Liam",
        "Mia",
        "Noah",
        "Olga",
        "Paul",
        "Quinn",
        "Rosa",
        "Sam",
        "Tina",
        "Uma",
        "Victor",
        "Wendy",
        "Xavier",
        "Yara",
        "Zack",
        "Robert",
        "Elizabeth",
        "William",
        "Margaret"
    };
    private static final String[] NICKNAMES = {
        "Bob",
        "Liz",
        "Bill",
        "Maggie",
        "Annie",
        "Benny",
        "Dave",
        "Sammy",
        "Vic",
        "Kat",
        "anna",
        "BEN",
        "Dr. Paul",
        "Mrs. Rosa"
    };
    private static final String[] FIRST_NON_ASCII = {
        "José", "Zoë", "Øyvind", "Ángel", "Łukasz", "Søren", "Çelik", "Márta", "Jürgen", "Françoise"
    };
    private static final String[] LAST = {
        "Smith",
        "Jones",
        "Miller",
        "Brown",
        "Garcia",
        "Martin",
        "Lee",
        "Walker",
        "Young",
        "King",
        "Wright",
        "Lopez",
        "Hill",
        "Scott",
        "Green",
        "Adams",
        "Baker",
        "Nelson",
        "Carter",
        "Mitchell",
        "Perez",
        "Roberts",
        "Turner",
        "Phillips",
        "Campbell",
        "Parker"
    };
    private static final String[] OTHER_LAST = {
        "Smith-Jones", "SMITH", "van der Berg", "O'Neil", "Miller Jr.", "Brown (old)", "Mc Donald"
    };
    private static final String[] LAST_NON_ASCII = {
        "García", "Müller", "Ødegård", "Nuñez", "Wójcik", "Ångström", "Dvořák", "Şahin"
    };
    private static final String[] DOMAINS = {
        "example.com",
        "mail.example.org",
        "corp.example.net",
        "gmail.test",
        "yahoo.test",
        "outlook.test",
        "company.co.uk",
        "web.de",
        "example.io",
        "shop.example"
    };
    private static final String[] DOMAINS_NON_ASCII = {"exämple.com", "müller.de", "bücher.example", "例え.jp"};
    private static final String[] STATUS_VALUES = {"subscribed", "unsubscribed", "bounced", "pending"};
    private static final double[] STATUS_WEIGHTS = {0.70, 0.82, 0.88, 1.0};
    private static final String[] ODD_STATUSES = {
        " Subscribed ",
        "UNSUBSCRIBED",
        "Pending",
        "bounced\t",
        " subscribed",
        "SUBSCRIBED",
        "Unsubscribed\n",
        "\u000Bpending",
        "Bounced\r",
        "\fsubscribed"
    };
    private static final String[] INVALID_STATUSES = {
        "active", "", " ", "deleted", "subscribed?", "opted-in", "un subscribed", "null", "1"
    };
    private static final String[] SOURCES = {"import", "signup_form", "api", "manual", "landing_page", "checkout"};
    private static final String[] LIST_NAMES = {
        "Newsletter",
        "Customers",
        "Leads",
        "Webinar",
        "Black Friday",
        "Product updates",
        "Partners",
        "Events",
        "Beta testers",
        "Weekly digest"
    };
    private static final String[] COMPANY_WORDS = {
        "Acme",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark",
        "Wayne",
        "Wonka",
        "Tyrell",
        "Cyberdyne",
        "Soylent",
        "Vandelay",
        "Müller",
        "Nordwind"
    };
    private static final String[] COMPANY_KINDS = {"Inc.", "GmbH", "Ltd", "LLC", "S.A.", "AG", "& Co", "Group"};
    private static final String[] FIELD_NAMES = {
        "city", "country", "company", "birthday", "plan", "zip", "language", "gender", "job_title"
    };
    private static final String[] FIELD_VALUES = {
        "Berlin",
        "Paris",
        "New York",
        "DE",
        "fr",
        "gold",
        "free",
        "1990-04-01",
        "12345",
        "CEO",
        "",
        " ",
        "n/a",
        "Zürich",
        "東京"
    };
    private static final String[] TAG_VALUES = {
        "vip", "newsletter", "customer", "lead", "churned", "beta", "webinar-2023", "black-friday"
    };
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
        "Outlook-iOS/2.0",
        "Thunderbird/115.0",
        "Apple Mail (2.3731)",
        "GoogleImageProxy",
        ""
    };
    private static final String[] URLS = {
        "https://shop.example/sale",
        "https://example.com/blog/post-1",
        "https://example.com/unsubscribe",
        "http://tracking.example/r?u=1",
        "https://example.com/ümlaut",
        "https://example.com/a%20b"
    };
    private static final String[] BOUNCE_KINDS = {"hard", "soft", "hard", "soft", "transient", "Hard"};
    private static final String[] BOUNCE_REASONS = {
        "550 5.1.1 user unknown", "mailbox full", "spam block", "domain not found", "message too large"
    };
    private static final String[] UNSUBSCRIBE_REASONS = {
        "too many emails", "not interested", "never signed up", "other", ""
    };
    private static final String[] SUPPRESSION_REASONS = {"hard_bounce", "complaint", "manual", "unsubscribe", "legal"};

    private final SeedPlan plan;
    private final long seed;

    LegacyTables(SeedPlan plan) {
        this.plan = plan;
        this.seed = plan.seed();
    }

    /** The ten loads, most expensive first. */
    List<Load> loads() {
        double m = plan.rows();
        return List.of(
                new Load("list_recipients", m * 3.0, this::writeListRecipients),
                new Load("recipient_opens", m * 1.6, this::writeOpens),
                new Load("list_recipient_fields", m * 1.2, this::writeFields),
                new Load("recipient_clicks", m * 0.6, this::writeClicks),
                new Load("recipient_tags", m * 0.6, this::writeTags),
                new Load("recipient_bounces", m * 0.12, this::writeBounces),
                new Load("recipient_unsubscribes", m * 0.06, this::writeUnsubscribes),
                new Load("suppressions", plan.totalSuppressions(), this::writeSuppressions),
                new Load("lists", plan.totalLists(), this::writeLists),
                new Load("companies", plan.companies(), this::writeCompanies));
    }

    // ---- companies and lists ----

    long writeCompanies(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        for (int c = 1; c <= plan.companies(); c++) {
            rng.reset(seed, S_COMPANY, c);
            out.row();
            out.int8(c);
            out.text(rng.pick(COMPANY_WORDS) + " " + rng.pick(COMPANY_KINDS) + " #" + c);
            out.timestamptz(BASE - rng.nextLong(3 * 365 * DAY));
        }
        return out.finish();
    }

    long writeLists(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        for (int c = 1; c <= plan.companies(); c++) {
            for (int j = 0; j < plan.listCount(c); j++) {
                long id = plan.listStart(c) + j;
                rng.reset(seed, S_LIST, id);
                long created = BASE + rng.nextLong(SPAN / 2);
                boolean deleted = j > 0 && rng.chance(DELETED_LIST);
                out.row();
                out.int8(id);
                out.int8(c);
                out.text(rng.pick(LIST_NAMES) + " " + (j + 1));
                out.timestamptz(created);
                if (deleted) {
                    out.timestamptz(created + rng.nextLong(4 * 365 * DAY));
                } else {
                    out.nul();
                }
            }
        }
        return out.finish();
    }

    // ---- people and their emails ----

    /** A person, the same in every company: p-th person of a company is "the same human" everywhere. */
    private record Person(String first, String last, String email, String phone) {}

    private Person person(long p, Rng rng) {
        rng.reset(seed, S_PERSON, p);
        boolean nonAscii = rng.chance(0.03);
        String first = nonAscii ? rng.pick(FIRST_NON_ASCII) : rng.pick(FIRST);
        String last = nonAscii ? rng.pick(LAST_NON_ASCII) : rng.pick(LAST);
        String domain = nonAscii && rng.chance(0.5) ? rng.pick(DOMAINS_NON_ASCII) : rng.pick(DOMAINS);
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '_') + p;
        String phone = rng.chance(0.6) ? "+1 555 " + (1_000_000 + rng.nextInt(9_000_000)) : null;
        return new Person(first, last, local + "@" + domain, phone);
    }

    /** The person's email as one row of the monolith holds it: mostly clean, sometimes not. */
    private static String email(Rng rng, String clean, boolean mustDiffer) {
        if (!mustDiffer) {
            double u = rng.nextDouble();
            if (u < NULL_EMAIL) {
                return null;
            }
            if (u < NULL_EMAIL + INVALID_EMAIL) {
                return invalidEmail(rng, clean);
            }
        }
        String email = clean;
        if (mustDiffer || rng.chance(EMAIL_CASE)) {
            email = caseVariant(rng, email);
        }
        if ((mustDiffer && rng.chance(0.5)) || rng.chance(EMAIL_PADDING)) {
            email = pad(rng, email);
        }
        return email;
    }

    /** One of the ways an email breaks R1 (MIGRATION.md), sometimes with case and padding too. */
    static String invalidEmail(Rng rng, String clean) {
        int at = clean.indexOf('@');
        String local = clean.substring(0, at);
        String domain = clean.substring(at + 1);
        String bad = switch (rng.nextInt(14)) {
            case 0 -> local + domain; // no @
            case 1 -> local + "@" + "@" + domain; // two @
            case 2 -> local + "@home@" + domain; // two @
            case 3 -> "@" + domain; // empty local part
            case 4 -> (local + ".").repeat(64 / (local.length() + 1) + 1) + "x@" + domain; // local > 64
            case 5 -> local + "@localhost"; // domain without a dot
            case 6 -> local + "@." + domain; // domain starts with a dot
            case 7 -> local + "@" + domain + "."; // domain ends with a dot
            case 8 -> local + "@" + domain.replaceFirst("\\.", ".."); // ".." in the domain
            case 9 -> local.replaceFirst("\\.", " ") + "@" + domain; // internal space
            case 10 -> local + "\t@" + domain; // control character inside
            case 11 -> "a@"; // too short
            case 12 -> local + "@" + "sub.".repeat(64) + domain; // longer than 254
            default -> rng.pick(BLANKS); // blank
        };
        if (rng.chance(0.2)) {
            bad = caseVariant(rng, bad);
        }
        return rng.chance(0.1) ? pad(rng, bad) : bad;
    }

    /** Upper or mixed case (non-ASCII letters too: R1's lower only folds A-Z). */
    static String caseVariant(Rng rng, String s) {
        if (s.isEmpty()) {
            return s;
        }
        return switch (rng.nextInt(3)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
            default -> {
                int at = s.indexOf('@');
                yield at < 0
                        ? s.toUpperCase(Locale.ROOT)
                        : s.substring(0, at) + s.substring(at).toUpperCase(Locale.ROOT);
            }
        };
    }

    /** Surrounds with one or more of the six ASCII white-space characters that trim removes. */
    static String pad(Rng rng, String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        int before = rng.nextInt(3);
        int after = before == 0 ? 1 + rng.nextInt(2) : rng.nextInt(3);
        for (int i = 0; i < before; i++) {
            b.append(rng.pick(WHITE_SPACE));
        }
        b.append(s);
        for (int i = 0; i < after; i++) {
            b.append(rng.pick(WHITE_SPACE));
        }
        return b.toString();
    }

    // ---- list_recipients ----

    /** created_at of list_recipients row {@code id} (its children's events happen after it). */
    private long rowCreatedAt(long id, Rng rng) {
        rng.reset(seed, S_ROW_TIME, id);
        return BASE + rng.nextLong(SPAN / SECOND) * SECOND + rng.nextInt(1000) * 1000L;
    }

    long writeListRecipients(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng base = new Rng();
        Rng aux = new Rng();
        int companies = plan.companies();
        for (int c = 1; c <= companies; c++) {
            long first = plan.rowStart(c);
            long end = first + plan.rowsOf(c);
            long people = plan.people(c);
            long popular = Math.max(1, people / 50);
            int lists = plan.listCount(c);
            long listStart = plan.listStart(c);
            for (long id = first; id < end; id++) {
                rng.reset(seed, S_ROW, id);
                // The same person twice on the same list: repeat the previous row's person and list.
                boolean again = id > first && rng.chance(SAME_LIST_TWICE);
                base.reset(seed, S_ROW_BASE, again ? id - 1 : id);
                long person = base.chance(0.05) ? base.nextLong(popular) : base.nextLong(people);
                long listId = listStart + base.nextInt(lists);
                double u = rng.nextDouble();
                if (u < MISSING_LIST) {
                    listId = plan.totalLists() + 1 + rng.nextInt(100_000);
                } else if (u < MISSING_LIST + FOREIGN_LIST && companies > 1) {
                    int other = 1 + (c + rng.nextInt(companies - 1)) % companies;
                    listId = plan.listStart(other) + rng.nextInt(plan.listCount(other));
                }
                Person who = person(person, aux);
                long created = rowCreatedAt(id, aux);
                long updated;
                double t = rng.nextDouble();
                if (t < BATCH_UPDATED) {
                    updated = BATCH_BASE
                            + aux.reset(seed, S_BATCH, c * 4L + rng.nextInt(3)).nextLong(90) * DAY;
                } else if (t < BATCH_UPDATED + 0.04) {
                    updated = created;
                } else {
                    updated = created + rng.nextLong(400 * DAY / SECOND) * SECOND;
                }
                out.row();
                out.int8(id);
                out.int8(c);
                out.int8(listId);
                out.text(email(rng, who.email(), again));
                out.text(name(rng, who.first(), FIRST, NICKNAMES));
                out.text(name(rng, who.last(), LAST, OTHER_LAST));
                out.text(phone(rng, who.phone()));
                out.text(status(rng));
                out.text(source(rng));
                out.timestamptz(created);
                out.timestamptz(updated);
            }
        }
        return out.finish();
    }

    /** Mostly the person's name; sometimes another one (it differs between lists), blank or padded. */
    private static String name(Rng rng, String name, String[] others, String[] variants) {
        double u = rng.nextDouble();
        if (u < 0.04) {
            return null;
        }
        if (u < 0.06) {
            return "";
        }
        if (u < 0.09) {
            return rng.pick(BLANKS);
        }
        if (u < 0.13) {
            return rng.pick(others);
        }
        if (u < 0.17) {
            return rng.pick(variants);
        }
        if (u < 0.21) {
            return rng.chance(0.5) ? pad(rng, name) : caseVariant(rng, name);
        }
        return name;
    }

    private static String phone(Rng rng, String phone) {
        double u = rng.nextDouble();
        if (phone == null) {
            return u < 0.03 ? "+49 30 " + (100_000 + rng.nextInt(900_000)) : (u < 0.05 ? rng.pick(BLANKS) : null);
        }
        if (u < 0.08) {
            return null;
        }
        if (u < 0.12) {
            return rng.pick(BLANKS);
        }
        if (u < 0.16) {
            return pad(rng, phone);
        }
        if (u < 0.20) {
            return phone.replace(" ", "-");
        }
        return phone;
    }

    private static String status(Rng rng) {
        double u = rng.nextDouble();
        if (u < 0.025) {
            return rng.pick(INVALID_STATUSES);
        }
        if (u < 0.075) {
            return rng.pick(ODD_STATUSES);
        }
        return STATUS_VALUES[rng.draw(STATUS_WEIGHTS)];
    }

    private static String source(Rng rng) {
        double u = rng.nextDouble();
        if (u < 0.20) {
            return null;
        }
        if (u < 0.23) {
            return rng.pick(BLANKS);
        }
        if (u < 0.26) {
            return pad(rng, rng.pick(SOURCES));
        }
        return rng.pick(SOURCES);
    }

    // ---- children of list_recipients ----

    /** The list_recipient_id of a child: its parent, or (rarely) a row that does not exist. */
    private long parentOf(long row, Rng rng) {
        return rng.chance(ORPHAN_CHILD) ? plan.rows() + 1 + rng.nextLong(1_000_000) : row;
    }

    long writeFields(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_FIELD, row);
            int count = rng.draw(FIELDS);
            String previous = null;
            for (int j = 0; j < count; j++) {
                String name;
                if (previous != null && rng.chance(0.3)) {
                    // The same field again on the same row, its name differing in case or padding.
                    name = rng.chance(0.5) ? caseVariant(rng, previous) : pad(rng, previous);
                } else {
                    String clean = rng.pick(FIELD_NAMES);
                    double u = rng.nextDouble();
                    name = u < 0.02
                            ? rng.pick(BLANKS)
                            : u < 0.07 ? caseVariant(rng, clean) : u < 0.12 ? pad(rng, clean) : clean;
                    previous = clean;
                }
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.text(name);
                out.text(rng.chance(0.05) ? null : rng.pick(FIELD_VALUES));
            }
        }
        return out.finish();
    }

    long writeTags(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_TAG, row);
            int count = rng.draw(TAGS);
            String previous = null;
            for (int j = 0; j < count; j++) {
                String tag;
                if (previous != null && rng.chance(0.35)) {
                    // A duplicate tag differing in case (and sometimes padding).
                    tag = caseVariant(rng, previous);
                    if (rng.chance(0.2)) {
                        tag = pad(rng, tag);
                    }
                } else {
                    String clean = rng.pick(TAG_VALUES);
                    double u = rng.nextDouble();
                    tag = u < 0.02 ? rng.pick(BLANKS) : u < 0.10 ? caseVariant(rng, clean) : clean;
                    previous = clean;
                }
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.text(tag);
            }
        }
        return out.finish();
    }

    long writeOpens(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng time = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_OPEN, row);
            int count = rng.draw(OPENS);
            if (count == 0) {
                continue;
            }
            long created = rowCreatedAt(row, time);
            for (int j = 0; j < count; j++) {
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.int8(1 + rng.nextInt(5000));
                out.timestamptz(created + rng.nextLong(500 * DAY / SECOND) * SECOND);
                out.text(rng.chance(0.15) ? null : rng.pick(USER_AGENTS));
            }
        }
        return out.finish();
    }

    long writeClicks(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng time = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_CLICK, row);
            int count = rng.draw(CLICKS);
            if (count == 0) {
                continue;
            }
            long created = rowCreatedAt(row, time);
            for (int j = 0; j < count; j++) {
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.int8(1 + rng.nextInt(5000));
                out.text(rng.pick(URLS));
                out.timestamptz(created + rng.nextLong(500 * DAY / SECOND) * SECOND);
            }
        }
        return out.finish();
    }

    long writeBounces(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng time = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_BOUNCE, row);
            int count = rng.draw(BOUNCES);
            if (count == 0) {
                continue;
            }
            long created = rowCreatedAt(row, time);
            for (int j = 0; j < count; j++) {
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.int8(rng.chance(0.2) ? null : 1L + rng.nextInt(5000));
                out.text(rng.pick(BOUNCE_KINDS));
                out.text(rng.chance(0.3) ? null : rng.pick(BOUNCE_REASONS));
                out.timestamptz(created + rng.nextLong(500 * DAY / SECOND) * SECOND);
            }
        }
        return out.finish();
    }

    long writeUnsubscribes(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng time = new Rng();
        long id = 0;
        for (long row = 1; row <= plan.rows(); row++) {
            rng.reset(seed, S_UNSUBSCRIBE, row);
            int count = rng.draw(UNSUBSCRIBES);
            if (count == 0) {
                continue;
            }
            long created = rowCreatedAt(row, time);
            for (int j = 0; j < count; j++) {
                out.row();
                out.int8(++id);
                out.int8(parentOf(row, rng));
                out.int8(rng.chance(0.3) ? null : 1L + rng.nextInt(5000));
                out.text(rng.chance(0.4) ? null : rng.pick(UNSUBSCRIBE_REASONS));
                out.timestamptz(created + rng.nextLong(500 * DAY / SECOND) * SECOND);
            }
        }
        return out.finish();
    }

    // ---- suppressions ----

    long writeSuppressions(BinaryCopyWriter out) throws SQLException {
        Rng rng = new Rng();
        Rng aux = new Rng();
        long id = 0;
        for (int c = 1; c <= plan.companies(); c++) {
            long previous = -1;
            for (int i = 0; i < plan.suppressionCount(c); i++) {
                rng.reset(seed, S_SUPPRESSION, ++id);
                // Sometimes the same person again (R11 keeps the earliest row).
                boolean again = previous >= 0 && rng.chance(0.1);
                long person = again ? previous : rng.nextLong(plan.people(c));
                previous = person;
                String clean = person(person, aux).email();
                String email = rng.chance(0.03) ? invalidEmail(rng, clean) : email(rng, clean, again);
                out.row();
                out.int8(id);
                out.int8(c);
                out.text(email == null ? clean : email);
                out.text(rng.pick(SUPPRESSION_REASONS));
                out.timestamptz(BASE + rng.nextLong(SPAN / SECOND) * SECOND);
            }
        }
        return out.finish();
    }
}
