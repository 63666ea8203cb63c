package io.migration.producer.seed;

import static io.migration.producer.seed.LegacyTable.int8;
import static io.migration.producer.seed.LegacyTable.noFacts;
import static io.migration.producer.seed.LegacyTable.text;
import static io.migration.producer.seed.LegacyTable.timestamptz;

import io.migration.common.copy.BinaryCopyWriter;
import io.migration.common.copy.CopyTable;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ten legacy tables the seed writes, each described once: its rows, its columns in COPY order
 * and how each value is made, dirty the way MIGRATION.md ("What the source really holds") says
 * production is. Each value draws from the row's stream, keyed by (seed, table, row), so each table
 * can be written on its own, in any order or in parallel, and the same seed gives the same rows.
 */
final class LegacyTables {

    /** A table to load, with a rough cost used to start the most expensive loads first. */
    record Load(String table, double cost, Generator generator) {}

    /** One table's rows: writes every one and returns how many. */
    interface Generator {
        long write(BinaryCopyWriter out) throws SQLException;
    }

    // Random streams, one per table (never renumber them: the data of a seed would change).
    private static final long S_COMPANY = 1;
    private static final long S_LIST = 2;
    private static final long S_ROW = 3;
    private static final long S_FIELD = 7;
    private static final long S_TAG = 8;
    private static final long S_OPEN = 9;
    private static final long S_CLICK = 10;
    private static final long S_BOUNCE = 11;
    private static final long S_UNSUBSCRIBE = 12;
    private static final long S_SUPPRESSION = 13;

    /** Children per list_recipients row: cumulative probabilities of 0, 1, 2, ... children. */
    private static final double[] FIELDS = {0.35, 0.70, 0.90, 1.0};

    private static final double[] TAGS = {0.52, 0.89, 0.97, 1.0};
    private static final double[] OPENS = {0.30, 0.55, 0.75, 0.87, 0.95, 1.0};
    private static final double[] CLICKS = {0.65, 0.90, 0.97, 1.0};
    private static final double[] BOUNCES = {0.91, 0.99, 1.0};
    private static final double[] UNSUBSCRIBES = {0.955, 0.995, 1.0};

    private static final String[] FIRST = WordPools.pool("first");
    private static final String[] NICKNAMES = WordPools.pool("nicknames");
    private static final String[] LAST = WordPools.pool("last");
    private static final String[] OTHER_LAST = WordPools.pool("other-last");
    private static final String[] LIST_NAMES = WordPools.pool("list-names");
    private static final String[] COMPANY_WORDS = WordPools.pool("company-words");
    private static final String[] COMPANY_KINDS = WordPools.pool("company-kinds");
    private static final String[] FIELD_NAMES = WordPools.pool("field-names");
    private static final String[] FIELD_VALUES = WordPools.pool("field-values");
    private static final String[] TAG_VALUES = WordPools.pool("tag-values");
    private static final String[] USER_AGENTS = WordPools.pool("user-agents");
    private static final String[] URLS = WordPools.pool("urls");
    private static final String[] BOUNCE_KINDS = WordPools.pool("bounce-kinds");
    private static final String[] BOUNCE_REASONS = WordPools.pool("bounce-reasons");
    private static final String[] UNSUBSCRIBE_REASONS = WordPools.pool("unsubscribe-reasons");
    private static final String[] SUPPRESSION_REASONS = WordPools.pool("suppression-reasons");

    private static final List<LegacyTable> TABLES = List.of(
            new LegacyTable(
                    "companies",
                    SeedPlan::companies,
                    Rows.perCompany(S_COMPANY),
                    noFacts(),
                    List.of(
                            int8("id", r -> r.id),
                            text(
                                    "name",
                                    r -> r.rng.pick(COMPANY_WORDS) + " " + r.rng.pick(COMPANY_KINDS) + " #" + r.id),
                            timestamptz("created_at", r -> LegacyRow.BASE - r.rng.nextLong(3 * 365 * LegacyRow.DAY)))),
            new LegacyTable(
                    "lists",
                    SeedPlan::totalLists,
                    Rows.perList(S_LIST),
                    LegacyRow::list,
                    List.of(
                            int8("id", r -> r.id),
                            int8("company_id", r -> (long) r.company),
                            text("name", r -> r.rng.pick(LIST_NAMES) + " " + (r.index + 1)),
                            timestamptz("created_at", r -> r.createdAt),
                            timestamptz(
                                    "deleted_at",
                                    r -> r.deleted ? r.createdAt + r.rng.nextLong(4 * 365 * LegacyRow.DAY) : null))),
            new LegacyTable(
                    "list_recipients",
                    plan -> plan.rows() * 3.0,
                    Rows.perRecipient(S_ROW),
                    LegacyRow::recipient,
                    List.of(
                            int8("id", r -> r.id),
                            int8("company_id", r -> (long) r.company),
                            int8("list_id", r -> r.listId),
                            text("email", r -> DirtyValues.email(r.rng, r.person.email(), r.again)),
                            text("first_name", r -> DirtyValues.name(r.rng, r.person.first(), FIRST, NICKNAMES)),
                            text("last_name", r -> DirtyValues.name(r.rng, r.person.last(), LAST, OTHER_LAST)),
                            text("phone", r -> DirtyValues.phone(r.rng, r.person.phone())),
                            text("status", r -> DirtyValues.status(r.rng)),
                            text("source", r -> DirtyValues.source(r.rng)),
                            timestamptz("created_at", r -> r.createdAt),
                            timestamptz("updated_at", r -> r.updatedAt))),
            new LegacyTable(
                    "list_recipient_fields",
                    plan -> plan.rows() * 1.2,
                    Rows.children(S_FIELD, FIELDS),
                    r -> r.label(FIELD_NAMES, 0.3, 0.02, 0.07, 0.12, true),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            text("name", r -> r.label),
                            text("value", r -> r.rng.chance(0.05) ? null : r.rng.pick(FIELD_VALUES)))),
            new LegacyTable(
                    "recipient_tags",
                    plan -> plan.rows() * 0.6,
                    Rows.children(S_TAG, TAGS),
                    r -> r.label(TAG_VALUES, 0.35, 0.02, 0.10, 0.10, false),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            text("tag", r -> r.label))),
            new LegacyTable(
                    "recipient_opens",
                    plan -> plan.rows() * 1.6,
                    Rows.children(S_OPEN, OPENS),
                    noFacts(),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            int8("campaign_id", r -> 1L + r.rng.nextInt(5000)),
                            timestamptz("opened_at", LegacyRow::eventTime),
                            text("user_agent", r -> r.rng.chance(0.15) ? null : r.rng.pick(USER_AGENTS)))),
            new LegacyTable(
                    "recipient_clicks",
                    plan -> plan.rows() * 0.6,
                    Rows.children(S_CLICK, CLICKS),
                    noFacts(),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            int8("campaign_id", r -> 1L + r.rng.nextInt(5000)),
                            text("url", r -> r.rng.pick(URLS)),
                            timestamptz("clicked_at", LegacyRow::eventTime))),
            new LegacyTable(
                    "recipient_bounces",
                    plan -> plan.rows() * 0.12,
                    Rows.children(S_BOUNCE, BOUNCES),
                    noFacts(),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            int8("campaign_id", r -> r.rng.chance(0.2) ? null : 1L + r.rng.nextInt(5000)),
                            text("kind", r -> r.rng.pick(BOUNCE_KINDS)),
                            text("reason", r -> r.rng.chance(0.3) ? null : r.rng.pick(BOUNCE_REASONS)),
                            timestamptz("bounced_at", LegacyRow::eventTime))),
            new LegacyTable(
                    "recipient_unsubscribes",
                    plan -> plan.rows() * 0.06,
                    Rows.children(S_UNSUBSCRIBE, UNSUBSCRIBES),
                    noFacts(),
                    List.of(
                            int8("id", r -> r.id),
                            int8("list_recipient_id", LegacyRow::parentId),
                            int8("campaign_id", r -> r.rng.chance(0.3) ? null : 1L + r.rng.nextInt(5000)),
                            text("reason", r -> r.rng.chance(0.4) ? null : r.rng.pick(UNSUBSCRIBE_REASONS)),
                            timestamptz("unsubscribed_at", LegacyRow::eventTime))),
            new LegacyTable(
                    "suppressions",
                    SeedPlan::totalSuppressions,
                    Rows.perSuppression(S_SUPPRESSION),
                    LegacyRow::suppression,
                    List.of(
                            int8("id", r -> r.id),
                            int8("company_id", r -> (long) r.company),
                            text("email", LegacyTables::suppressedEmail),
                            text("reason", r -> r.rng.pick(SUPPRESSION_REASONS)),
                            timestamptz(
                                    "created_at",
                                    r -> LegacyRow.BASE
                                            + r.rng.nextLong(LegacyRow.SPAN / LegacyRow.SECOND) * LegacyRow.SECOND))));

    /** Each table's COPY, by name: columns in the order the table's description writes values. */
    static final Map<String, CopyTable> BY_NAME = TABLES.stream()
            .map(LegacyTable::copyTable)
            .collect(Collectors.toUnmodifiableMap(CopyTable::name, Function.identity()));

    private final SeedPlan plan;

    LegacyTables(SeedPlan plan) {
        this.plan = plan;
    }

    /** The ten loads, most expensive first. */
    List<Load> loads() {
        return TABLES.stream()
                .map(t -> new Load(t.name(), t.cost().applyAsDouble(plan), out -> t.write(plan, out)))
                .sorted(Comparator.comparingDouble(Load::cost).reversed())
                .toList();
    }

    /** A suppressed address: sometimes invalid, or spelled otherwise; never NULL (the column is NOT NULL). */
    private static String suppressedEmail(LegacyRow r) {
        String clean = r.person.email();
        String email =
                r.rng.chance(0.03) ? DirtyValues.invalidEmail(r.rng, clean) : DirtyValues.email(r.rng, clean, r.again);
        return email == null ? clean : email;
    }
}
